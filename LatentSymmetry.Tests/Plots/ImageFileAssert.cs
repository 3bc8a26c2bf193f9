using System.Buffers.Binary;
using System.Xml.Linq;

namespace LatentSymmetry.Tests.Plots;

/// <summary>Checks on written figure files that need no image library: PNG header fields, SVG well-formedness, leftovers.</summary>
static class ImageFileAssert
{
    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The file starts with the PNG signature and an IHDR chunk whose width and height are as given.</summary>
    public static void IsPng(string path, int width, int height)
    {
        Assert.That(File.Exists(path), Is.True, $"{path} was not written");
        byte[] head = new byte[24];
        using (FileStream stream = File.OpenRead(path))
            stream.ReadExactly(head);
        Assert.That(head[..8], Is.EqualTo(PngSignature), "PNG signature");
        // The first chunk must be IHDR (length 13); width and height are big-endian 32-bit integers after its type.
        Assert.That(BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(8)), Is.EqualTo(13u), "IHDR length");
        Assert.That(System.Text.Encoding.ASCII.GetString(head, 12, 4), Is.EqualTo("IHDR"));
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(16)), Is.EqualTo(width), "PNG width");
        Assert.That(BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(20)), Is.EqualTo(height), "PNG height");
    }

    /// <summary>The file is well-formed XML whose root is an SVG element of the given size.</summary>
    public static void IsSvg(string path, int width, int height)
    {
        Assert.That(File.Exists(path), Is.True, $"{path} was not written");
        XElement root = XDocument.Load(path).Root!;
        Assert.That(root.Name.LocalName, Is.EqualTo("svg"));
        Assert.That(root.Attribute("width")?.Value, Is.EqualTo(width.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(root.Attribute("height")?.Value, Is.EqualTo(height.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The directory holds exactly the named files: no temporary file was left behind.</summary>
    public static void OnlyFiles(string directory, params string[] names) =>
        Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.EquivalentTo(names));
}
