namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// The catalogue of per-layer measures: <c>evaluate</c>'s <c>--metrics</c>, its help, its files' columns and its
/// error messages read the names from here, and a new measure is one registration here, with the source that
/// computes it.
/// </summary>
public static class LayerMeasures
{
    static readonly KindCatalog<LayerMeasure> Catalog = new("measure", m => m.Name);
    static readonly LayerMeasureSource Moments = new OrbitMomentSource();
    static readonly LayerMeasureSource Information = new RotationInformationSource();
    static readonly LayerMeasureSource Lie = new LieDerivativeSource();

    /// <summary>SL = ½ E‖h(g1 x) − h(g2 x)‖², the original's symmetry penalty measured (its scale is the layer's).</summary>
    public static LayerMeasure SL { get; } = Catalog.Register(new LayerMeasure("SL",
        "SL = 1/2 E||h(g1 x) - h(g2 x)||^2, the original's symmetry penalty measured (its scale is the layer's).", Moments));

    /// <summary>Q_h: the orbit spread over the data's spread (0 invariant, 1 no more invariant than the data's spread).</summary>
    public static LayerMeasure Qh { get; } = Catalog.Register(new LayerMeasure("Q_h",
        "Q_h = E||h(g1 x) - h(g2 x)||^2 / E||h(x) - h(x')||^2 over pairs of distinct test points: 0 invariant, 1 no more " +
        "invariant than the data's spread.", Moments, aliases: "Qh"));

    /// <summary>Q: Q_h on the principal components explaining 95% of the layer's variance.</summary>
    public static LayerMeasure Q { get; } = Catalog.Register(new LayerMeasure("Q",
        "Q = Q_h on the layer's principal components explaining 95% of its variance (the authors' definition; discards " +
        "directions the layer barely uses).", Moments));

    /// <summary>RSL: the per-point relative symmetry loss, in [0, 2].</summary>
    public static LayerMeasure Rsl { get; } = Catalog.Register(new LayerMeasure("RSL",
        "RSL = E[||h(g1 x) - h(g2 x)||^2 / (||h(g1 x)||^2 + ||h(g2 x)||^2 + 1e-8)], per point, in [0, 2].", Moments));

    /// <summary>MI: how much of the relative rotation of two turned copies a layer still encodes, in [0, 1].</summary>
    public static LayerMeasure MI { get; } = Catalog.Register(new LayerMeasure("MI",
        "MI = (log K - L) / log K with L the held-out cross-entropy of a small classifier predicting the class of the " +
        "relative rotation g2 g1^-1 from the pair (h(g1 x), h(g2 x)): 0 the layer carries no information about how the " +
        "point was turned, 1 all of it. For so2 (and so2z) the rotations are K = 16 equally spaced angles and the class is " +
        "(i2 - i1) mod 16, as the authors do; for so3 the class is the angle of the relative rotation in one of 16 bins cut " +
        "at the quantiles of the Haar angle law (1 - cos t)/pi, so the classes are equally likely and MI measures how much of " +
        "the relative rotation's angle the layer still encodes (its axis is not asked for).", Information, logScale: false, axisLabel: "MI (0 none, 1 all)"));

    /// <summary>LD: the RMS Lie derivative J_h(x)·(L x) − dρ(L) h(x) over points, units and the group's generators (Gruver et al.).</summary>
    public static LayerMeasure LieDerivative { get; } = Catalog.Register(new LayerMeasure("LD",
        "LD = the Lie derivative (Gruver et al., ICLR 2023) J_h(x) (L x) - drho(L) h(x) for each generator L of the group " +
        "(drho(L) = 0 for an invariant layer, L on each vector of a --latent-rep layer), aggregated as the root of the mean " +
        "square over test points, units and generators: units of h per radian, 0 for an equivariant layer. Central " +
        "differences of the float64 network (step 1e-5). Each generator's own figure is in invariance.json (LD_L_x, ...).",
        Lie, aliases: "lie"));

    /// <summary>LD_rel: LD for unit-norm generators over the same for random unit directions of gl(n).</summary>
    public static LayerMeasure LieDerivativeRelative { get; } = Catalog.Register(new LayerMeasure("LD_rel",
        "LD_rel = LD with each generator scaled to unit Frobenius norm, over the RMS of J_h(x) (B x) for 8 random unit B " +
        "in gl(n): 0 equivariant, about 1 no more so than under a random linear flow.", Lie, aliases: "lie_rel"));

    /// <summary>Every measure, in report order.</summary>
    public static IReadOnlyList<LayerMeasure> All => Catalog.All;

    /// <summary>The names joined by ", ", for messages and help.</summary>
    public static string ValidNames => Catalog.ValidNames;

    /// <summary>The measure named <paramref name="name"/> (its name or an alias, any case), or null.</summary>
    public static LayerMeasure? Find(string? name) => Catalog.All.FirstOrDefault(m => m.IsNamed(name));

    /// <summary>
    /// Parses "SL,Q_h,MI" (any case, aliases allowed, "all" for every one) into a set; false with a one-line message
    /// naming the unknown item and the valid names otherwise.
    /// </summary>
    public static bool TryParse(string? text, out LayerMeasureSet measures, out string error)
    {
        var chosen = new List<LayerMeasure>();
        error = "";
        measures = LayerMeasureSet.Of();
        foreach (var raw in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Equals("all", StringComparison.OrdinalIgnoreCase)) { chosen.AddRange(All); continue; }
            if (Find(raw) is not { } measure)
            {
                error = $"'{raw}' is not a measure; valid: {ValidNames}, all";
                return false;
            }
            chosen.Add(measure);
        }
        if (chosen.Count == 0)
        {
            error = $"no measure given; valid: {ValidNames}, all";
            return false;
        }
        measures = LayerMeasureSet.Of(chosen);
        return true;
    }

    /// <summary>The measures' descriptions, one after another, for help texts.</summary>
    public static string Help => string.Join(" ", All.Select(m => m.Description));
}
