namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// One output format of the analysis reports (<c>latsym analyze --format NAME</c>, the tables of <c>latsym report</c>):
/// the one-file best-lambda table, the multi-seed report and supplementary tables, each written to a text writer.
/// A new format is one class and one registration in a <see cref="ReportFormatCatalog"/>.
/// </summary>
public interface IReportRenderer
{
    /// <summary>The name the format is chosen by (<c>--format markdown</c>), lower case.</summary>
    string Name { get; }

    /// <summary>What the format is for, in a few words for <c>--help</c>; empty for none.</summary>
    string Description { get; }

    /// <summary>
    /// True when the output is a document that carries the report's warnings itself (markdown, json, html); otherwise the
    /// output stays data and the warnings go to stderr.
    /// </summary>
    bool CarriesWarnings { get; }

    /// <summary>
    /// Writes the one-file table (best and runner-up lambda per layer), then <paramref name="tables"/> (the invariance
    /// measures of <c>benchmark --evaluate</c>, when the results have them). Data formats (csv, json) hold the report
    /// alone and leave the tables out.
    /// </summary>
    void Write(TextWriter writer, BestLambdaReport report, IEnumerable<ReportTable> tables);

    /// <summary>Writes the multi-seed report, then <paramref name="tables"/>, as the one-file overload does.</summary>
    void Write(TextWriter writer, BenchmarkReport report, IEnumerable<ReportTable> tables);
}
