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

    // A file of header (a JSON text, padded to 8 bytes) and data bytes, written as given (valid or not).
    static string Raw(string header, int dataBytes)
    {
        var path = Path.GetTempFileName();
        var json = Encoding.UTF8.GetBytes(header);
        int padded = (json.Length + 7) / 8 * 8;
        var bytes = new byte[8 + padded + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        json.CopyTo(bytes, 8);
        for (int i = 8 + json.Length; i < 8 + padded; i++) bytes[i] = (byte)' ';
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // Each file breaks one rule of the specification (issue 19, rows 3 and 9): before, the first two were read
    // (header bytes or nothing taken as weights) and the others failed with .NET's own words.
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}}""", 8, "tensor 'a': data_offsets [-8,0] holds '-8', not a whole number >= 0")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 24, "16 bytes after the last tensor's data")]
    [TestCase("""{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", 10, "tensor 'a': data_offsets [0, 16] reach past the 10 bytes of data")]
    [TestCase("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[9223372036854775800,9223372036854775804]}}""", 4, "tensor 'a': data_offsets [9223372036854775800, 9223372036854775804] reach past")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2147483647,2147483647,2147483647],"data_offsets":[0,4]}}""", 4, "tensor 'a': shape [2147483647, 2147483647, 2147483647] needs more bytes than the file's 4 bytes")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8, "tensor 'b': data_offsets [4, 8] overlap")]
    [TestCase("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8, "tensor 'a': data_offsets [4, 8] leave bytes 0..4 of the data unclaimed")]
    [TestCase("""{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 12, "tensor 'a': data_offsets [0, 8] span 8 bytes, but shape [3] of F32 needs 12")]
    [TestCase("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}""", 8, "end before they begin")]
    [TestCase("""{"a":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}""", 8, "tensor 'a' has dtype F64")]
    [TestCase("""{"a":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}""", 4, "tensor 'a': shape [1.5] holds '1.5'")]
    [TestCase("""{"a":{"dtype":"F32","shape":[1]}}""", 4, "tensor 'a': data_offsets missing")]
    [TestCase("""{"a":{"dtype":"F32",""", 4, "the header is not valid JSON")]
    [TestCase("""[1, 2]""", 0, "the header is not a JSON object")]
    public void A_file_that_breaks_the_specification_is_refused_naming_the_file(string header, int dataBytes, string message)
    {
        var path = Raw(header, dataBytes);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(path));
            Assert.That(e!.Message, Does.StartWith(path + ": ").And.Contain(message));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void A_truncated_file_is_refused_at_every_length()
    {
        var path = Path.GetTempFileName();
        try
        {
            SafetensorsFile.Write(path, [new("a", [2, 3], [1, 2, 3, 4, 5, 6]), new("b", [2], [7, 8])]);
            var whole = File.ReadAllBytes(path);
            for (int keep = 0; keep < whole.Length; keep++)
            {
                File.WriteAllBytes(path, whole[..keep]);
                var e = Assert.Throws<InvalidDataException>(() => SafetensorsFile.Read(path), $"{keep} of {whole.Length} bytes");
                Assert.That(e!.Message, Does.StartWith(path + ": "));
            }
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void Tensors_of_no_elements_read_back_empty()
    {
        var path = Raw("""{"e":{"dtype":"F32","shape":[0,3],"data_offsets":[0,0]},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 4);
        try
        {
            var back = SafetensorsFile.Read(path);
            Assert.That(back.Select(t => t.Name), Is.EqualTo(new[] { "e", "a" }));
            Assert.That(back[0].Data, Is.Empty);
        }
        finally { File.Delete(path); }
    }
}
