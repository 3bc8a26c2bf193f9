using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// The progress line's times with their names, "elapsed 0:00:03, left 0:00:12": Spectre's own two time columns
/// print two bare clocks side by side, and which is which had to be guessed.
/// </summary>
internal sealed class LabelledTimesColumn : ProgressColumn
{
    /// <summary>Cells the column takes, always the same so the line does not shift as the times grow.</summary>
    public const int Width = 29;

    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text($"elapsed {Clock(task.ElapsedTime)}, left {Clock(task.IsFinished ? TimeSpan.Zero : task.RemainingTime)}".PadRight(Width));

    public override int? GetColumnWidth(RenderOptions options) => Width;

    // h:mm:ss, up to 9:59:59; longer runs show their hours in full, a missing estimate as dashes.
    static string Clock(TimeSpan? time) => time is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
        : "-:--:--";
}
