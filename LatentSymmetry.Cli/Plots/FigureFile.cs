using ScottPlot;
using SkiaSharp;

namespace LatentSymmetry.Cli.Plots;

/// <summary>Encodes a finished figure and writes it so that readers only ever see a complete file.</summary>
internal static class FigureFile
{
    /// <summary>The format named by the file extension (.png or .svg, any case).</summary>
    public static FigureFormat FormatOf(string path)
    {
        string extension = Path.GetExtension(path);
        if (extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
            return FigureFormat.Png;
        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
            return FigureFormat.Svg;
        throw new ArgumentException($"Cannot infer the image format of '{path}': extension '{extension}' is neither .png nor .svg.", nameof(path));
    }

    /// <summary>Renders <paramref name="figure"/> at <paramref name="width"/> x <paramref name="height"/> pixels and writes it to <paramref name="path"/>.</summary>
    public static void Save(Multiplot figure, string path, FigureFormat format, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        byte[] bytes = format switch
        {
            FigureFormat.Png => EncodePng(figure, width, height),
            FigureFormat.Svg => EncodeSvg(figure, width, height),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected Png or Svg."),
        };
        WriteAtomically(path, bytes);
    }

    static byte[] EncodePng(Multiplot figure, int width, int height)
    {
        using Image image = figure.Render(width, height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    static byte[] EncodeSvg(Multiplot figure, int width, int height)
    {
        using MemoryStream buffer = new();
        using (SKManagedWStream stream = new(buffer))
        {
            // The SVG document is completed when the canvas is disposed, so dispose it before reading the buffer.
            using SKCanvas canvas = SKSvgCanvas.Create(SKRect.Create(width, height), stream);
            figure.Render(canvas, new PixelRect(0, width, height, 0));
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes to a hidden temporary file beside the target and renames it over the target. A rename within one
    /// directory is atomic on POSIX file systems, so a crash or a concurrent reader never meets a half-written image.
    /// </summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' has no parent directory.", nameof(path));
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (FileStream stream = new(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
