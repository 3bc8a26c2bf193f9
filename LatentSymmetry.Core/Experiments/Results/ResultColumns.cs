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

    /// <summary>The symmetry group of a lab set-up (extra column, set-up files only).</summary>
    public const string Group = "group";

    /// <summary>The field spec of a lab set-up (extra column, set-up files only).</summary>
    public const string Field = "field";

    /// <summary>The training region of a lab set-up (extra column, set-up files only).</summary>
    public const string TrainRegion = "train_region";

    /// <summary>The model, mlp or invariant (extra column, set-up files only).</summary>
    public const string Model = "model";

    /// <summary><c>True</c> when batches were augmented (extra column, set-up files only).</summary>
    public const string Augment = "augment";

    /// <summary>MSE on the test points turned by Haar rotations of the group (extra column, set-up files only).</summary>
    public const string OrbitTaskLoss = "orbit_task_loss";

    /// <summary>The penalty kind, e.g. normalized (extra column, files of a penalty other than raw only).</summary>
    public const string Penalty = "penalty";

    /// <summary>The original project's columns, in order; every result file starts with them.</summary>
    public static IReadOnlyList<string> Standard { get; } = [LearningRate, LambdaMax, SymmetryLayer, TestTaskLoss, TestSymLoss];

    /// <summary>The columns this project writes to new files: <see cref="Standard"/> then wall_seconds, epochs, diverged.</summary>
    public static IReadOnlyList<string> Extended { get; } = [.. Standard, WallSeconds, Epochs, Diverged];

    /// <summary>
    /// The columns of a file whose set-up is not the original experiment's (its name carries <c>_setup=</c>):
    /// <see cref="Extended"/>, then the set-up's settings and its orbit task loss.
    /// </summary>
    public static IReadOnlyList<string> WithSetup { get; } = [.. Extended, Group, Field, TrainRegion, Model, Augment, OrbitTaskLoss];

    /// <summary>
    /// The columns of a file of a penalty other than raw (its name carries <c>pen-KIND</c> in the set-up):
    /// <see cref="WithSetup"/>, then the penalty kind. Raw files never carry it, so theirs keep their bytes.
    /// </summary>
    public static IReadOnlyList<string> WithPenalty { get; } = [.. WithSetup, Penalty];
}
