namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// An alternative to the penalty run beside the sweep (augmentation, the invariant model), drawn in each panel as a
/// horizontal line in its 95% confidence band: it has no lambda_max.
/// </summary>
/// <param name="Label">Legend label, e.g. "augmentation".</param>
/// <param name="Color">Its line and band colour.</param>
/// <param name="Pattern">Its line pattern, so the lines stay apart in grey print.</param>
/// <param name="Task">Its test task loss.</param>
/// <param name="Second">Its value in the second panel, or null when it has none there (it is then not drawn).</param>
public sealed record BaselineReference(string Label, ScottPlot.Color Color, ScottPlot.LinePattern Pattern, MeanCi Task, MeanCi? Second);
