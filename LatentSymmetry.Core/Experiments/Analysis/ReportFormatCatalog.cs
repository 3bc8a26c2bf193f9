namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// The report formats a command offers, in the order its help lists them: the one place a format is registered, and
/// where the help text and the messages naming the formats come from.
/// </summary>
public sealed class ReportFormatCatalog
{
    private readonly IReadOnlyList<IReportRenderer> renderers;

    /// <summary>A catalog of <paramref name="renderers"/>, in the order given; two with one name are refused.</summary>
    /// <exception cref="ArgumentException">Two renderers share a name, or one has an empty name.</exception>
    public ReportFormatCatalog(IEnumerable<IReportRenderer> renderers)
    {
        ArgumentNullException.ThrowIfNull(renderers);
        IReportRenderer[] all = [.. renderers];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (IReportRenderer r in all)
        {
            if (string.IsNullOrWhiteSpace(r.Name))
            {
                throw new ArgumentException($"{r.GetType().Name} has an empty name", nameof(renderers));
            }

            if (!seen.Add(r.Name))
            {
                throw new ArgumentException($"two report formats are named '{r.Name}'", nameof(renderers));
            }
        }

        this.renderers = all;
    }

    /// <summary>The formats Core renders (markdown, csv, json, html); a front end adds its own, such as a terminal table.</summary>
    public static IReadOnlyList<IReportRenderer> CoreFormats { get; } =
        [MarkdownReportRenderer.Instance, CsvReportRenderer.Instance, JsonReportRenderer.Instance, HtmlReportRenderer.Instance];

    /// <summary>Every format, in registration order.</summary>
    public IReadOnlyList<IReportRenderer> All => renderers;

    /// <summary>Their names, in registration order.</summary>
    public IReadOnlyList<string> Names => [.. renderers.Select(r => r.Name)];

    /// <summary>The names as a sentence lists them: <c>table, markdown, csv or json</c>.</summary>
    public string NameList => List(renderers.Select(r => r.Name));

    /// <summary>The names, each with its description in brackets where it has one, as a sentence lists them (for <c>--help</c>).</summary>
    public string DescribedList => List(renderers.Select(r => r.Description.Length == 0 ? r.Name : $"{r.Name} ({r.Description})"));

    /// <summary>The format named <paramref name="name"/> (exact, lower case), or null.</summary>
    public IReportRenderer? Find(string name) => renderers.FirstOrDefault(r => r.Name == name);

    /// <summary>The format named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No format has that name; the message lists the ones there are.</exception>
    public IReportRenderer Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown report format '{name}'; expected {NameList}", nameof(name));

    private static string List(IEnumerable<string> items)
    {
        string[] all = [.. items];
        return all.Length <= 1 ? string.Concat(all) : string.Join(", ", all[..^1]) + " or " + all[^1];
    }
}
