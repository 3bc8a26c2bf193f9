namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// One per-layer measure that <see cref="RunEvaluator"/> can report (Q_h, MI, the Lie derivative, ...): its name in
/// files and on the command line, what it says, how a figure should scale it, and the source that computes it. The
/// measures are listed in <see cref="LayerMeasures"/>; a new one is one registration there.
/// </summary>
public sealed class LayerMeasure
{
    internal LayerMeasure(string name, string description, LayerMeasureSource source, bool logScale = true, string? axisLabel = null, params string[] aliases)
    {
        AxisLabel = axisLabel ?? name;
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(source);
        Name = name;
        Description = description;
        Source = source;
        LogScale = logScale;
        Aliases = aliases;
    }

    /// <summary>The name in invariance.json, profile.csv, the report and <c>--metrics</c>, e.g. <c>Q_h</c>.</summary>
    public string Name { get; }

    /// <summary>Other spellings <c>--metrics</c> accepts (any case), e.g. <c>Qh</c>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>What the measure is, in one or two sentences (the help text reads it).</summary>
    public string Description { get; }

    /// <summary>True when the measure spans decades and is drawn on a log axis; false for a bounded score such as MI.</summary>
    public bool LogScale { get; }

    /// <summary>The figures' axis label, e.g. <c>MI (0 none, 1 all)</c>.</summary>
    public string AxisLabel { get; }

    /// <summary>The computation that yields this measure (several measures share one, e.g. SL, Q_h, Q and RSL).</summary>
    internal LayerMeasureSource Source { get; }

    /// <summary>True when <paramref name="text"/> names this measure (its name or an alias, any case).</summary>
    public bool IsNamed(string? text) =>
        string.Equals(Name, text?.Trim(), StringComparison.OrdinalIgnoreCase) || Aliases.Any(a => string.Equals(a, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override string ToString() => Name;
}
