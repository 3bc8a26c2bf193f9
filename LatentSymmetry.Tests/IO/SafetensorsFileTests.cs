using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Tests.IO;

public class SafetensorsFileTests
{
    [Test]
    public void Round_trip_keeps_names_shapes_values_and_order()
    {
        var path = Path.GetTempFileName();
        try
        {
            SafetensorsFile.Entry[] entries =
            [
                new("layers.0.weight", [2, 3], [1, -2, 3.5f, float.Epsilon, -0f, 1e30f]),
                new("layers.0.bias", [2], [0.25f, -7]),
            ];
            SafetensorsFile.Write(path, entries, new Dictionary<string, string> { ["format"] = "pt" });
            var back = SafetensorsFile.Read(path);
            Assert.That(back.Select(e => e.Name), Is.EqualTo(new[] { "layers.0.weight", "layers.0.bias" }));
            Assert.That(back[0].Shape, Is.EqualTo(new[] { 2, 3 }));
            Assert.That(back[0].Data, Is.EqualTo(entries[0].Data));
            Assert.That(back[1].Data, Is.EqualTo(entries[1].Data));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void Layout_follows_the_format_specification()
    {
        // 8-byte little-endian header size, JSON header padded to 8 bytes, then raw little-endian float32 data
        // at the byte ranges the header gives.
        var path = Path.GetTempFileName();
        try
        {
            SafetensorsFile.Write(path, [new("a", [1], [1.5f]), new("b", [2], [2f, -3f])]);
            var bytes = File.ReadAllBytes(path);
            var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            Assert.That(n % 8, Is.Zero);
            Assert.That(bytes.Length, Is.EqualTo(8 + n + 12));
            using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, n));
            var b = header.RootElement.GetProperty("b");
            Assert.That(b.GetProperty("dtype").GetString(), Is.EqualTo("F32"));
            Assert.That(b.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 4, 12 }));
            Assert.That(BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8 + n + 8)), Is.EqualTo(-3f));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void Shape_and_data_must_agree()
    {
        var path = Path.GetTempFileName();
        try
        {
            Assert.Throws<ArgumentException>(() => SafetensorsFile.Write(path, [new("a", [2, 2], [1f, 2f, 3f])]));
        }
        finally { File.Delete(path); }
    }
}
