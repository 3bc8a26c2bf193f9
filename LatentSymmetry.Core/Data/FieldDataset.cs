using System.Numerics;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Data;

/// <summary>
/// The training data of the study: <see cref="Count"/> points drawn from a <see cref="SamplingDomain"/> (by
/// default uniform in [-B, B]³) with targets from an <see cref="IScalarField"/> (by default the radial field),
/// split 60/20/20 by a seeded permutation, then filtered to a <see cref="TrainRegion"/>. From the data seed's
/// <see cref="RandomStream"/>, in this order: the points (for the box, the N·d coordinates row-major, each
/// lo + 2B·u in double, rounded to T), then the permutation; train is its first floor(0.6 N) entries,
/// validation the next floor(0.2 N), test the rest. Targets are f of the stored (rounded) points. The region
/// filters each split after the split is drawn, so a region's data set is a subset of exactly the points of
/// the full one with the same seed.
/// </summary>
public sealed class FieldDataset<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Default number of points.</summary>
    public const int DefaultCount = 10_000;

    /// <summary>Default half-width B of the box [-B, B]³.</summary>
    public const double DefaultBoxHalfWidth = 5.0;

    /// <summary>Generates the original data set of <paramref name="dataSeed"/>: the radial field in the box [-B, B]³.</summary>
    /// <param name="dataSeed">The run's data seed (<see cref="DerivedSeeds.Data"/>).</param>
    /// <param name="count">Number of points N, at least 1.</param>
    /// <param name="boxHalfWidth">Half-width B of the sampling box, positive and finite.</param>
    public FieldDataset(int dataSeed, int count = DefaultCount, double boxHalfWidth = DefaultBoxHalfWidth)
        : this(dataSeed, count, BoxOf(boxHalfWidth), FieldCatalog.Default(3), TrainRegion.Full)
    {
    }

    /// <summary>Generates the data set of <paramref name="dataSeed"/> for any domain, field and region.</summary>
    /// <param name="dataSeed">The run's data seed (<see cref="DerivedSeeds.Data"/>).</param>
    /// <param name="count">Number of points N drawn before the region filters them, at least 1.</param>
    /// <param name="domain">Where points are drawn.</param>
    /// <param name="field">The target; its dimension must be the domain's.</param>
    /// <param name="region">Which points every split keeps.</param>
    public FieldDataset(int dataSeed, int count, SamplingDomain domain, IScalarField field, TrainRegion region)
        : this(dataSeed, count, domain, field, null, region)
    {
    }

    /// <summary>
    /// The data set of <paramref name="dataSeed"/> with vector targets F(x) (d per point, row-major): the same points,
    /// split and region as the scalar data set of the same seed, so a vector run and a scalar run share their points.
    /// </summary>
    public FieldDataset(int dataSeed, int count, SamplingDomain domain, IVectorField field, TrainRegion region)
        : this(dataSeed, count, domain, null, field ?? throw new ArgumentNullException(nameof(field)), region)
    {
    }

    FieldDataset(int dataSeed, int count, SamplingDomain domain, IScalarField? field, IVectorField? vectorField, TrainRegion region)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(domain);
        if (field is null && vectorField is null) throw new ArgumentNullException(nameof(field));
        int fieldDimension = field?.Dimension ?? vectorField!.Dimension;
        if (fieldDimension != domain.Dimension)
            throw new ArgumentException($"field {field?.Spec ?? vectorField!.Spec} takes {fieldDimension}-D points; the domain is {domain.Dimension}-D", nameof(field));
        if (region.CheckDimension(domain.PositionDimension) is { } bad) throw new ArgumentException(bad, nameof(region));
        DataSeed = dataSeed;
        Count = count;
        Domain = domain;
        Field = field;
        VectorField = vectorField;
        Region = region;
        int d = domain.Dimension;

        var stream = new RandomStream(dataSeed);
        var points = new T[d * count];
        domain.Fill<T>(stream, points);
        int[] permutation = stream.Permutation(count);

        int trainCount = (int)(0.6m * count);
        int validationCount = (int)(0.2m * count);
        Train = Take(points, permutation.AsSpan(0, trainCount));
        Validation = Take(points, permutation.AsSpan(trainCount, validationCount));
        Test = Take(points, permutation.AsSpan(trainCount + validationCount));
    }

    /// <summary>
    /// Data a program gives, split already: three splits of the same point and target widths, drawn from
    /// <paramref name="domain"/>, and the scalar field behind them when there is one (null for vector targets or samples
    /// of unknown origin; measures that need the field, as orbit_task_loss, are then NaN). The data seed and count are 0.
    /// </summary>
    public FieldDataset(FieldSplit<T> train, FieldSplit<T> validation, FieldSplit<T> test, SamplingDomain domain, IScalarField? field = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(domain);
        foreach (var split in new[] { train, validation, test })
            if (split.Dimension != domain.Dimension || split.TargetWidth != train.TargetWidth)
                throw new ArgumentException($"every split needs {domain.Dimension}-D points and targets of width {train.TargetWidth}; got {split.Dimension} and {split.TargetWidth}");
        if (field is not null && (field.Dimension != domain.Dimension || train.TargetWidth != 1))
            throw new ArgumentException($"field {field.Spec} gives scalar targets of {field.Dimension}-D points; the data are {domain.Dimension}-D with targets of width {train.TargetWidth}", nameof(field));
        Domain = domain;
        Field = field;
        Region = TrainRegion.Full;
        Count = train.Count + validation.Count + test.Count;
        Train = train;
        Validation = validation;
        Test = test;
    }

    // A sample file's rows, split by the data seed and filtered to the region (SampleFile.Split).
    internal FieldDataset(FieldSplit<T> train, FieldSplit<T> validation, FieldSplit<T> test, SamplingDomain domain, int dataSeed, TrainRegion region, SampleSource source)
    {
        DataSeed = dataSeed;
        Count = source.Rows;
        Domain = domain;
        Region = region;
        Source = source;
        Train = train;
        Validation = validation;
        Test = test;
    }

    /// <summary>The sample file the data were read from (<see cref="SampleFile"/>); null for data drawn from a field or given by a program.</summary>
    public SampleSource? Source { get; }

    /// <summary>The seed the dataset was generated from.</summary>
    public int DataSeed { get; }

    /// <summary>Number of points N drawn over all splits (before the region).</summary>
    public int Count { get; }

    /// <summary>Coordinates per point, d.</summary>
    public int Dimension => Domain.Dimension;

    /// <summary>Where the points were drawn.</summary>
    public SamplingDomain Domain { get; }

    /// <summary>The target field; null for data a program gave (<see cref="FieldDataset(FieldSplit{T}, FieldSplit{T}, FieldSplit{T}, SamplingDomain, IScalarField?)"/>).</summary>
    public IScalarField? Field { get; }

    /// <summary>The vector field of the targets when they are vectors (null for a scalar field or given data).</summary>
    public IVectorField? VectorField { get; }

    /// <summary>The spec of the field behind the targets, scalar or vector; null for data a program gave.</summary>
    public string? FieldSpec => Field?.Spec ?? VectorField?.Spec;

    /// <summary>Values per target, w (1 for a scalar field).</summary>
    public int TargetWidth => Train.TargetWidth;

    /// <summary>Which points the splits keep.</summary>
    public TrainRegion Region { get; }

    /// <summary>How far the domain reaches from the origin along an axis: the box's half-width B, the disk's radius R.</summary>
    public double Extent => Domain.Extent;

    /// <summary>The points of the first floor(0.6 N) entries of the permutation inside the region.</summary>
    public FieldSplit<T> Train { get; }

    /// <summary>The points of the next floor(0.2 N) inside the region.</summary>
    public FieldSplit<T> Validation { get; }

    /// <summary>The points of the remaining N - floor(0.6 N) - floor(0.2 N) inside the region.</summary>
    public FieldSplit<T> Test { get; }

    /// <summary>
    /// The per-epoch order of the train rows. Its stream is the data seed's stream after one
    /// <see cref="RandomStream.Jump"/> (2^128 draws ahead), so it never overlaps the draws that made the data.
    /// </summary>
    public BatchOrder CreateBatchOrder(int batchSize = BatchOrder.DefaultBatchSize)
    {
        var stream = new RandomStream(DataSeed);
        stream.Jump();
        return new BatchOrder(Train.Count, stream, batchSize);
    }

    static SamplingDomain BoxOf(double boxHalfWidth) =>
        boxHalfWidth > 0 && double.IsFinite(boxHalfWidth)
            ? SamplingDomain.Box(3, boxHalfWidth)
            : throw new ArgumentOutOfRangeException(nameof(boxHalfWidth), boxHalfWidth, "The box half-width must be positive and finite.");

    private FieldSplit<T> Take(T[] points, ReadOnlySpan<int> rows)
    {
        int d = Dimension, p = Domain.PositionDimension;
        var kept = new List<int>(rows.Length);
        foreach (int r in rows)
            if (Region.Contains<T>(points.AsSpan(d * r, p))) kept.Add(r);
        var splitPoints = new T[d * kept.Count];
        var targets = new T[VectorField is null ? kept.Count : d * kept.Count];
        for (int i = 0; i < kept.Count; i++)
            points.AsSpan(d * kept[i], d).CopyTo(splitPoints.AsSpan(d * i, d));
        if (VectorField is not null) VectorField.EvaluateRows<T>(splitPoints, targets);
        else Field!.EvaluateRows<T>(splitPoints, targets);
        return new FieldSplit<T>(splitPoints, targets, [.. kept], d, VectorField is null ? 1 : d);
    }
}
