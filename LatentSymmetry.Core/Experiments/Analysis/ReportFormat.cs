namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>Output forms of <c>latsym analyze</c>: a console table (drawn by the CLI), Markdown, CSV or JSON.</summary>
public enum ReportFormat
{
    /// <summary>A console table drawn by the CLI from the report model.</summary>
    Table,

    /// <summary>GitHub-flavoured Markdown (<see cref="MarkdownReportRenderer"/>).</summary>
    Markdown,

    /// <summary>One CSV row per cell (<see cref="CsvReportRenderer"/>).</summary>
    Csv,

    /// <summary>JSON (<see cref="JsonReportRenderer"/>); NaN is written as null.</summary>
    Json,
}
