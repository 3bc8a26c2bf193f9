using System.Text.RegularExpressions;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Experiments.Analysis;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Tests.Cli;

/// <summary>Issue 19, row 11: analyze's tables in a narrow terminal keep every number whole.</summary>
public class AnalysisTablesTests : TempDirectoryTests
{
    static readonly Regex Scientific = new(@"-?\d\.\d{4}e[+-]\d\d", RegexOptions.Compiled);

    IReadOnlyList<string> SeedFiles()
    {
        var files = new List<string>();
        for (int seed = 1; seed <= 3; seed++)
        {
            var path = Path.Combine(Dir, $"layers=2x8_lr=3e-4_seed={seed}.csv");
            File.WriteAllText(path, "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n" +
                $"0.0003,0.0,,0.0{seed}1,0.0\n0.0003,1.0,1,0.0{seed}2,0.1{seed}\n0.0003,1.0,2,0.0{seed}3,0.2{seed}\n0.0003,1.0,-1,0.0{seed}4,0.3{seed}\n");
            files.Add(path);
        }
        return files;
    }

    static List<string> Numbers(string text) => [.. Scientific.Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [TestCase(80)]
    [TestCase(60)]
    public void A_narrow_table_is_split_into_parts_that_fit_and_no_number_is_broken(int width)
    {
        // Before: Spectre shrank the table to 80 columns by wrapping cells, "3.3545e-" on one line and "03 ±" on the next.
        var report = BenchmarkAnalysis.Analyze(SeedFiles());
        var wide = new StringWriter();
        AnalysisTables.Write(wide, report, width: 200);
        var narrow = new StringWriter();
        AnalysisTables.Write(narrow, report, width: width);
        var tableLines = narrow.ToString().Split('\n').Where(l => l.Contains('│') || l.Contains('─')).ToList();
        Assert.That(tableLines, Is.Not.Empty);
        Assert.That(tableLines.Select(l => l.TrimEnd('\r').Length), Is.All.LessThanOrEqualTo(width));
        Assert.That(Numbers(narrow.ToString()), Is.EqualTo(Numbers(wide.ToString())), "every number of the wide table, whole");
        Assert.That(narrow.ToString(), Does.Contain("(1/"), "the parts are numbered");
    }

    [Test]
    public void A_table_that_fits_stays_one_table()
    {
        var one = new StringWriter();
        AnalysisTables.Write(one, BestLambdaReport.Analyze(ResultTable.Read(SeedFiles()[0])), width: 120);
        Assert.That(one.ToString(), Does.Not.Contain("(1/"));
        Assert.That(one.ToString().Split('\n').Count(l => l.StartsWith('┌')), Is.EqualTo(1));
    }
}
