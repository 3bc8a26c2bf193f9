using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.IO;
using LatentSymmetry.Core.Experiments.Results;
namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// The benchmark sweep: every (lambda_sym_max × symmetry layer) pair plus one baseline, for each learning rate and seed,
/// enumerated in one fixed order that sharding and resuming rely on.
/// </summary>
/// <remarks>
/// Order (the original <c>benchmark.py</c>'s loop nest): for each seed (ascending), for each learning rate (as given), for
/// each lambda_sym_max (as given), for each symmetry layer (as given): one cell; then the baseline (layer null, lambda 0)
/// closes that (learning rate, seed) block. With the defaults and L = 6 a block has 15 × 7 + 1 = 106 cells, and each
/// block is one result file.
/// </remarks>
public sealed class ExperimentGrid
{
    /// <summary>The original sweep's lambda_sym_max values: 0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 100.</summary>
    public static IReadOnlyList<double> DefaultLambdaMaxValues { get; } =
        [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 100];

    /// <summary>The original sweep's learning rates: 1e-4, 3e-4, 6e-4.</summary>
    public static IReadOnlyList<double> DefaultLearningRates { get; } = [1e-4, 3e-4, 6e-4];

    private readonly GridCell[] _cells;

    /// <summary>Builds the grid; null overrides take the defaults (<see cref="DefaultLambdaMaxValues"/>, <see cref="DefaultSymmetryLayers"/>, <see cref="DefaultLearningRates"/>).</summary>
    /// <param name="numHiddenLayers">Number of hidden layers L (at least 1).</param>
    /// <param name="hiddenDim">Width of each hidden layer (names the result files).</param>
    /// <param name="seeds">Run seeds, non-negative; sorted ascending and de-duplicated.</param>
    /// <param name="lambdaMaxValues">lambda_sym_max values, finite, non-negative, distinct.</param>
    /// <param name="symmetryLayers">Penalised layers, each 1..L or -1, distinct.</param>
    /// <param name="learningRates">Learning rates, finite, positive, distinct.</param>
    /// <param name="baselines">Alternatives run beside the grid, each one baseline cell per (seed, learning rate): "augment", "invariant".</param>
    /// <exception cref="GridSpecException">A value is out of range or repeated.</exception>
    public ExperimentGrid(
        int numHiddenLayers,
        int hiddenDim,
        IEnumerable<int> seeds,
        IEnumerable<double>? lambdaMaxValues = null,
        IEnumerable<int>? symmetryLayers = null,
        IEnumerable<double>? learningRates = null,
        IEnumerable<string>? baselines = null)
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

        Baselines = [.. (baselines ?? []).Distinct()];
        foreach (string variant in Baselines)
        {
            if (variant is not ("augment" or "invariant"))
            {
                throw new GridSpecException(variant, $"unknown baseline '{variant}': expected augment or invariant");
            }
        }

        var cells = new List<GridCell>(Seeds.Count * LearningRates.Count * CellsPerFile);
        foreach (int seed in Seeds)
        {
            foreach (double lr in LearningRates)
            {
                foreach (double lambda in LambdaMaxValues)
                {
                    foreach (int layer in SymmetryLayers)
                    {
                        cells.Add(new GridCell(lr, lambda, SymmetryLayer.FromValue(layer), seed));
                    }
                }

                cells.Add(new GridCell(lr, 0.0, SymmetryLayer.None, seed));
            }
        }

        foreach (string variant in Baselines)
        {
            foreach (int seed in Seeds)
            {
                foreach (double lr in LearningRates)
                {
                    cells.Add(new GridCell(lr, 0.0, SymmetryLayer.None, seed) { Variant = variant });
                }
            }
        }

        _cells = [.. cells];
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

    /// <summary>Alternatives run beside the grid as extra baseline cells, each in files of its own: "augment", "invariant".</summary>
    public IReadOnlyList<string> Baselines { get; }

    /// <summary>The result file a cell's row belongs to (a variant adds its name to the set-up).</summary>
    public ResultFileName FileFor(GridCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string setup = cell.Variant is null ? Setup : Setup.Length == 0 ? cell.Variant : Setup + "+" + cell.Variant;
        return new ResultFileName(NumHiddenLayers, HiddenDim, cell.LearningRate, cell.Seed) { Setup = setup };
    }

    /// <summary>The result files of the whole grid, in cell order (seed, then learning rate).</summary>
    public IReadOnlyList<ResultFileName> Files() => [.. Cells.Select(FileFor).Distinct()];

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
