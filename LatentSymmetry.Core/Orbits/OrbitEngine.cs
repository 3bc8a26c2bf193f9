using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// The one orbit engine, used by training, evaluation and the measures: for a batch x it draws two rotations per row
/// (all of R1, then all of R2, from its sampler), stacks [x; R1 x; R2 x] (or [R1 x; R2 x]; a row of C·d values, a
/// phase-space state of C vectors, has each vector turned: ρ_in = vectors:C) into one matrix so each
/// layer is one matrix product, runs the model to the tapped layers, slices the activations back apart, and hands them
/// with R1, R2 and the layer's representation to its penalty strategy (<see cref="IOrbitPenaltyKind{T}"/>). Rows are
/// independent, so the stacked pass gives exactly what separate passes would.
/// </summary>
public sealed class OrbitEngine<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An engine drawing rotations from <paramref name="sampler"/>, with the penalty <paramref name="kind"/> (default: raw).</summary>
    public OrbitEngine(IRotationSampler sampler, IOrbitPenaltyKind<T>? kind = null)
    {
        Sampler = sampler ?? throw new ArgumentNullException(nameof(sampler));
        Kind = kind ?? RawOrbitPenalty<T>.Instance;
    }

    /// <summary>Where the rotations come from.</summary>
    public IRotationSampler Sampler { get; }

    /// <summary>How the penalty is computed from the activations.</summary>
    public IOrbitPenaltyKind<T> Kind { get; }

    /// <summary>
    /// How the group acts on each tapped layer, in the order of the depths (or taps) asked for; a missing or null entry
    /// is the trivial representation (invariance). Handed to the penalty in <see cref="OrbitActivations{T}.Representation"/>.
    /// Default: none, today's invariance penalties.
    /// </summary>
    public IReadOnlyList<GroupRepresentation?> Representations { get; init; } = [];

    GroupRepresentation? RepresentationAt(int i) => i < Representations.Count ? Representations[i] : null;

    /// <summary>
    /// The stage depths of <paramref name="layers"/> on <paramref name="model"/> (<see cref="Module{T}.CheckDepths"/>), except
    /// that a hidden layer with a non-trivial representation is read before its ReLU: its pre-activation, on which a
    /// rotation can act linearly (a ReLU of a turning vector does not turn). Without representations, exactly CheckDepths.
    /// </summary>
    public int[] Depths(Module<T> model, SymmetryLayers layers)
    {
        ArgumentNullException.ThrowIfNull(model);
        var depths = model.CheckDepths(layers);
        for (int i = 0; i < depths.Length; i++)
            if (RepresentationAt(i) is { IsTrivial: false } && layers[i] != SymmetryLayer.Output && depths[i] > 1
                && model.Stages[depths[i] - 1].Module is ReLU<T>)
                depths[i]--;
        return depths;
    }

    /// <summary>
    /// Draws R1 and R2 for the rows of x [rows x d] and returns the activations after <paramref name="depth"/>
    /// stages of <paramref name="model"/>; h(x) is included when <paramref name="withOriginal"/> or the kind needs it.
    /// </summary>
    public OrbitActivations<T> Forward(Tape<T> tape, Module<T> model, Variable<T> x, int depth, bool withOriginal)
    {
        Span<OrbitActivations<T>> one = [default];
        Forward(tape, model, x, [depth], withOriginal, one);
        return one[0];
    }

    /// <summary>
    /// Draws R1 and R2 for the rows of x [rows x d] and runs the stacked batch once through <paramref name="model"/>
    /// to the deepest of <paramref name="depths"/> (ascending, distinct), writing the activations after each depth
    /// into <paramref name="activations"/> (slices of the one stacked pass, so every layer sees the same rotations).
    /// h(x) is included when <paramref name="withOriginal"/> or the kind needs it.
    /// </summary>
    public void Forward(Tape<T> tape, Module<T> model, Variable<T> x, ReadOnlySpan<int> depths, bool withOriginal, Span<OrbitActivations<T>> activations)
    {
        int b = x.Rows, d = Sampler.Dimension;
        CheckInputs(x, d);
        if (depths.IsEmpty || activations.Length < depths.Length) throw new ArgumentException($"{depths.Length} depths need as many activation slots; got {activations.Length}", nameof(activations));
        var r1 = tape.NewScratch(b, d * d);
        var r2 = tape.NewScratch(b, d * d);
        Sampler.Sample(r1.Span);
        Sampler.Sample(r2.Span);
        bool original = withOriginal || Kind.NeedsOriginal;
        var h = original
            ? tape.ConcatRows(x, Turn(tape, x, r1), Turn(tape, x, r2))
            : tape.ConcatRows(Turn(tape, x, r1), Turn(tape, x, r2));
        int reached = 0;
        for (int i = 0; i < depths.Length; i++)
        {
            if (depths[i] <= reached) throw new ArgumentException($"depths must be ascending and distinct; got {depths[i]} after {reached}", nameof(depths));
            h = model.Forward(tape, h, reached, depths[i]);
            reached = depths[i];
            activations[i] = (original
                ? new OrbitActivations<T>(tape.SliceRows(h, 0, b), tape.SliceRows(h, b, b), tape.SliceRows(h, 2 * b, b))
                : new OrbitActivations<T>(null, tape.SliceRows(h, 0, b), tape.SliceRows(h, b, b))) with { R1 = r1, R2 = r2, Representation = RepresentationAt(i) };
        }
    }

    /// <summary>
    /// True when the engine can turn inputs of <paramref name="width"/> values: points of R^d (width d) or states of C
    /// vectors (width C·d, the representation <c>vectors:C</c>, every vector turned alike).
    /// </summary>
    public bool Turns(int width) => width >= Sampler.Dimension && width % Sampler.Dimension == 0;

    static void CheckInputs(Variable<T> x, int d)
    {
        if (x.Cols < d || x.Cols % d != 0) throw new ArgumentException($"rotations act on points of {d} coordinates or states of several {d}-vectors; got {x.Shape}", nameof(x));
    }

    // A point by R itself (the original's arithmetic); C vectors each by R.
    static Variable<T> Turn(Tape<T> tape, Variable<T> x, Variable<T> r)
    {
        int d = (int)Math.Round(Math.Sqrt(r.Cols));
        return x.Cols == d ? tape.RotateRows(x, r) : tape.RotateBlocks(x, r, x.Cols / d, transpose: false);
    }

    /// <summary>
    /// Draws R1 and R2 for <paramref name="rows"/> rows exactly as <see cref="Forward(Tape{T}, Module{T}, Variable{T}, ReadOnlySpan{int}, bool, Span{OrbitActivations{T}})"/>
    /// would, and discards them: the sampler's stream ends where a measured step would leave it, so a step that
    /// skips a penalty nobody reads leaves every later rotation, and so every later bit, unchanged.
    /// </summary>
    public void SkipRotations(Tape<T> tape, int rows)
    {
        ArgumentNullException.ThrowIfNull(tape);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        int d = Sampler.Dimension;
        var r = tape.NewScratch(rows, d * d);
        Sampler.Sample(r.Span);
        Sampler.Sample(r.Span);
    }

    /// <summary>
    /// Draws R1 and R2 for the rows of x and runs the whole stacked batch through the tapped model once, reading
    /// each of <paramref name="taps"/> (paths; the empty path is the output) wherever it is, inside a branch too; the
    /// activations are written in the order of the taps. Prefer the stage-depth overload where the taps are stage
    /// boundaries: it stops the rotated rows at the deepest tap.
    /// </summary>
    public void Forward(Tape<T> tape, TapSet<T> taps, Variable<T> x, bool withOriginal, Span<OrbitActivations<T>> activations)
    {
        ArgumentNullException.ThrowIfNull(taps);
        int b = x.Rows, d = Sampler.Dimension;
        CheckInputs(x, d);
        if (activations.Length < taps.Paths.Count) throw new ArgumentException($"{taps.Paths.Count} taps need as many activation slots; got {activations.Length}", nameof(activations));
        var r1 = tape.NewScratch(b, d * d);
        var r2 = tape.NewScratch(b, d * d);
        Sampler.Sample(r1.Span);
        Sampler.Sample(r2.Span);
        bool original = withOriginal || Kind.NeedsOriginal;
        taps.Forward(tape, original
            ? tape.ConcatRows(x, Turn(tape, x, r1), Turn(tape, x, r2))
            : tape.ConcatRows(Turn(tape, x, r1), Turn(tape, x, r2)));
        for (int i = 0; i < taps.Paths.Count; i++)
        {
            var h = taps[i];
            activations[i] = (original
                ? new OrbitActivations<T>(tape.SliceRows(h, 0, b), tape.SliceRows(h, b, b), tape.SliceRows(h, 2 * b, b))
                : new OrbitActivations<T>(null, tape.SliceRows(h, 0, b), tape.SliceRows(h, b, b))) with { R1 = r1, R2 = r2, Representation = RepresentationAt(i) };
        }
    }

    /// <summary>The penalty of <paramref name="activations"/> (a [1 x 1] tensor on the tape), computed by <see cref="Kind"/>.</summary>
    public Variable<T> Compute(Tape<T> tape, in OrbitActivations<T> activations) => Kind.Compute(tape, activations);

    /// <summary>
    /// The summed penalty of several layers' <paramref name="activations"/>, added in forward order (one layer:
    /// exactly <see cref="Compute(Tape{T}, in OrbitActivations{T})"/>). Each layer's own value is written into
    /// <paramref name="perLayer"/> when it is not empty.
    /// </summary>
    public Variable<T> Compute(Tape<T> tape, ReadOnlySpan<OrbitActivations<T>> activations, Span<double> perLayer = default)
    {
        if (activations.IsEmpty) throw new ArgumentException("no layer's activations to penalise", nameof(activations));
        Variable<T>? sum = null;
        for (int i = 0; i < activations.Length; i++)
        {
            var penalty = Compute(tape, activations[i]);
            if (!perLayer.IsEmpty) perLayer[i] = double.CreateChecked(penalty.Item());
            sum = sum is null ? penalty : tape.Add(sum, penalty);
        }
        return sum!;
    }
}
