namespace LatentSymmetry.Core.Experiments;

/// <summary>
/// What a trainer returns for one grid cell. Non-finite losses need no special handling by the trainer: the grid
/// records them as a diverged run and goes on.
/// </summary>
/// <param name="TestTaskLoss">Task loss on the test split.</param>
/// <param name="TestSymLoss">Symmetry loss on the test split (ignored for the baseline, recorded as 0.0).</param>
/// <param name="Epochs">Epochs trained (fewer than planned when training stopped on divergence).</param>
/// <param name="Diverged">True when the trainer stopped because the loss turned non-finite.</param>
public sealed record CellResult(double TestTaskLoss, double TestSymLoss, int Epochs, bool Diverged = false)
{
    /// <summary>Values of extra columns by name, already formatted (e.g. <c>orbit_task_loss</c> of a lab set-up); null for none.</summary>
    public IReadOnlyDictionary<string, string>? Extras { get; init; }

    /// <summary>A run stopped after <paramref name="epochs"/> epochs because its loss turned non-finite.</summary>
    public static CellResult DivergedAfter(int epochs) => new(double.NaN, double.NaN, epochs, Diverged: true);
}
