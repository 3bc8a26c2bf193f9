using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Experiments.Analysis;
using LatentSymmetry.Tests.Cli;

namespace LatentSymmetry.Tests.Experiments;

/// <summary>The report formats: one registration each, the help and messages from the catalog, every format reachable from analyze.</summary>
public class ReportFormatCatalogTests
{
    sealed class Plain(string name) : IReportRenderer
    {
        public string Name => name;
        public string Description => "";
        public bool CarriesWarnings => false;
        public void Write(TextWriter writer, BestLambdaReport report, IEnumerable<ReportTable> tables) => writer.Write("one file");
        public void Write(TextWriter writer, BenchmarkReport report, IEnumerable<ReportTable> tables) => writer.Write("seeds");
    }

    [Test]
    public void Names_and_lists_come_in_registration_order()
    {
        var catalog = new ReportFormatCatalog([new Plain("a"), JsonReportRenderer.Instance, new Plain("c")]);
        Assert.That(catalog.Names, Is.EqualTo(new[] { "a", "json", "c" }));
        Assert.That(catalog.NameList, Is.EqualTo("a, json or c"));
        Assert.That(catalog.DescribedList, Is.EqualTo("a, json (one object: alpha, groups, warnings) or c"));
        Assert.That(catalog.Get("c").Name, Is.EqualTo("c"));
        Assert.That(catalog.Find("C"), Is.Null, "names are exact");
    }

    [Test]
    public void An_unknown_name_is_refused_with_the_names_there_are()
    {
        var catalog = new ReportFormatCatalog([new Plain("a"), new Plain("b")]);
        Assert.That(() => catalog.Get("xml"), Throws.ArgumentException.With.Message.StartsWith("unknown report format 'xml'; expected a or b"));
    }

    [Test]
    public void Two_formats_of_one_name_are_refused()
    {
        Assert.That(() => new ReportFormatCatalog([new Plain("csv"), CsvReportRenderer.Instance]), Throws.ArgumentException.With.Message.Contains("two report formats are named 'csv'"));
    }

    [Test]
    public void Analyze_offers_every_format_of_its_catalog_in_help_and_refuses_others_naming_them()
    {
        var help = CliRunner.Run("analyze", "--help");
        foreach (var name in AnalysisFormats.Catalog.Names) Assert.That(help.Stdout, Does.Contain(name));
        Assert.That(help.Stdout, Does.Contain(AnalysisFormats.Catalog.DescribedList));
        Assert.That(AnalysisFormats.Catalog.Names, Is.EqualTo(new[] { "table", "markdown", "csv", "json", "html" }));
        var refused = CliRunner.Run("analyze", "x.csv", "--format", "xml");
        Assert.That(refused.ExitCode, Is.EqualTo(2));
        Assert.That(refused.Stderr, Does.Contain("'xml'").And.Contain("html"));
    }

    [Test]
    public void Analyze_html_is_a_self_contained_page_of_the_same_numbers_as_markdown()
    {
        string dir = CliRunner.TempDirectory();
        try
        {
            string results = ReportCommandTests.WriteSmallGrid(dir);
            var html = CliRunner.Run("analyze", results, "--format", "html");
            var markdown = CliRunner.Run("analyze", results, "--format", "markdown");
            Assert.That(html.ExitCode, Is.Zero, html.Stderr);
            Assert.That(html.Stdout, Does.StartWith("<!DOCTYPE html>").And.EndWith("</html>\n"));
            Assert.That(html.Stderr, Is.Empty, "a document carries its warnings");
            ReportCommandTests.AssertSelfContained(html.Stdout);
            // The hand-computed cell of the small grid, in both.
            Assert.That(markdown.Stdout, Does.Contain("2.0000e-02 ± 2.4841e-02"));
            Assert.That(html.Stdout, Does.Contain("<td>2.0000e-02 ± 2.4841e-02</td>"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void The_renderers_write_what_their_render_methods_return()
    {
        string dir = CliRunner.TempDirectory();
        try
        {
            var report = BenchmarkAnalysis.Analyze(Directory.GetFiles(ReportCommandTests.WriteSmallGrid(dir)).Order(StringComparer.Ordinal));
            var table = new ReportTable("Extra", "how to read it", ["a", "b"], [["1", "x|y"]]);
            string Through(IReportRenderer r)
            {
                var w = new StringWriter();
                r.Write(w, report, [table]);
                return w.ToString();
            }
            Assert.That(Through(CsvReportRenderer.Instance), Is.EqualTo(CsvReportRenderer.Render(report)), "data formats leave the tables out");
            Assert.That(Through(JsonReportRenderer.Instance), Is.EqualTo(JsonReportRenderer.Render(report) + Environment.NewLine));
            Assert.That(Through(MarkdownReportRenderer.Instance), Is.EqualTo(MarkdownReportRenderer.Render(report) +
                "\n**Extra**: how to read it\n\n| a | b |\n|---|---|\n| 1 | x\\|y |\n"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
