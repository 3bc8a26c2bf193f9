using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.IO;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Experiments;
namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// The benchmark sweep: every (lambda_sym_max × symmetry layer) pair plus one baseline, for each learning rate and seed,
/// enumerated in one fixed order that sharding and resuming rely on.
/// </summary>
/// <remarks>
/// Order (the original <c>benchmark.py</c>'s loop nest): for each seed (ascending), for each learning rate (as given), for
/// each lambda_sym_max (as given), for each symmetry layer (as given): one cell; then the baseline (layer null, lambda 0)
/// closes that (learning rate, seed) block. With the defaults and L = 6 a block has 15 × 7 + 1 = 106 cells, and each
/// block is one result file. With several penalty kinds (<see cref="Penalties"/>) the whole penalty grid repeats per
/// kind, in the order given (raw alone by default), each kind in files of its own (<see cref="FileFor"/>). The baseline variants' cells (<see cref="Baselines"/>) follow the whole penalty grid: for
/// each variant, for each seed, for each learning rate, one baseline cell, each in a file of its own (<see cref="FileFor"/>).
/// Cells are computed from their index, so a grid of millions of cells costs nothing to plan.
/// </remarks>
public sealed class ExperimentGrid
{
    /// <summary>The original sweep's lambda_sym_max values: 0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 100.</summary>
    public static IReadOnlyList<double> DefaultLambdaMaxValues { get; } =
        [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 100];

    /// <summary>The original sweep's learning rates: 1e-4, 3e-4, 6e-4.</summary>
    public static IReadOnlyList<double> DefaultLearningRates { get; } = [1e-4, 3e-4, 6e-4];

    private readonly IReadOnlyList<GridCell> _cells;

    /// <summary>Builds the grid; null overrides take the defaults (<see cref="DefaultLambdaMaxValues"/>, <see cref="DefaultSymmetryLayers"/>, <see cref="DefaultLearningRates"/>).</summary>
    /// <param name="numHiddenLayers">Number of hidden layers L (at least 1).</param>
    /// <param name="hiddenDim">Width of each hidden layer (names the result files).</param>
    /// <param name="seeds">Run seeds, non-negative; sorted ascending and de-duplicated.</param>
    /// <param name="lambdaMaxValues">lambda_sym_max values, finite, non-negative, distinct.</param>
    /// <param name="symmetryLayers">Penalised layers, each 1..L or -1, distinct.</param>
    /// <param name="learningRates">Learning rates, finite, positive, distinct.</param>
    /// <param name="baselines">Alternatives run beside the grid, each one baseline cell per (seed, learning rate): "augment", "invariant".</param>
    /// <param name="penalties">Penalty kinds, each a penalty grid of its own (default: raw only, the original experiment).</param>
    /// <exception cref="GridSpecException">A value is out of range or repeated.</exception>
    public ExperimentGrid(
        int numHiddenLayers,
        int hiddenDim,
        IEnumerable<int> seeds,
        IEnumerable<double>? lambdaMaxValues = null,
        IEnumerable<int>? symmetryLayers = null,
        IEnumerable<double>? learningRates = null,
        IEnumerable<string>? baselines = null,
        IEnumerable<PenaltyKind>? penalties = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numHiddenLayers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenDim, 1);
        ArgumentNullException.ThrowIfNull(seeds);
        NumHiddenLayers = numHiddenLayers;
        HiddenDim = hiddenDim;

        Seeds = seeds.Distinct().Order().ToArray();
        if (Seeds.Count == 0 || Seeds[0] < 0)
        {
            throw new GridSpecException(Seeds.Count == 0 ? string.Empty : Seeds[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                "seeds must be a non-empty set of non-negative integers");
        }

        LambdaMaxValues = Distinct(lambdaMaxValues ?? DefaultLambdaMaxValues, "lambda_sym_max", v => double.IsFinite(v) && v >= 0, "finite and >= 0");
        LearningRates = Distinct(learningRates ?? DefaultLearningRates, "learning rate", v => double.IsFinite(v) && v > 0, "finite and > 0");
        SymmetryLayers = (symmetryLayers ?? DefaultSymmetryLayers(numHiddenLayers)).ToArray();
        foreach (int layer in SymmetryLayers)
        {
            SymmetryLayerText.Validate(layer, numHiddenLayers);
        }

        if (SymmetryLayers.Distinct().Count() != SymmetryLayers.Count)
        {
            throw new GridSpecException(string.Join(',', SymmetryLayers), "symmetry layers must be distinct");
        }

        _penalties = [.. penalties ?? [PenaltyKind.Raw]];
        Penalties = _penalties;
        if (_penalties.Length == 0) throw new GridSpecException(string.Empty, "no penalty kinds given");
        foreach (var kind in _penalties)
        {
            if (kind is null) throw new GridSpecException(string.Empty, "a penalty kind is null");
        }

        if (_penalties.Distinct().Count() != _penalties.Length)
        {
            throw new GridSpecException(string.Join(',', _penalties.Select(PenaltyKindText.Format)), "penalties must be distinct");
        }

        _baselines = [.. (baselines ?? []).Distinct()];
        Baselines = _baselines;
        foreach (string variant in Baselines)
        {
            if (!BaselineVariant.IsKnown(variant))
            {
                throw new GridSpecException(variant, $"unknown baseline '{variant}': expected augment or invariant");
            }
        }

        // Cells are computed from their index (IndexedList), never stored: --seeds 1-1000000 plans in no time. The
        // penalty grid's cells come first, then each baseline variant's, one per (seed, learning rate).
        long blocks = (long)Seeds.Count * LearningRates.Count;
        long count = blocks * ((CellsPerFile * (long)Penalties.Count) + Baselines.Count);
        if (count > Array.MaxLength)
        {
            throw new GridSpecException(count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"the grid has {count} cells (seeds x learning rates x ((lambdas x layers + 1) x penalties + baselines)), more than the {Array.MaxLength} one run can index; split the seeds");
        }

        _blocks = (int)blocks;
        _penaltyCells = (int)(blocks * CellsPerFile * Penalties.Count);
        _cells = new IndexedList<GridCell>((int)count, CellAt);
    }

    /// <summary>The penalty kinds, as <see cref="Penalties"/>.</summary>
    private readonly PenaltyKind[] _penalties;

    /// <summary>The baseline variants, as <see cref="Baselines"/>.</summary>
    private readonly string[] _baselines;

    /// <summary>Number of (seed, learning rate) blocks.</summary>
    private readonly int _blocks;

    /// <summary>Number of cells of the penalty grid (the variant cells follow them).</summary>
    private readonly int _penaltyCells;

    /// <summary>The cell at <paramref name="index"/> in the documented order.</summary>
    private GridCell CellAt(int index)
    {
        if (index >= _penaltyCells)
        {
            // A variant's baseline cell: variants in order, then seeds, then learning rates.
            int v = index - _penaltyCells, b = v % _blocks;
            return new GridCell(LearningRates[b % LearningRates.Count], 0.0, SymmetryLayer.None, Seeds[b / LearningRates.Count])
            {
                Variant = Baselines[v / _blocks],
            };
        }

        // Each penalty kind's grid in turn; with raw alone the indices are the original sweep's.
        int perKind = _blocks * CellsPerFile;
        PenaltyKind penalty = Penalties[index / perKind];
        index %= perKind;
        int block = index / CellsPerFile, within = index % CellsPerFile;
        int seed = Seeds[block / LearningRates.Count];
        double lr = LearningRates[block % LearningRates.Count];
        var cell = within < LambdaMaxValues.Count * SymmetryLayers.Count
            ? new GridCell(lr, LambdaMaxValues[within / SymmetryLayers.Count], SymmetryLayer.FromValue(SymmetryLayers[within % SymmetryLayers.Count]), seed)
            : new GridCell(lr, 0.0, SymmetryLayer.None, seed);
        return penalty == PenaltyKind.Raw ? cell : cell with { Penalty = penalty };
    }

    /// <summary>Number of hidden layers L.</summary>
    public int NumHiddenLayers { get; }

    /// <summary>Width of each hidden layer.</summary>
    public int HiddenDim { get; }

    /// <summary>Run seeds, ascending.</summary>
    public IReadOnlyList<int> Seeds { get; }

    /// <summary>lambda_sym_max values in sweep order.</summary>
    public IReadOnlyList<double> LambdaMaxValues { get; }

    /// <summary>Symmetry layers in sweep order.</summary>
    public IReadOnlyList<int> SymmetryLayers { get; }

    /// <summary>Learning rates in sweep order.</summary>
    public IReadOnlyList<double> LearningRates { get; }

    /// <summary>Cells per (learning rate, seed) block, i.e. rows of one complete result file: lambdas × layers + 1.</summary>
    public int CellsPerFile => LambdaMaxValues.Count * SymmetryLayers.Count + 1;

    /// <summary>Every cell in the documented global order; shards index into this list.</summary>
    public IReadOnlyList<GridCell> Cells => _cells;

    /// <summary>The default symmetry layers for L hidden layers: 1..L, then -1 (output).</summary>
    public static IReadOnlyList<int> DefaultSymmetryLayers(int numHiddenLayers) => [.. Enumerable.Range(1, numHiddenLayers), -1];

    /// <summary>
    /// The lab set-up shared by every cell (e.g. <c>so2+gaussian-ring-center0.6-std0.08+sector90</c>, see
    /// <see cref="ResultFileName.Setup"/>); empty for the original experiment, whose file names stay the original's.
    /// </summary>
    public string Setup { get; init; } = "";

    /// <summary>The penalty kinds of the grid, in order; each kind's cells go to files of their own (raw: the original's names).</summary>
    public IReadOnlyList<PenaltyKind> Penalties { get; }

    /// <summary>Alternatives run beside the grid as extra baseline cells, each in files of its own: "augment", "invariant".</summary>
    public IReadOnlyList<string> Baselines { get; }

    /// <summary>The result file a cell's row belongs to (a variant, or a penalty other than raw, adds its name to the set-up).</summary>
    public ResultFileName FileFor(GridCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return new ResultFileName(NumHiddenLayers, HiddenDim, cell.LearningRate, cell.Seed) { Setup = SetupOf(cell.Variant, cell.Penalty) };
    }

    /// <summary>
    /// The set-up token of a penalty kind in file names, e.g. <c>pen-normalized</c>; empty for raw, whose files keep
    /// the original's names.
    /// </summary>
    public static string PenaltyToken(PenaltyKind penalty) => penalty == PenaltyKind.Raw ? "" : "pen-" + PenaltyKindText.Format(penalty);

    /// <summary>
    /// The set-up token of a grid trained with <paramref name="options"/>: empty for the original experiment (so3, the
    /// radial field, the whole box), else the group (when not so3), the field, the disk's radii when not 0..1 and the region,
    /// joined by '+'. Result file names carry it, which is how analyze and compare tell set-ups apart.
    /// </summary>
    public static string SetupOf(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options;
        if (o.Group == SymmetryGroup.So3 && o.FieldSpec == "radial" && o.TrainRegion.IsFull) return "";
        var tokens = new List<string>();
        if (o.Group != SymmetryGroup.So3) tokens.Add(o.Group.Name);
        tokens.Add(ResultFileName.SetupToken(o.FieldSpec));
        if (o.Group.Dimension == 2 && (o.Radius != 1 || o.InnerRadius != 0))
            tokens.Add(ResultFileName.SetupToken(FormattableString.Invariant($"r{o.InnerRadius:R}-{o.Radius:R}")));
        if (!o.TrainRegion.IsFull) tokens.Add(ResultFileName.SetupToken(o.TrainRegion.ToString()));
        return string.Join("+", tokens);
    }

    /// <summary>The set-up of the files of <paramref name="variant"/> (null for the penalty grid) and <paramref name="penalty"/> (null: raw).</summary>
    private string SetupOf(string? variant, PenaltyKind? penalty = null)
    {
        string grid = string.Join("+", new[] { Setup, PenaltyToken(penalty ?? PenaltyKind.Raw) }.Where(t => t.Length > 0));
        return variant is null ? grid : BaselineVariant.SetupOf(grid, variant);
    }

    /// <summary>
    /// Which part of this grid <paramref name="file"/> holds: true with a null variant and the penalty kind for a
    /// penalty-grid file, true with the variant (and raw) for a baseline variant's file, false for a file that is not this grid's.
    /// </summary>
    private bool TryPartOf(ResultFileName file, out string? variant, out PenaltyKind penalty)
    {
        variant = null;
        penalty = PenaltyKind.Raw;
        if (file.NumHiddenLayers != NumHiddenLayers || file.HiddenDim != HiddenDim
            || Array.IndexOf((double[])LearningRates, file.LearningRate) < 0 || Array.BinarySearch((int[])Seeds, file.Seed) < 0)
        {
            return false;
        }

        foreach (var kind in _penalties)
        {
            if (file.Setup == SetupOf(null, kind))
            {
                penalty = kind;
                return true;
            }
        }

        variant = Baselines.FirstOrDefault(v => SetupOf(v) == file.Setup);
        return variant is not null;
    }

    /// <summary>The penalty kind of <paramref name="file"/>'s rows: raw for raw's files, a variant's and any file not of this grid.</summary>
    public PenaltyKind PenaltyOf(ResultFileName file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return TryPartOf(file, out _, out PenaltyKind penalty) ? penalty : PenaltyKind.Raw;
    }

    /// <summary>
    /// The cells of one result file of this grid, as keys (its rows' identities), in cell order: the penalty grid's
    /// lambdas × layers and its baseline, or the single baseline of a variant's file; none for a file not of this grid.
    /// </summary>
    public IEnumerable<CellKey> KeysOf(ResultFileName file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!TryPartOf(file, out string? variant, out _))
        {
            yield break;
        }

        if (variant is null)
        {
            foreach (double lambda in LambdaMaxValues)
            {
                foreach (int layer in SymmetryLayers)
                {
                    yield return new CellKey(file.LearningRate, lambda, SymmetryLayer.FromValue(layer));
                }
            }
        }

        yield return new CellKey(file.LearningRate, 0.0, SymmetryLayer.None);
    }

    /// <summary>The global index of the cell with <paramref name="key"/> in <paramref name="file"/>, or null when it is not in the grid.</summary>
    public int? IndexOf(ResultFileName file, CellKey key)
    {
        ArgumentNullException.ThrowIfNull(file);
        return TryPartOf(file, out string? variant, out PenaltyKind penalty) ? IndexOf(file.Seed, key, variant, penalty) : null;
    }

    /// <summary>
    /// The global index of the cell of <paramref name="seed"/> and <paramref name="key"/> (of the baseline
    /// <paramref name="variant"/>, or of <paramref name="penalty"/>'s penalty grid when null), or null when it is not in the grid.
    /// </summary>
    public int? IndexOf(int seed, CellKey key, string? variant = null, PenaltyKind? penalty = null)
    {
        penalty ??= PenaltyKind.Raw;
        // The lists are the arrays the constructor made; seeds are sorted.
        int s = Array.BinarySearch((int[])Seeds, seed);
        int lr = Array.IndexOf((double[])LearningRates, key.LearningRate);
        if (s < 0 || lr < 0)
        {
            return null;
        }

        int block = (s * LearningRates.Count) + lr;
        if (variant is not null)
        {
            int v = Array.IndexOf(_baselines, variant);
            return v < 0 || !key.IsBaseline || key.LambdaMax != 0 ? null : _penaltyCells + (v * _blocks) + block;
        }

        int within;
        if (key.SymmetryLayer.Number is int layer)
        {
            int lambda = Array.IndexOf((double[])LambdaMaxValues, key.LambdaMax), k = Array.IndexOf((int[])SymmetryLayers, layer);
            if (lambda < 0 || k < 0)
            {
                return null;
            }

            within = (lambda * SymmetryLayers.Count) + k;
        }
        else
        {
            within = key.LambdaMax == 0 ? CellsPerFile - 1 : -1;
        }

        int kind = Array.IndexOf(_penalties, penalty);
        return within < 0 || kind < 0 ? null : (kind * _blocks * CellsPerFile) + (block * CellsPerFile) + within;
    }

    /// <summary>
    /// The result files of the whole grid, in cell order (seed, then learning rate; then each variant's files), computed
    /// from their index like the cells.
    /// </summary>
    public IReadOnlyList<ResultFileName> Files() => new IndexedList<ResultFileName>(_blocks * (Penalties.Count + Baselines.Count), i =>
        new ResultFileName(NumHiddenLayers, HiddenDim, LearningRates[i % _blocks % LearningRates.Count], Seeds[i % _blocks / LearningRates.Count])
        {
            Setup = i / _blocks < Penalties.Count ? SetupOf(null, Penalties[i / _blocks]) : SetupOf(Baselines[(i / _blocks) - Penalties.Count]),
        });

    private static double[] Distinct(IEnumerable<double> values, string what, Func<double, bool> valid, string rule)
    {
        double[] array = values.ToArray();
        var seen = new HashSet<double>();
        foreach (double v in array)
        {
            string text = PythonFloat.Format(v);
            if (!valid(v))
            {
                throw new GridSpecException(text, $"invalid {what} {text}: must be {rule}");
            }

            if (!seen.Add(v == 0 ? 0 : v))
            {
                throw new GridSpecException(text, $"{what} {text} is listed twice");
            }
        }

        if (array.Length == 0)
        {
            throw new GridSpecException(string.Empty, $"no {what} values given");
        }

        return array;
    }
}
