using System.Globalization;
using System.Numerics;
using System.Text.Json;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Tasks;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The relaxed model: the invariant model plus a penalised non-invariant branch, f = Sum(<c>invariant</c>:
/// <see cref="InvariantMlp{T}"/>, <c>branch</c>: <see cref="QuadraticBranch{T}"/> or <see cref="MlpBranch{T}"/>), trained
/// on the task loss plus <see cref="Weight"/> times a norm of the branch's parameters. Where the data keep the
/// symmetry the branch stays near zero; where they break it, the branch holds the breaking, and its size is the
/// finding (Finzi et al.'s residual pathway priors, 2021; Wang et al.'s relaxed group convolutions, 2022). One kind named
/// "relaxed" with settings: <see cref="Default"/> is the registered one, <see cref="With"/> makes the others, and
/// config.json records the settings beside the name.
/// </summary>
public sealed class RelaxedModelKind : ModelKind, IPenalisedModelKind
{
    /// <summary>The name, as <c>--model</c> and config.json spell it.</summary>
    public const string KindName = "relaxed";

    /// <summary>The default weight of the branch penalty (small: it should shrink the branch, not forbid it).</summary>
    public const double DefaultWeight = 1e-3;

    RelaxedModelKind(RelaxBranch branch, RelaxPenalty penalty, double weight)
        : base(KindName, "the invariant model plus a penalised non-invariant branch (--relax-branch quadratic|mlp), whose size is the learned breaking")
    {
        if (!double.IsFinite(weight) || weight < 0) throw new ArgumentOutOfRangeException(nameof(weight), weight, "the branch penalty's weight must be finite and >= 0");
        Branch = branch;
        Penalty = penalty;
        Weight = weight;
    }

    /// <summary>The registered kind: the quadratic branch under an L2 penalty of weight <see cref="DefaultWeight"/>.</summary>
    public static RelaxedModelKind Default => (RelaxedModelKind)Relaxed;

    // The catalog registers the default with the built-in kinds (ModelKind.Relaxed), so parsing finds it from the start.
    internal static RelaxedModelKind CreateDefault() => new(RelaxBranch.Quadratic, RelaxPenalty.L2, DefaultWeight);

    /// <summary>The branch.</summary>
    public RelaxBranch Branch { get; }

    /// <summary>The norm of the branch's parameters that is penalised.</summary>
    public RelaxPenalty Penalty { get; }

    /// <summary>The penalty's weight.</summary>
    public double Weight { get; }

    /// <summary>The relaxed kind with these settings (the registered one when they are its).</summary>
    public static RelaxedModelKind With(RelaxBranch branch, RelaxPenalty penalty, double weight)
    {
        var kind = new RelaxedModelKind(branch, penalty, weight);
        return kind.Equals(Default) ? Default : kind;
    }

    /// <summary>The text form of a branch: "quadratic" or "mlp".</summary>
    public static string Format(RelaxBranch branch) => branch switch
    {
        RelaxBranch.Quadratic => "quadratic",
        RelaxBranch.Mlp => "mlp",
        _ => throw new ArgumentOutOfRangeException(nameof(branch), branch, null),
    };

    /// <summary>The text form of a penalty: "l2" or "l1".</summary>
    public static string Format(RelaxPenalty penalty) => penalty switch
    {
        RelaxPenalty.L2 => "l2",
        RelaxPenalty.L1 => "l1",
        _ => throw new ArgumentOutOfRangeException(nameof(penalty), penalty, null),
    };

    /// <summary>Parses "quadratic" or "mlp" (any case, trimmed).</summary>
    public static bool TryParseBranch(string? text, out RelaxBranch branch)
    {
        foreach (var b in Enum.GetValues<RelaxBranch>())
            if (string.Equals(Format(b), text?.Trim(), StringComparison.OrdinalIgnoreCase)) { branch = b; return true; }
        branch = default;
        return false;
    }

    /// <summary>Parses "l2" or "l1" (any case, trimmed).</summary>
    public static bool TryParsePenalty(string? text, out RelaxPenalty penalty)
    {
        foreach (var p in Enum.GetValues<RelaxPenalty>())
            if (string.Equals(Format(p), text?.Trim(), StringComparison.OrdinalIgnoreCase)) { penalty = p; return true; }
        penalty = default;
        return false;
    }

    /// <summary>Sum(invariant: the invariant MLP, branch: the quadratic or MLP branch); the invariant part is initialised first, so it starts as <c>--model invariant</c> does.</summary>
    public override Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth)
    {
        ArgumentNullException.ThrowIfNull(group);
        Module<T> branch = Branch == RelaxBranch.Quadratic ? new QuadraticBranch<T>(group.Dimension, outputWidth) : new MlpBranch<T>(group.Dimension, outputWidth);
        return new Sum<T>(("invariant", new InvariantMlp<T>(group, hiddenDim, hiddenLayers, outputWidth)), ("branch", branch));
    }

    /// <inheritdoc/>
    public override string Architecture(SupervisedTask task, int hiddenDim, int hiddenLayers, int outputWidth) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"relaxed: invariant {InvariantShape(task.Group, hiddenDim, hiddenLayers, outputWidth)} + {Format(Branch)} branch, {Format(Penalty)} penalty x {Weight:R}");

    /// <summary>The network has no hidden layer a penalty can stop at (a sum of two branches): only the output, or none.</summary>
    public override string? CheckLayers(SymmetryLayers layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var layer in layers)
            if (layer.Value != -1) return $"symmetry-layer {layer} is a hidden layer; --model relaxed is a sum of the invariant model and a branch, penalised at the output (-1) or not at all (none)";
        return null;
    }

    /// <summary>Writes <c>relax_branch</c>, <c>relax_penalty</c> and <c>relax_weight</c>.</summary>
    public override void WriteSettings(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("relax_branch", Format(Branch));
        writer.WriteString("relax_penalty", Format(Penalty));
        writer.WriteNumber("relax_weight", Weight);
    }

    /// <summary>Reads the settings <see cref="WriteSettings"/> wrote (an absent one takes its default).</summary>
    public override ModelKind ReadSettings(JsonElement config)
    {
        var branch = Default.Branch;
        var penalty = Default.Penalty;
        double weight = Default.Weight;
        if (config.TryGetProperty("relax_branch", out var b) && !(b.ValueKind == JsonValueKind.String && TryParseBranch(b.GetString(), out branch)))
            throw new FormatException($"relax_branch must be quadratic or mlp, got {b.GetRawText()}");
        if (config.TryGetProperty("relax_penalty", out var p) && !(p.ValueKind == JsonValueKind.String && TryParsePenalty(p.GetString(), out penalty)))
            throw new FormatException($"relax_penalty must be l2 or l1, got {p.GetRawText()}");
        if (config.TryGetProperty("relax_weight", out var w) && !(w.ValueKind == JsonValueKind.Number && w.TryGetDouble(out weight) && double.IsFinite(weight) && weight >= 0))
            throw new FormatException($"relax_weight must be a finite number >= 0, got {w.GetRawText()}");
        return With(branch, penalty, weight);
    }

    string IPenalisedModelKind.PenaltyName => "branch_penalty";

    double IPenalisedModelKind.PenaltyWeight => Weight;

    /// <summary>The branch's Σ w² (l2) or Σ |w| (l1) over every one of its parameters.</summary>
    public Func<Tape<T>, Variable<T>> PenaltyOf<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var branch = model.Find("branch") ?? throw new ArgumentException($"a relaxed model has a child 'branch'; this {model.GetType().Name} has none", nameof(model));
        var parameters = branch.ParameterList.Select(p => p.Tensor).ToArray();
        bool l1 = Penalty == RelaxPenalty.L1;
        return tape =>
        {
            Variable<T>? sum = null;
            for (int i = 0; i < parameters.Length; i++)
            {
                var w = parameters[i];
                var term = tape.Sum(l1 ? tape.Abs(w) : tape.Square(w));
                sum = sum is null ? term : tape.Add(sum, term);
            }
            return sum!;
        };
    }

    /// <summary>Equal settings, equal kinds (so options that differ only in the instance compare equal).</summary>
    public override bool Equals(object? obj) => obj is RelaxedModelKind k && k.Branch == Branch && k.Penalty == Penalty && k.Weight.Equals(Weight);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Branch, Penalty, Weight);

    /// <summary>"relaxed" for the default settings, else e.g. "relaxed(mlp, l1, 0.01)".</summary>
    public override string ToString() => ReferenceEquals(this, Default) || Equals(Default)
        ? Name : string.Create(CultureInfo.InvariantCulture, $"{Name}({Format(Branch)}, {Format(Penalty)}, {Weight:R})");
}
