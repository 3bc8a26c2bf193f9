using LatentSymmetry.Core.Experiments.Analysis;

namespace LatentSymmetry.Cli.Output;

/// <summary>The "table" format: the reports as aligned terminal tables (<see cref="AnalysisTables"/>), the tables after them as padded columns.</summary>
internal sealed class TableReportRenderer : IReportRenderer
{
    public static TableReportRenderer Instance { get; } = new();

    public string Name => "table";

    public string Description => "aligned columns for the terminal";

    // A table on stdout stays data; its warnings go to stderr in the form of every other warning.
    public bool CarriesWarnings => false;

    public void Write(TextWriter writer, BestLambdaReport report, IEnumerable<ReportTable> tables)
    {
        AnalysisTables.Write(writer, report);
        foreach (var table in tables) WriteTable(writer, table);
    }

    public void Write(TextWriter writer, BenchmarkReport report, IEnumerable<ReportTable> tables)
    {
        AnalysisTables.Write(writer, report);
        foreach (var table in tables) WriteTable(writer, table);
    }

    static void WriteTable(TextWriter writer, ReportTable table)
    {
        writer.WriteLine();
        writer.WriteLine($"{char.ToLowerInvariant(table.Title[0])}{table.Title[1..]}: {table.Caption}");
        writer.WriteLine(Line(table.Headers, table));
        foreach (var row in table.Rows) writer.WriteLine(Line(row, table));
    }

    static string Line(IReadOnlyList<string> cells, ReportTable table) =>
        string.Join(" ", cells.Select((c, i) => c.PadRight(Width(table, i)))).TrimEnd();

    static int Width(ReportTable table, int column) =>
        table.TextWidths.Count == 0 ? table.Rows.Select(r => r[column].Length).Append(table.Headers[column].Length).Max()
        : table.TextWidths[Math.Min(column, table.TextWidths.Count - 1)];
}
