using System.Diagnostics;
using System.Text.Json;
using SkiaSharp;

namespace LatentSymmetry.Tests.Cli;

/// <summary>
/// The report of a small grid opened in a real browser, headless Chromium: its DOM holds the title, a table cell and an
/// SVG figure, its screenshot is not blank, and it makes no network request (opened with name resolution disabled, its
/// requests read from Chromium's net log). Skipped, with a message, where no Chromium is installed (.ci/run installs
/// Debian's where it can).
/// </summary>
[NonParallelizable]
public class ReportBrowserTests : TempDirectoryTests
{
    static string? Browser() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    // Headless, offline (every host name fails to resolve) and without the browser's own background traffic.
    static readonly string[] Offline =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND",
    ];

    string RunBrowser(string browser, params string[] args)
    {
        var start = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in Offline.Concat([$"--user-data-dir={Path.Combine(Dir, "profile")}"]).Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{browser} did not finish in 120 s");
        }
        Assert.That(process.ExitCode, Is.Zero, stderr.Result);
        return stdout.Result;
    }

    /// <summary>The addresses the page itself asked for (its requests carry the file:// isolation key; the browser's own do not).</summary>
    static List<string> PageRequests(string netLog)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(netLog));
        var urls = new List<string>();
        foreach (var e in doc.RootElement.GetProperty("events").EnumerateArray())
            if (e.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("url", out var url)
                && p.TryGetProperty("network_isolation_key", out var key) && key.GetString()!.StartsWith("file://", StringComparison.Ordinal)
                && !url.GetString()!.StartsWith("file:", StringComparison.Ordinal))
                urls.Add(url.GetString()!);
        return urls;
    }

    [Test]
    public void The_report_renders_in_headless_Chromium_and_fetches_nothing()
    {
        if (Browser() is not { } browser)
        {
            Assert.Ignore("no headless Chromium on PATH (chromium, chromium-browser or google-chrome): the browser check is skipped; apt-get install chromium");
            return;
        }
        string output = Path.Combine(Dir, "report.html");
        Assert.That(CliRunner.Run("report", ReportCommandTests.WriteSmallGrid(Dir), "-o", output, "--title", "Browser check").ExitCode, Is.Zero);
        string url = new Uri(output).AbsoluteUri;

        // The same page with two clicks on the header "task mean ± 95% CI" of the first table, after the page's own script:
        // the DOM then shows whether the sort script works. Descending, the output at lambda 1 (mean 0.068, the highest)
        // comes first, where the page has layer 1 at lambda 0.1 (0.02, the lowest).
        string clicked = Path.Combine(Dir, "clicked.html");
        File.WriteAllText(clicked, File.ReadAllText(output).Replace("</body>",
            "<script>document.querySelectorAll('table.sortable')[0].querySelectorAll('th')[3].click();document.querySelectorAll('table.sortable')[0].querySelectorAll('th')[3].click();</script></body>", StringComparison.Ordinal));
        string netLog = Path.Combine(Dir, "net.json");
        string dom = RunBrowser(browser, $"--log-net-log={netLog}", "--dump-dom", new Uri(clicked).AbsoluteUri);
        Assert.That(dom, Does.Contain("<title>Browser check</title>"));
        Assert.That(dom, Does.Contain("<td>2.0000e-02 ± 2.4841e-02</td>"));
        Assert.That(dom, Does.Contain("<svg viewBox="));
        Assert.That(PageRequests(netLog), Is.Empty, "the page asked for an address");
        string firstTable = dom[dom.IndexOf("<table class=\"sortable\">", StringComparison.Ordinal)..];
        Assert.That(firstTable, Does.Contain("<th aria-sort=\"descending\">task mean ± 95% CI</th>"));
        string firstRow = firstTable[firstTable.IndexOf("<tbody>", StringComparison.Ordinal)..];
        firstRow = firstRow[..firstRow.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.That(firstRow, Does.Contain("<td>-1 (output)</td><td>1.0</td>").And.Contain("<td>6.8000e-02 ± "), "sorted by task mean, the highest first");

        string png = Path.Combine(Dir, "shot.png");
        RunBrowser(browser, "--window-size=1280,1600", $"--screenshot={png}", url);
        using var bitmap = SKBitmap.Decode(png);
        Assert.That(bitmap, Is.Not.Null);
        // Not blank: a fair share of the pixels are not the white background, in more than a handful of colours.
        var colours = new HashSet<uint>();
        int inked = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add((uint)c);
                if (c.Red < 200 || c.Green < 200 || c.Blue < 200) inked++;
            }
        Assert.That(colours, Has.Count.GreaterThan(16));
        Assert.That(inked, Is.GreaterThan(bitmap.Width * bitmap.Height / 4 / 100), "under 1% of the page has ink");
    }

    [Test]
    public void The_net_log_check_sees_a_page_that_fetches()
    {
        // The check above can fail: a page with an image from an address is caught by the same reading of the log.
        if (Browser() is not { } browser)
        {
            Assert.Ignore("no headless Chromium on PATH: the browser check is skipped");
            return;
        }
        string page = Path.Combine(Dir, "fetches.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><head><title>t</title></head><body><img src=\"http://example.invalid/a.png\"></body></html>");
        string netLog = Path.Combine(Dir, "net.json");
        RunBrowser(browser, $"--log-net-log={netLog}", "--dump-dom", new Uri(page).AbsoluteUri);
        Assert.That(PageRequests(netLog), Does.Contain("http://example.invalid/a.png"));
    }
}
