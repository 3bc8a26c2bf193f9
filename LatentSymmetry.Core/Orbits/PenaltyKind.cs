using System.Numerics;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// A kind of symmetry penalty training can add at the penalised layer, as the catalog of <see cref="All"/> lists them:
/// its name (as <c>--penalty</c>, config.json and result files spell it), a description for help texts, and the
/// strategy it makes (<see cref="Create{T}"/>). A new kind is one registration (<see cref="Register"/>).
/// </summary>
public abstract class PenaltyKind
{
    static readonly KindCatalog<PenaltyKind> Catalog = new("penalty kind", k => k.Name);

    /// <summary>For subclasses: a kind of <paramref name="name"/> (lower case, no spaces or commas).</summary>
    protected PenaltyKind(string name, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains(',')) throw new ArgumentException($"a penalty name cannot hold a comma: '{name}'", nameof(name));
        Name = name;
        Description = description;
    }

    /// <summary>The original's ½ E‖h(g1 x) − h(g2 x)‖² (the default; bit-identical to the existing loss).</summary>
    public static PenaltyKind Raw { get; } = Register(new RawKind());

    /// <summary>Q_h on the batch: the raw penalty over the batch's spread ½ E‖h(x) − h(x')‖² (+ 1e-8).</summary>
    public static PenaltyKind Normalized { get; } = Register(new NormalizedKind());

    /// <summary>The raw penalty on the coordinates along the batch's principal components (95% of the variance).</summary>
    public static PenaltyKind Pca { get; } = Register(new PcaKind());

    /// <summary>Q on the batch: the PCA penalty over the spread of the projected batch (+ 1e-8).</summary>
    public static PenaltyKind PcaNormalized { get; } = Register(new PcaNormalizedKind());

    /// <summary>Every registered kind, in registration order (the built-in ones first).</summary>
    public static IReadOnlyList<PenaltyKind> All => Catalog.All;

    /// <summary>The kind of <paramref name="name"/> (any case, trimmed), or null when none is registered.</summary>
    public static PenaltyKind? Find(string? name) => Catalog.Find(name);

    /// <summary>Adds <paramref name="kind"/> to the catalog (its name must be new) and returns it.</summary>
    public static PenaltyKind Register(PenaltyKind kind) => Catalog.Register(kind);

    /// <summary>The name, e.g. "pca-normalized".</summary>
    public string Name { get; }

    /// <summary>One line for help texts.</summary>
    public string Description { get; }

    /// <summary>True for a kind normalised by the batch's spread, whose gradient may flow through that denominator (<c>--penalty-grad-denominator</c>).</summary>
    public virtual bool HasDenominator => false;

    /// <summary>
    /// The penalty strategy of this kind; <paramref name="gradThroughDenominator"/> lets the gradient flow through a
    /// normalised kind's denominator (ignored by the others).
    /// </summary>
    public abstract IOrbitPenaltyKind<T> Create<T>(bool gradThroughDenominator = false) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    sealed class RawKind() : PenaltyKind("raw", "the original's 1/2 E||h(g1 x) - h(g2 x)||^2")
    {
        // The shared instance: the default keeps its bits.
        public override IOrbitPenaltyKind<T> Create<T>(bool gradThroughDenominator = false) => RawOrbitPenalty<T>.Instance;
    }

    sealed class NormalizedKind() : PenaltyKind("normalized", "Q_h on the batch: the raw penalty over the batch's spread")
    {
        public override bool HasDenominator => true;
        public override IOrbitPenaltyKind<T> Create<T>(bool gradThroughDenominator = false) => new NormalizedOrbitPenalty<T>(gradThroughDenominator);
    }

    sealed class PcaKind() : PenaltyKind("pca", "the raw penalty along the batch's principal components (95% of the variance)")
    {
        public override IOrbitPenaltyKind<T> Create<T>(bool gradThroughDenominator = false) => new PcaOrbitPenalty<T>();
    }

    sealed class PcaNormalizedKind() : PenaltyKind("pca-normalized", "Q on the batch: the PCA penalty over the projected batch's spread")
    {
        public override bool HasDenominator => true;
        public override IOrbitPenaltyKind<T> Create<T>(bool gradThroughDenominator = false) => new PcaNormalizedOrbitPenalty<T>(gradThroughDenominator);
    }
}
