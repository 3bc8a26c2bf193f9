using Spectre.Console;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// The live progress line laid out for the terminal's width: description, bar, percentage, elapsed and
/// remaining time (named from 80 columns up) on one row that never wraps, from 60 columns up. The bar takes a third of what the fixed
/// columns leave (10 to 40 cells) and the description the rest, in the longest of its forms that fits. Below 60
/// columns only the description and the percentage are shown (a 45-column terminal wrapped the full line so far
/// that the percentage came one character per row).
/// </summary>
internal sealed class ProgressLayout
{
    /// <summary>Percentage (4), elapsed and remaining time (8 each), the space after each of the five columns, and one spare cell so the cursor never wraps.</summary>
    public const int FixedCells = 4 + 8 + 8 + 5 + 1;

    /// <summary>From this width the times are named (<see cref="LabelledTimesColumn"/>), in one column instead of two.</summary>
    public const int LabelledWidth = 80;

    /// <summary>Percentage (4), the named times, the space after each of the four columns and one spare cell.</summary>
    const int LabelledFixedCells = 4 + LabelledTimesColumn.Width + 4 + 1;

    /// <summary>The narrowest terminal with bar and times; narrower ones get the description and percentage alone.</summary>
    public const int MinimumWidth = 60;

    /// <summary>The percentage (4), a space after each of the two columns and one spare cell, in the narrow layout.</summary>
    const int NarrowFixedCells = 4 + 2 + 1;

    ProgressLayout(int width, int barWidth, int descriptionWidth)
    {
        Width = width;
        BarWidth = barWidth;
        DescriptionWidth = descriptionWidth;
    }

    public int Width { get; }
    /// <summary>Cells of the bar; 0 in the narrow layout, which has no bar and no times.</summary>
    public int BarWidth { get; }
    public int DescriptionWidth { get; }

    /// <summary>The layout for a terminal <paramref name="width"/> columns wide.</summary>
    public static ProgressLayout For(int width)
    {
        if (width < MinimumWidth) return new ProgressLayout(width, 0, Math.Max(1, width - NarrowFixedCells));
        int free = width - (width >= LabelledWidth ? LabelledFixedCells : FixedCells);
        int bar = Math.Clamp(free / 3, 10, 40);
        return new ProgressLayout(width, bar, free - bar);
    }

    /// <summary>The layout of the current console (80 columns when the width is unknown).</summary>
    public static ProgressLayout ForConsole()
    {
        int width;
        try { width = Console.WindowWidth; }
        catch (IOException) { width = 80; }
        return For(width > 0 ? width : 80);
    }

    /// <summary>The longest of <paramref name="forms"/> (longest first) that fits the description column, else the last one cut to fit.</summary>
    public string Fit(params string[] forms)
    {
        foreach (var f in forms)
            if (f.Length <= DescriptionWidth) return f;
        var last = forms[^1];
        return last.Length <= DescriptionWidth ? last : last[..DescriptionWidth];
    }

    /// <summary>The Spectre columns: a left-aligned description that never wraps, the bar, percentage and times.</summary>
    public ProgressColumn[] Columns() => BarWidth == 0
        ? [new TaskDescriptionColumn { Alignment = Justify.Left }, new PercentageColumn()]
        : Width >= LabelledWidth
        ? [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = BarWidth }, new PercentageColumn(), new LabelledTimesColumn()]
        :
        [
            new TaskDescriptionColumn { Alignment = Justify.Left },
            new ProgressBarColumn { Width = BarWidth },
            new PercentageColumn(),
            new ElapsedTimeColumn(),
            new RemainingTimeColumn(),
        ];
}
