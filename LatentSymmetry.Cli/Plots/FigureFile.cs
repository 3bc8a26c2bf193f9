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

    /// <summary>
    /// Renders <paramref name="figure"/> at <paramref name="width"/> x <paramref name="height"/> pixels and writes it to <paramref name="path"/>;
    /// side-by-side panels get equal top and bottom margins unless <paramref name="alignPanels"/> is false (a layout of its own).
    /// </summary>
    public static void Save(Multiplot figure, string path, FigureFormat format, int width, int height, bool alignPanels = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (alignPanels)
            AlignPanelHeights(figure, width, height);
        byte[] bytes = format switch
        {
            FigureFormat.Png => EncodePng(figure, width, height),
            FigureFormat.Svg => System.Text.Encoding.UTF8.GetBytes(SvgText(figure, width, height)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected Png or Svg."),
        };
        WriteAtomically(path, bytes);
    }

    /// <summary>The figure as an SVG document, laid out as <see cref="Save"/> lays it out (for pages that inline their figures).</summary>
    public static string Svg(Multiplot figure, int width, int height, bool alignPanels = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (alignPanels)
            AlignPanelHeights(figure, width, height);
        return SvgText(figure, width, height);
    }

    /// <summary>
    /// Gives side-by-side panels the same top and bottom margins, so their data areas line up even when one panel
    /// has a taller legend or title. The margins each panel needs are only known after a layout pass, hence the
    /// throwaway render.
    /// </summary>
    static void AlignPanelHeights(Multiplot figure, int width, int height)
    {
        Plot[] panels = figure.GetPlots();
        if (panels.Length < 2)
            return;
        using (Image _ = figure.Render(width, height)) { }
        // RenderDetails.Padding is measured from the image origin rather than the panel's own rectangle, which is
        // wrong for every panel but the first, so the margins are taken from the two rectangles instead.
        PixelPadding[] own = [.. panels.Select(p => Margins(p.LastRender))];
        float top = own.Max(m => m.Top), bottom = own.Max(m => m.Bottom);
        for (int i = 0; i < panels.Length; i++)
            panels[i].Layout.Fixed(new PixelPadding(own[i].Left, own[i].Right, bottom, top));
    }

    static PixelPadding Margins(RenderDetails render) => new(
        left: render.DataRect.Left - render.FigureRect.Left,
        right: render.FigureRect.Right - render.DataRect.Right,
        bottom: render.FigureRect.Bottom - render.DataRect.Bottom,
        top: render.DataRect.Top - render.FigureRect.Top);

    static byte[] EncodePng(Multiplot figure, int width, int height)
    {
        using Image image = figure.Render(width, height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    // The dash patterns survive Skia's SVG canvas only through SvgDashes.
    static string SvgText(Multiplot figure, int width, int height)
    {
        var dashes = SvgDashes.Tag(figure);
        // A figure's first render lays it out and draws it twice (ScottPlot redraws once its axes have settled): harmless
        // in pixels, but in SVG every element would be written twice. A throwaway render first leaves one pass for the SVG.
        using (Image _ = figure.Render(width, height)) { }
        string svg = dashes.Restore(System.Text.Encoding.UTF8.GetString(EncodeSvg(figure, width, height)));
        // The figure's first act clears the canvas to transparent, which Skia's SVG writes as a rect with no fill: black
        // wherever no panel covers it (the empty cell of profile.png's grid). White, as the PNG shows on a page.
        return System.Text.RegularExpressions.Regex.Replace(svg, "^(<\\?xml[^>]*>\\s*)?(<svg[^>]*>\\s*)<rect width=", "$1$2<rect fill=\"white\" width=", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
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
