using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Tests.Experiments;

/// <summary>The penalty kind as a grid axis: raw's cells and files as before, each other kind a grid of its own files.</summary>
public class PenaltyGridTests
{
    [Test]
    public void Raw_comes_first_with_the_original_indices_and_each_kind_repeats_the_grid_in_files_of_its_own()
    {
        var raw = new ExperimentGrid(2, 8, [1, 2], lambdaMaxValues: [0.0, 0.5], learningRates: [3e-4], baselines: ["invariant"]);
        var both = new ExperimentGrid(2, 8, [1, 2], lambdaMaxValues: [0.0, 0.5], learningRates: [3e-4], baselines: ["invariant"],
            penalties: [PenaltyKind.Raw, PenaltyKind.Normalized]);
        int perKind = 2 * raw.CellsPerFile;
        Assert.That(both.Cells, Has.Count.EqualTo(raw.Cells.Count + perKind));
        Assert.That(both.Cells.Take(perKind), Is.EqualTo(raw.Cells.Take(perKind)), "raw's cells keep their indices");
        Assert.That(both.Cells.Skip(perKind).Take(perKind).Select(c => c with { Penalty = PenaltyKind.Raw }), Is.EqualTo(raw.Cells.Take(perKind)));
        Assert.That(both.Cells.Skip(perKind).Take(perKind).All(c => c.Penalty == PenaltyKind.Normalized), Is.True);
        Assert.That(both.Cells.Skip(2 * perKind).All(c => c.Variant == "invariant" && c.Penalty == PenaltyKind.Raw), Is.True);

        Assert.That(both.FileFor(both.Cells[0]).FileName, Is.EqualTo("layers=2x8_lr=3e-4_seed=1.csv"));
        Assert.That(both.FileFor(both.Cells[perKind]).FileName, Is.EqualTo("layers=2x8_lr=3e-4_seed=1_setup=pen-normalized.csv"));
        Assert.That(both.Files().Select(f => f.FileName), Is.EquivalentTo(new[]
        {
            "layers=2x8_lr=3e-4_seed=1.csv", "layers=2x8_lr=3e-4_seed=2.csv",
            "layers=2x8_lr=3e-4_seed=1_setup=pen-normalized.csv", "layers=2x8_lr=3e-4_seed=2_setup=pen-normalized.csv",
            "layers=2x8_lr=3e-4_seed=1_setup=invariant.csv", "layers=2x8_lr=3e-4_seed=2_setup=invariant.csv",
        }));
        for (int i = 0; i < both.Cells.Count; i++)
        {
            var cell = both.Cells[i];
            var file = both.FileFor(cell);
            Assert.That(both.IndexOf(file, cell.Key), Is.EqualTo(i), $"{cell}");
            Assert.That(both.KeysOf(file), Does.Contain(cell.Key));
            Assert.That(both.PenaltyOf(file), Is.EqualTo(cell.Penalty));
        }
    }

    [Test]
    public void A_lab_set_up_keeps_its_tokens_before_the_penalty()
    {
        var grid = new ExperimentGrid(2, 8, [1], lambdaMaxValues: [1.0], learningRates: [3e-4], penalties: [PenaltyKind.PcaNormalized]) { Setup = "so2+gaussian-ring" };
        Assert.That(grid.FileFor(grid.Cells[0]).Setup, Is.EqualTo("so2+gaussian-ring+pen-pca-normalized"));
    }

    [Test]
    public void Penalties_must_be_distinct_and_not_empty()
    {
        Assert.Throws<GridSpecException>(() => new ExperimentGrid(2, 8, [1], penalties: [PenaltyKind.Raw, PenaltyKind.Raw]));
        Assert.Throws<GridSpecException>(() => new ExperimentGrid(2, 8, [1], penalties: []));
    }
}
