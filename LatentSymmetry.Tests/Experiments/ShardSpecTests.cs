using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Tests.Experiments;

public class ShardSpecTests
{
    [Test]
    public void Shards_partition_the_grid_exactly([Range(1, 5)] int count)
    {
        var grid = new ExperimentGrid(6, 128, [1, 2]);
        var all = new List<GridCell>();
        for (int k = 1; k <= count; k++)
        {
            IReadOnlyList<GridCell> shard = new ShardSpec(k, count).Select(grid.Cells);
            Assert.That(shard.Count, Is.InRange(grid.Cells.Count / count, grid.Cells.Count / count + 1));
            all.AddRange(shard);
        }

        Assert.That(all, Is.EquivalentTo(grid.Cells));
        Assert.That(all.Distinct().Count(), Is.EqualTo(grid.Cells.Count));
    }

    [Test]
    public void Select_agrees_with_contains()
    {
        var shard = new ShardSpec(2, 3);
        int[] items = [.. Enumerable.Range(0, 10)];
        Assert.That(shard.Select(items), Is.EqualTo(items.Where(i => shard.Contains(i))));
        Assert.That(shard.Select(items), Is.EqualTo(new[] { 1, 4, 7 }));
    }

    [Test]
    public void Parse_reads_one_based_k_of_n()
    {
        Assert.That(ShardSpec.Parse("1/4"), Is.EqualTo(new ShardSpec(1, 4)));
        Assert.That(ShardSpec.Parse("4/4").ToString(), Is.EqualTo("4/4"));
    }

    [TestCase("0/4")]
    [TestCase("5/4")]
    [TestCase("1/0")]
    [TestCase("1")]
    [TestCase("a/b")]
    [TestCase("-1/4")]
    [TestCase("")]
    public void Parse_rejects_invalid_shards_naming_them(string text)
    {
        var ex = Assert.Throws<GridSpecException>(() => ShardSpec.Parse(text));
        Assert.That(ex!.Message, Does.Contain($"'{text}'"));
    }

    [Test]
    public void Slurm_variables_choose_the_shard_offset_by_min()
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "7", ["SLURM_ARRAY_TASK_COUNT"] = "4", ["SLURM_ARRAY_TASK_MIN"] = "5" };
        Assert.That(ShardSpec.FromEnvironment(env), Is.EqualTo(new ShardSpec(3, 4)));
    }

    [Test]
    public void Slurm_without_min_counts_from_zero()
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "0", ["SLURM_ARRAY_TASK_COUNT"] = "3" };
        Assert.That(ShardSpec.FromEnvironment(env), Is.EqualTo(new ShardSpec(1, 3)));
    }

    [Test]
    public void Slurm_step_is_honoured()
    {
        var env = new Dictionary<string, string>
        {
            ["SLURM_ARRAY_TASK_ID"] = "12", ["SLURM_ARRAY_TASK_COUNT"] = "4", ["SLURM_ARRAY_TASK_MIN"] = "0", ["SLURM_ARRAY_TASK_STEP"] = "4",
        };
        Assert.That(ShardSpec.FromEnvironment(env), Is.EqualTo(new ShardSpec(4, 4)));
    }

    [Test]
    public void Slurm_absent_gives_null_and_resolve_falls_back_to_all()
    {
        Assert.That(ShardSpec.FromEnvironment(new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "3" }), Is.Null);
        Assert.That(ShardSpec.Resolve(null, _ => null), Is.EqualTo(ShardSpec.All));
    }

    [Test]
    public void Explicit_shard_wins_over_slurm()
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "2" };
        Assert.That(ShardSpec.Resolve("3/5", n => env.GetValueOrDefault(n)), Is.EqualTo(new ShardSpec(3, 5)));
        Assert.That(ShardSpec.Resolve(null, n => env.GetValueOrDefault(n)), Is.EqualTo(new ShardSpec(2, 2)));
    }

    [TestCase("4", "4", "0")]
    [TestCase("x", "4", "0")]
    [TestCase("2", "4", "3")]
    [TestCase("1", "0", "0")]
    public void Slurm_inconsistent_values_are_errors(string id, string count, string min)
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = id, ["SLURM_ARRAY_TASK_COUNT"] = count, ["SLURM_ARRAY_TASK_MIN"] = min };
        Assert.Throws<GridSpecException>(() => ShardSpec.FromEnvironment(env));
    }
}
