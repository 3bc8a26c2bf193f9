using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Statistics;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// Aggregates result files over seeds: groups them by (architecture, learning rate), summarises every cell (n, mean,
/// median, 95% t interval of both losses), picks each layer's best lambda by mean task loss, compares every cell with
/// the baseline by a paired Wilcoxon signed-rank test across seeds, and lists incomplete cells.
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
        foreach (ResultTable table in tables)
        {
            foreach (IGrouping<double, ResultRow> byLr in table.Rows.GroupBy(r => r.Key.LearningRate))
            {
                var key = new ResultGroupKey(table.Name?.NumHiddenLayers, table.Name?.HiddenDim, byLr.Key) { Setup = table.Name?.Setup ?? "" };
                if (!members.TryGetValue(key, out var list))
                {
                    members.Add(key, list = []);
                }

                list.Add((table, byLr.ToDictionary(r => r.Key)));
            }
        }

        GroupReport[] groups =
        [
            .. members
                .OrderBy(g => g.Key.NumHiddenLayers ?? int.MaxValue)
                .ThenBy(g => g.Key.HiddenDim ?? int.MaxValue)
                .ThenBy(g => g.Key.LearningRate)
                .ThenBy(g => g.Key.Setup, StringComparer.Ordinal)
                .Select(g => AnalyzeGroup(g.Key, g.Value, alpha)),
        ];
        return new BenchmarkReport(groups, alpha,
        [
            .. tables.SelectMany(t => t.Warnings),
            .. tables.Where(t => t.Rows.Count == 0).Select(t => $"{t.Path}: no result rows (header only); left out"),
        ]);
    }

    private static GroupReport AnalyzeGroup(ResultGroupKey key, List<(ResultTable Table, Dictionary<CellKey, ResultRow> Rows)> files, double alpha)
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
            BaselineComparison? comparison = cell.IsBaseline || baselineKey is null ? null : Compare(files, cell, baselineKey.Value, alpha);
            cells.Add(new CellStatistics(
                cell.SymmetryLayer,
                cell.LambdaMax,
                rows.Length,
                rows.Count(r => r.IsDiverged),
                SummaryStatistics.Of(rows.Where(r => !r.IsDiverged).Select(r => r.TestTaskLoss)),
                SummaryStatistics.Of(rows.Where(r => !r.IsDiverged).Select(r => r.TestSymLoss)),
                comparison));
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

        return new GroupReport(
            key,
            [.. files.Select(f => f.Table.Path)],
            [.. files.Select(f => f.Table.Name?.Seed)],
            cells,
            best,
            cells.FirstOrDefault(c => c.IsBaseline),
            winners,
            incomplete);
    }

    private static BaselineComparison? Compare(
        List<(ResultTable Table, Dictionary<CellKey, ResultRow> Rows)> files, CellKey cell, CellKey baseline, double alpha)
    {
        var cellLoss = new List<double>();
        var baseLoss = new List<double>();
        foreach ((_, Dictionary<CellKey, ResultRow> rows) in files)
        {
            if (rows.TryGetValue(cell, out ResultRow? c) && rows.TryGetValue(baseline, out ResultRow? b) && !c.IsDiverged && !b.IsDiverged)
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
