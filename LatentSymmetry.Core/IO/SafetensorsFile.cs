using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace LatentSymmetry.Core.IO;

/// <summary>
/// Reads and writes the safetensors format (an 8-byte little-endian header length, a JSON header giving
/// each tensor's dtype, shape and byte range, then the raw little-endian data), float32 only, so that
/// <c>safetensors.torch.load_file</c> opens what we write.
/// </summary>
public static class SafetensorsFile
{
    /// <summary>One named float32 tensor with its shape.</summary>
    public sealed record Entry(string Name, int[] Shape, float[] Data);

    /// <summary>Writes <paramref name="entries"/> (in order) and optional string metadata to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<Entry> entries, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (k, v) in metadata) json.WriteString(k, v);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var e in entries)
            {
                long count = e.Shape.Aggregate(1L, (a, b) => a * b);
                if (count != e.Data.Length) throw new ArgumentException($"tensor '{e.Name}': shape [{string.Join(", ", e.Shape)}] holds {count} values, data has {e.Data.Length}");
                json.WriteStartObject(e.Name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var d in e.Shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + 4 * count);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += 4 * count;
            }
            json.WriteEndObject();
        }
        // The format asks for the data to start 8-byte aligned; the header is padded with spaces.
        var header = buffer.ToArray();
        int padded = (header.Length + 7) / 8 * 8;
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
        file.Write(length);
        file.Write(header);
        for (int i = header.Length; i < padded; i++) file.WriteByte((byte)' ');
        var bytes = new byte[4];
        foreach (var e in entries)
            foreach (var v in e.Data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes, v);
                file.Write(bytes);
            }
        file.Flush(flushToDisk: true);
    }

    /// <summary>Reads every tensor of a float32 safetensors file, in the order of their data offsets.</summary>
    public static IReadOnlyList<Entry> Read(string path)
    {
        var all = File.ReadAllBytes(path);
        if (all.Length < 8) throw new InvalidDataException($"{path}: too short for a safetensors file");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(all);
        if (n > (ulong)(all.Length - 8)) throw new InvalidDataException($"{path}: header length {n} exceeds the file");
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(all, 8, (int)n));
        var dataStart = 8 + (int)n;
        var result = new List<(long Begin, Entry Entry)>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Name == "__metadata__") continue;
            var dtype = p.Value.GetProperty("dtype").GetString();
            if (dtype != "F32") throw new InvalidDataException($"{path}: tensor '{p.Name}' has dtype {dtype}; only F32 is supported");
            var shape = p.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var offsets = p.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var data = new float[(offsets[1] - offsets[0]) / 4];
            for (int i = 0; i < data.Length; i++)
                data[i] = BinaryPrimitives.ReadSingleLittleEndian(all.AsSpan(dataStart + (int)offsets[0] + 4 * i, 4));
            result.Add((offsets[0], new Entry(p.Name, shape, data)));
        }
        return result.OrderBy(r => r.Begin).Select(r => r.Entry).ToList();
    }
}
