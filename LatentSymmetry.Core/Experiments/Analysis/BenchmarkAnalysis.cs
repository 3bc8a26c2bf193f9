using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Statistics;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// Aggregates result files over seeds: groups them by (architecture, learning rate, set-up), summarises every cell (n,
/// mean, median, 95% t interval of both losses, and of the orbit task loss and orbit ratio when the files have them),
/// picks each layer's best lambda by mean task loss, compares every cell with the baseline by a paired Wilcoxon
/// signed-rank test across seeds, and lists incomplete cells. The baseline variants run beside a grid
/// (<c>benchmark --baselines</c>, files of set-up <c>...+augment</c>, <c>...+invariant</c>) join the grid's group as
/// <see cref="GroupReport.Baselines"/>, compared with its plain-MLP baseline paired by seed.
/// </summary>
/// <remarks>
/// Each file is one replicate (seed) of the groups its rows belong to; the group key takes the architecture from the file
/// name (unknown when the name does not follow the pattern) and the learning rate from each row.
/// </remarks>
public static class BenchmarkAnalysis
{
    /// <summary>Default significance level for "beats the baseline".</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>Reads the files and analyses them.</summary>
    /// <exception cref="ResultFileException">A file is missing, unreadable or malformed.</exception>
    public static BenchmarkReport Analyze(IEnumerable<string> paths, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Analyze(paths.Select(p => ResultTable.Read(p)).ToArray(), alpha);
    }

    /// <summary>Analyses tables already read.</summary>
    public static BenchmarkReport Analyze(IReadOnlyList<ResultTable> tables, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "expected 0 < alpha < 1");
        }

        var members = new Dictionary<ResultGroupKey, List<(ResultTable Table, Dictionary<CellKey, ResultRow> Rows)>>();
        var variantParts = new List<(ResultGroupKey Own, ResultGroupKey Grid, string Variant, ResultTable Table, Dictionary<CellKey, ResultRow> Rows)>();
        foreach (ResultTable table in tables)
        {
            foreach (IGrouping<double, ResultRow> byLr in table.Rows.GroupBy(r => r.Key.LearningRate))
            {
                var key = new ResultGroupKey(table.Name?.NumHiddenLayers, table.Name?.HiddenDim, byLr.Key) { Setup = table.Name?.Setup ?? "" };
                Dictionary<CellKey, ResultRow> rows = byLr.ToDictionary(r => r.Key);

                // A baseline variant's file (set-up ending in +augment or +invariant, only no-penalty rows) joins its grid's
                // group below when that grid is among the files; alone it stays a group of its own, as before.
                if (BaselineVariant.TrySplit(key.Setup, out string gridSetup, out string variant) && rows.Keys.All(k => k.IsBaseline && k.LambdaMax == 0))
                {
                    variantParts.Add((key, key with { Setup = gridSetup }, variant, table, rows));
                    continue;
                }

                Add(key, table, rows);
            }
        }

        var variantsOf = new Dictionary<ResultGroupKey, List<(string Variant, ResultTable Table, ResultRow Row)>>();
        foreach ((ResultGroupKey own, ResultGroupKey grid, string variant, ResultTable table, Dictionary<CellKey, ResultRow> rows) in variantParts)
        {
            if (members.ContainsKey(grid))
            {
                if (!variantsOf.TryGetValue(grid, out var list))
                {
                    variantsOf.Add(grid, list = []);
                }

                list.Add((variant, table, rows.Values.Single()));
            }
            else
            {
                Add(own, table, rows);
            }
        }

        GroupReport[] groups =
        [
            .. members
                .OrderBy(g => g.Key.NumHiddenLayers ?? int.MaxValue)
                .ThenBy(g => g.Key.HiddenDim ?? int.MaxValue)
                .ThenBy(g => g.Key.LearningRate)
                .ThenBy(g => g.Key.Setup, StringComparer.Ordinal)
                .Select(g => AnalyzeGroup(g.Key, g.Value, variantsOf.GetValueOrDefault(g.Key) ?? [], alpha)),
        ];
        return new BenchmarkReport(groups, alpha,
        [
            .. tables.SelectMany(t => t.Warnings),
            .. tables.Where(t => t.Rows.Count == 0).Select(t => $"{t.Path}: no result rows (header only); left out"),
        ]);

        void Add(ResultGroupKey key, ResultTable table, Dictionary<CellKey, ResultRow> rows)
        {
            if (!members.TryGetValue(key, out var list))
            {
                members.Add(key, list = []);
            }

            list.Add((table, rows));
        }
    }

    private static GroupReport AnalyzeGroup(
        ResultGroupKey key,
        List<(ResultTable Table, Dictionary<CellKey, ResultRow> Rows)> files,
        List<(string Variant, ResultTable Table, ResultRow Row)> variants,
        double alpha)
    {
        CellKey[] cellKeys =
        [
            .. files.SelectMany(f => f.Rows.Keys).Distinct()
                .OrderBy(k => LayerOrder.Of(k.SymmetryLayer)).ThenBy(k => k.LambdaMax),
        ];
        CellKey? baselineKey = cellKeys.Where(k => k.IsBaseline).Select(k => (CellKey?)k).FirstOrDefault();

        var cells = new List<CellStatistics>(cellKeys.Length);
        var incomplete = new List<IncompleteCell>();
        foreach (CellKey cell in cellKeys)
        {
            ResultRow[] rows = [.. files.Where(f => f.Rows.ContainsKey(cell)).Select(f => f.Rows[cell])];
            BaselineComparison? comparison = cell.IsBaseline || baselineKey is not CellKey b ? null
                : Compare(files.Select(f => (f.Rows.GetValueOrDefault(cell), f.Rows.GetValueOrDefault(b))), alpha);
            cells.Add(Summarise(cell, rows, comparison));
            if (rows.Length < files.Count)
            {
                incomplete.Add(new IncompleteCell(cell.SymmetryLayer, cell.LambdaMax, rows.Length,
                    [.. files.Where(f => !f.Rows.ContainsKey(cell)).Select(f => f.Table.Path)]));
            }
        }

        CellStatistics[] best =
        [
            .. cells.Where(c => !c.IsBaseline && c.Task.N > 0)
                .GroupBy(c => c.SymmetryLayer)
                .Select(g => g.OrderBy(c => c.Task.Mean).ThenBy(c => c.LambdaMax).First()),
        ];
        CellStatistics[] winners =
        [
            .. cells.Where(c => c.VsBaseline?.BeatsBaseline == true)
                .OrderByDescending(c => c.VsBaseline!.Factor).ThenBy(c => LayerOrder.Of(c.SymmetryLayer)).ThenBy(c => c.LambdaMax),
        ];

        // The baseline variants: each against the plain MLP of the same seed (the first grid file of that seed).
        var plainBySeed = new Dictionary<int, ResultRow>();
        if (baselineKey is CellKey plain)
        {
            foreach ((ResultTable table, Dictionary<CellKey, ResultRow> rows) in files)
            {
                if (table.Name?.Seed is int seed && rows.TryGetValue(plain, out ResultRow? row))
                {
                    plainBySeed.TryAdd(seed, row);
                }
            }
        }

        var baselines = new List<BaselineCell>();
        foreach (IGrouping<string, (string Variant, ResultTable Table, ResultRow Row)> variant in variants
            .GroupBy(v => v.Variant).OrderBy(g => IndexOf(BaselineVariant.All, g.Key)))
        {
            ResultRow[] rows = [.. variant.Select(v => v.Row)];
            BaselineComparison? comparison = baselineKey is null ? null
                : Compare(variant.Select(v => ((ResultRow?)v.Row, v.Table.Name is { } n ? plainBySeed.GetValueOrDefault(n.Seed) : null)), alpha);
            baselines.Add(new BaselineCell(variant.Key, Summarise(rows[0].Key, rows, comparison), [.. variant.Select(v => v.Table.Path)]));

            // Grid files of seeds the variant lacks: the variant's file expected beside each.
            var seeds = variant.Select(v => v.Table.Name?.Seed).ToHashSet();
            string[] missing =
            [
                .. files.Where(f => f.Table.Name is { } n && !seeds.Contains(n.Seed))
                    .Select(f => Path.Combine(Path.GetDirectoryName(f.Table.Path) ?? "",
                        (f.Table.Name! with { Setup = BaselineVariant.SetupOf(key.Setup, variant.Key) }).FileName)),
            ];
            if (missing.Length > 0)
            {
                incomplete.Add(new IncompleteCell(SymmetryLayer.None, 0.0, rows.Length, missing) { Variant = variant.Key });
            }
        }

        return new GroupReport(
            key,
            [.. files.Select(f => f.Table.Path)],
            [.. files.Select(f => f.Table.Name?.Seed)],
            cells,
            best,
            cells.FirstOrDefault(c => c.IsBaseline),
            winners,
            incomplete)
        {
            Baselines = baselines,
        };
    }

    /// <summary>The statistics of one cell over its rows (diverged ones counted, left out of the summaries).</summary>
    private static CellStatistics Summarise(CellKey cell, ResultRow[] rows, BaselineComparison? comparison)
    {
        ResultRow[] finite = [.. rows.Where(r => !r.IsDiverged)];
        bool hasOrbit = rows.Any(r => r.OrbitTaskLoss is not null);
        return new CellStatistics(
            cell.SymmetryLayer,
            cell.LambdaMax,
            rows.Length,
            rows.Length - finite.Length,
            SummaryStatistics.Of(finite.Select(r => r.TestTaskLoss)),
            SummaryStatistics.Of(finite.Select(r => r.TestSymLoss)),
            comparison)
        {
            Orbit = hasOrbit ? SummaryStatistics.Of(finite.Where(r => r.OrbitTaskLoss is not null).Select(r => r.OrbitTaskLoss!.Value)) : null,
            OrbitRatio = hasOrbit ? SummaryStatistics.Of(finite.Where(r => r.OrbitTaskLoss is not null).Select(r => r.OrbitTaskLoss!.Value / r.TestTaskLoss)) : null,
        };
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return list.Count;
    }

    /// <summary>The paired comparison over the (cell, baseline) rows of each seed where both finished; null when none did.</summary>
    private static BaselineComparison? Compare(IEnumerable<(ResultRow? Cell, ResultRow? Baseline)> pairs, double alpha)
    {
        var cellLoss = new List<double>();
        var baseLoss = new List<double>();
        foreach ((ResultRow? c, ResultRow? b) in pairs)
        {
            if (c is not null && b is not null && !c.IsDiverged && !b.IsDiverged)
            {
                cellLoss.Add(c.TestTaskLoss);
                baseLoss.Add(b.TestTaskLoss);
            }
        }

        if (cellLoss.Count == 0)
        {
            return null;
        }

        WilcoxonResult test = WilcoxonSignedRank.Test(cellLoss, baseLoss);
        double cellMean = cellLoss.Average(), baseMean = baseLoss.Average();
        double cellMedian = SummaryStatistics.MedianOf(cellLoss), baseMedian = SummaryStatistics.MedianOf(baseLoss);
        return new BaselineComparison(
            cellLoss.Count,
            cellMean,
            baseMean,
            cellMedian,
            baseMedian,
            baseMean / cellMean,
            test,
            test.PValue < alpha && cellMedian < baseMedian);
    }
}
