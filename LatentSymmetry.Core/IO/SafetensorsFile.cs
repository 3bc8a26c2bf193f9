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

    /// <summary>
    /// Reads every tensor of a float32 safetensors file, in the order of their data offsets. The file is checked
    /// as the format's specification asks: the header is a JSON object; each tensor has dtype F32, a shape of
    /// non-negative sizes and data_offsets [begin, end] with end - begin = 4 x its element count; the tensors'
    /// byte ranges cover the data that follows the header exactly, without overlap, hole or trailing bytes.
    /// Any violation is an <see cref="InvalidDataException"/> naming the file and, where one is at fault, the tensor.
    /// </summary>
    public static IReadOnlyList<Entry> Read(string path)
    {
        var all = File.ReadAllBytes(path);
        if (all.Length < 8) throw new InvalidDataException($"{path}: {all.Length} bytes, too short for a safetensors file (8-byte header length first)");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(all);
        if (n > (ulong)(all.Length - 8)) throw new InvalidDataException($"{path}: header length {n} exceeds the file's {all.Length} bytes (truncated?)");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(all.AsMemory(8, (int)n)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: the header is not valid JSON ({e.Message.Split('\n')[0].Trim()})", e); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}: the header is not a JSON object");
            long dataLength = all.Length - 8 - (long)n;
            var tensors = new List<(long Begin, long End, string Name, int[] Shape)>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name == "__metadata__") continue;
                tensors.Add(ReadHeaderEntry(path, p, dataLength));
            }
            // The ranges, in order, must tile [0, dataLength): no overlap, no hole, nothing after the last.
            tensors.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
            long expected = 0;
            foreach (var t in tensors)
            {
                if (t.Begin != expected)
                    throw new InvalidDataException(t.Begin < expected
                        ? $"{path}: tensor '{t.Name}': data_offsets [{t.Begin}, {t.End}] overlap another tensor's bytes"
                        : $"{path}: tensor '{t.Name}': data_offsets [{t.Begin}, {t.End}] leave bytes {expected}..{t.Begin} of the data unclaimed");
                expected = t.End;
            }
            if (expected != dataLength)
                throw new InvalidDataException($"{path}: {dataLength - expected} bytes after the last tensor's data (the tensors hold {expected} of {dataLength})");
            int dataStart = 8 + (int)n;
            var result = new List<Entry>(tensors.Count);
            foreach (var t in tensors)
            {
                var data = new float[(t.End - t.Begin) / 4];
                var bytes = all.AsSpan(dataStart + (int)t.Begin, 4 * data.Length);
                for (int i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i, 4));
                result.Add(new Entry(t.Name, t.Shape, data));
            }
            return result;
        }
    }

    // One tensor's header entry, checked on its own: dtype, shape, offsets within the data, size agreeing with the shape.
    static (long Begin, long End, string Name, int[] Shape) ReadHeaderEntry(string path, JsonProperty p, long dataLength)
    {
        string where = $"{path}: tensor '{p.Name}'";
        if (p.Value.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{where}: expected an object with dtype, shape and data_offsets");
        if (!p.Value.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw new InvalidDataException($"{where}: dtype missing or not a string");
        var dtype = dtypeElement.GetString();
        if (dtype != "F32") throw new InvalidDataException($"{where} has dtype {dtype}; only F32 is supported");
        var shape = Integers(where, p.Value, "shape", int.MaxValue).Select(v => (int)v).ToArray();
        var offsets = Integers(where, p.Value, "data_offsets", long.MaxValue);
        if (offsets.Length != 2) throw new InvalidDataException($"{where}: data_offsets must be [begin, end], got {offsets.Length} numbers");
        long begin = offsets[0], end = offsets[1];
        if (begin > end) throw new InvalidDataException($"{where}: data_offsets [{begin}, {end}] end before they begin");
        if (end > dataLength) throw new InvalidDataException($"{where}: data_offsets [{begin}, {end}] reach past the {dataLength} bytes of data after the header (a truncated file?)");
        // The element count is bounded by the data's bytes before it can overflow: each factor is checked against it.
        long count = 1;
        foreach (var d in shape)
        {
            if (d != 0 && count > dataLength / 4 / d)
                throw new InvalidDataException($"{where}: shape [{string.Join(", ", shape)}] needs more bytes than the file's {dataLength} bytes of data");
            count *= d;
        }
        if (end - begin != 4 * count)
            throw new InvalidDataException($"{where}: data_offsets [{begin}, {end}] span {end - begin} bytes, but shape [{string.Join(", ", shape)}] of F32 needs {4 * count}");
        return (begin, end, p.Name, shape);
    }

    // The array property name of entry: whole numbers in [0, max].
    static long[] Integers(string where, JsonElement entry, string name, long max)
    {
        if (!entry.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{where}: {name} missing or not an array");
        var values = new long[array.GetArrayLength()];
        int i = 0;
        foreach (var e in array.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out long v) || v < 0 || v > max)
                throw new InvalidDataException($"{where}: {name} {array.GetRawText()} holds '{e.GetRawText()}', not a whole number " + (max == long.MaxValue ? ">= 0" : $"in 0..{max}"));
            values[i++] = v;
        }
        return values;
    }
}
