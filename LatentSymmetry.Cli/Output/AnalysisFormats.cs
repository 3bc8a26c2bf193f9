using LatentSymmetry.Core.Experiments.Analysis;

namespace LatentSymmetry.Cli.Output;

/// <summary>The formats of <c>latsym analyze --format</c>: the terminal table first (the default), then Core's.</summary>
internal static class AnalysisFormats
{
    public static ReportFormatCatalog Catalog { get; } = new([TableReportRenderer.Instance, .. ReportFormatCatalog.CoreFormats]);
}
