namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>Column names of result files: the original project's five, then this project's optional extras.</summary>
public static class ResultColumns
{
    /// <summary>The optimiser's learning rate.</summary>
    public const string LearningRate = "learning_rate";

    /// <summary>The final symmetry weight.</summary>
    public const string LambdaMax = "lambda_sym_max";

    /// <summary>The penalised layer; empty for the baseline.</summary>
    public const string SymmetryLayer = "symmetry_layer";

    /// <summary>Task loss on the test split.</summary>
    public const string TestTaskLoss = "test_task_loss";

    /// <summary>Symmetry loss on the test split (0.0 for the baseline).</summary>
    public const string TestSymLoss = "test_sym_loss";

    /// <summary>Wall-clock seconds the run took (extra column).</summary>
    public const string WallSeconds = "wall_seconds";

    /// <summary>Epochs trained (extra column).</summary>
    public const string Epochs = "epochs";

    /// <summary><c>True</c> when the loss turned non-finite (extra column).</summary>
    public const string Diverged = "diverged";

    /// <summary>The original project's columns, in order; every result file starts with them.</summary>
    public static IReadOnlyList<string> Standard { get; } = [LearningRate, LambdaMax, SymmetryLayer, TestTaskLoss, TestSymLoss];

    /// <summary>The columns this project writes to new files: <see cref="Standard"/> then wall_seconds, epochs, diverged.</summary>
    public static IReadOnlyList<string> Extended { get; } = [.. Standard, WallSeconds, Epochs, Diverged];
}
