using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Tests.Experiments;

public class ExperimentGridTests
{
    [Test]
    public void Default_grid_has_106_cells_per_learning_rate_and_seed()
    {
        var grid = new ExperimentGrid(6, 128, [42, 43]);
        Assert.That(grid.CellsPerFile, Is.EqualTo(106));
        Assert.That(grid.Cells, Has.Count.EqualTo(106 * 3 * 2));
        Assert.That(grid.Cells.Distinct().Count(), Is.EqualTo(grid.Cells.Count));
        Assert.That(grid.Cells.Count(c => c.IsBaseline), Is.EqualTo(6));
        Assert.That(grid.Files(), Has.Count.EqualTo(6));
    }

    [Test]
    public void Order_is_seed_then_learning_rate_then_lambda_then_layer_then_baseline()
    {
        var grid = new ExperimentGrid(2, 8, [5, 1], lambdaMaxValues: [0.0, 0.5], learningRates: [3e-4, 1e-4]);
        string[] expected =
        [
            "1 0.0003 0 1", "1 0.0003 0 2", "1 0.0003 0 -1", "1 0.0003 0.5 1", "1 0.0003 0.5 2", "1 0.0003 0.5 -1", "1 0.0003 0 none",
            "1 0.0001 0 1", "1 0.0001 0 2", "1 0.0001 0 -1", "1 0.0001 0.5 1", "1 0.0001 0.5 2", "1 0.0001 0.5 -1", "1 0.0001 0 none",
        ];
        string[] actual = [.. grid.Cells.Take(14).Select(c =>
            $"{c.Seed} {c.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)} {c.LambdaMax.ToString(System.Globalization.CultureInfo.InvariantCulture)} {c.SymmetryLayer}")];
        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(grid.Cells[14].Seed, Is.EqualTo(5));
    }

    [Test]
    public void Default_layers_are_one_to_L_then_output()
    {
        Assert.That(ExperimentGrid.DefaultSymmetryLayers(4), Is.EqualTo(new[] { 1, 2, 3, 4, -1 }));
    }

    [TestCase(0)]
    [TestCase(7)]
    [TestCase(-2)]
    public void Layer_outside_network_is_rejected(int layer)
    {
        var ex = Assert.Throws<GridSpecException>(() => new ExperimentGrid(6, 128, [1], symmetryLayers: [1, layer]));
        Assert.That(ex!.Message, Does.Contain("1..6 or -1"));
    }

    [Test]
    public void Negative_or_repeated_values_are_rejected()
    {
        Assert.Throws<GridSpecException>(() => new ExperimentGrid(6, 128, [1], lambdaMaxValues: [-0.1]));
        Assert.Throws<GridSpecException>(() => new ExperimentGrid(6, 128, [1], lambdaMaxValues: [0.1, 0.1]));
        Assert.Throws<GridSpecException>(() => new ExperimentGrid(6, 128, [1], learningRates: [0.0]));
        Assert.Throws<GridSpecException>(() => new ExperimentGrid(6, 128, [1], symmetryLayers: [2, 2]));
        Assert.Throws<GridSpecException>(() => new ExperimentGrid(6, 128, [-1]));
    }

    [Test]
    public void File_for_cell_names_architecture_lr_and_seed()
    {
        var grid = new ExperimentGrid(6, 128, [42]);
        Assert.That(grid.FileFor(grid.Cells[^1]).FileName, Is.EqualTo("layers=6x128_lr=6e-4_seed=42.csv"));
    }

    [Test]
    public void A_million_seed_grid_is_planned_lazily()
    {
        // "benchmark --seeds 1-1000000 spends 40 s and 1 GB planning": the 318 million cells are computed on demand.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var grid = new ExperimentGrid(6, 128, Enumerable.Range(1, 1_000_000));
        var shard = new ShardSpec(7, 50).Select(grid.Cells);
        GridCell last = shard[^1];
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(grid.Cells.Count, Is.EqualTo(1_000_000 * 3 * 106));
        Assert.That(allocated, Is.LessThan(200_000_000), "no cell list is materialised");
        Assert.That(last, Is.EqualTo(grid.Cells[shard.Count * 50 - 50 + 6 < grid.Cells.Count ? shard.Count * 50 - 50 + 6 : 0]));
    }

    [Test]
    public void Cells_by_index_match_the_documented_loop_nest_and_IndexOf_inverts_them()
    {
        var grid = new ExperimentGrid(2, 8, [5, 1], lambdaMaxValues: [0.0, 0.5], learningRates: [3e-4, 1e-4]);
        var expected = new List<GridCell>();
        foreach (int seed in new[] { 1, 5 })
            foreach (double lr in new[] { 3e-4, 1e-4 })
            {
                foreach (double lambda in new[] { 0.0, 0.5 })
                    foreach (int layer in new[] { 1, 2, -1 })
                        expected.Add(new GridCell(lr, lambda, SymmetryLayer.FromValue(layer), seed));
                expected.Add(new GridCell(lr, 0.0, SymmetryLayer.None, seed));
            }

        Assert.That(grid.Cells, Is.EqualTo(expected));
        for (int i = 0; i < expected.Count; i++)
            Assert.That(grid.IndexOf(expected[i].Seed, expected[i].Key), Is.EqualTo(i));
        Assert.That(grid.IndexOf(3, expected[0].Key), Is.Null, "seed not in the grid");
        Assert.That(new ShardSpec(2, 3).Select(grid.Cells), Is.EqualTo(expected.Where((_, i) => i % 3 == 1)));
    }

    [Test]
    public void Variant_cells_follow_the_penalty_grid_and_IndexOf_and_KeysOf_know_their_files()
    {
        // The lab's baselines are computed from the index like the rest: after every penalty cell, for each variant,
        // seed and learning rate one baseline cell, each in its variant's file (the set-up plus the variant's name).
        var grid = new ExperimentGrid(2, 8, [5, 1], lambdaMaxValues: [0.0, 0.5], learningRates: [3e-4, 1e-4], baselines: ["invariant", "augment"])
        {
            Setup = "so2+radius",
        };
        int penalty = 2 * 2 * grid.CellsPerFile;
        var expected = new List<GridCell>();
        foreach (string variant in new[] { "invariant", "augment" })
            foreach (int seed in new[] { 1, 5 })
                foreach (double lr in new[] { 3e-4, 1e-4 })
                    expected.Add(new GridCell(lr, 0.0, SymmetryLayer.None, seed) { Variant = variant });

        Assert.That(grid.Cells, Has.Count.EqualTo(penalty + 8));
        Assert.That(grid.Cells.Skip(penalty), Is.EqualTo(expected));
        Assert.That(grid.Cells.Take(penalty).All(c => c.Variant is null), Is.True);
        for (int i = 0; i < grid.Cells.Count; i++)
        {
            GridCell cell = grid.Cells[i];
            Assert.That(grid.IndexOf(cell.Seed, cell.Key, cell.Variant), Is.EqualTo(i));
            Assert.That(grid.IndexOf(grid.FileFor(cell), cell.Key), Is.EqualTo(i));
            Assert.That(grid.KeysOf(grid.FileFor(cell)), Does.Contain(cell.Key));
        }

        var invariantFile = grid.FileFor(expected[0]);
        Assert.That(invariantFile.Setup, Is.EqualTo("so2+radius+invariant"));
        Assert.That(grid.KeysOf(invariantFile), Is.EqualTo(new[] { expected[0].Key }), "a variant's file holds its baseline only");
        Assert.That(grid.IndexOf(invariantFile, grid.Cells[0].Key), Is.Null, "a penalty cell is not in a variant's file");
        Assert.That(grid.IndexOf(1, expected[0].Key, "dropout"), Is.Null);
        Assert.That(grid.KeysOf(invariantFile with { Setup = "so2+radius+dropout" }), Is.Empty, "not this grid's file");
        Assert.That(grid.KeysOf(invariantFile with { Setup = "" }), Is.Empty, "the original set-up is not this grid's");

        // Files() in cell order, without duplicates, as the cells name them.
        Assert.That(grid.Files(), Is.EqualTo(grid.Cells.Select(grid.FileFor).Distinct()));
    }
}
