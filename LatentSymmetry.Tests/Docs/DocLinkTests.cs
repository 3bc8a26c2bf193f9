namespace LatentSymmetry.Tests.Docs;

/// <summary>
/// No dead relative link in README.md or docs/**.md: every linked file exists, every "#anchor" names a heading of
/// its page, every embedded figure exists. The package readmes are shown on nuget.org, where a relative link
/// leads nowhere, so they have none.
/// </summary>
public class DocLinkTests
{
    public static IEnumerable<TestCaseData> GuidePages() =>
        DocFiles.Guide().Select(p => new TestCaseData(p).SetName($"Links of {p} resolve"));

    public static IEnumerable<TestCaseData> PackageReadmes() =>
        DocFiles.PackageReadmes().Select(p => new TestCaseData(p).SetName($"Package readme {p} has no relative link"));

    [TestCaseSource(nameof(GuidePages))]
    public void Every_relative_link_resolves(string page)
    {
        var dead = DeadLinks(page, DocFiles.Read(page)).ToList();
        Assert.That(dead, Is.Empty, $"{page} links to what does not exist");
    }

    [Test]
    public void The_readme_embeds_a_figure_that_exists()
    {
        var figures = MarkdownText.Links(DocFiles.Read("README.md")).Where(l => l.Image).Select(l => l.Target).ToList();
        Assert.That(figures, Has.Count.EqualTo(1), "the README shows one headline figure");
        Assert.That(File.Exists(Path.Combine(DocFiles.RepositoryRoot, figures[0])), Is.True, figures[0]);
    }

    [TestCaseSource(nameof(PackageReadmes))]
    public void A_package_readme_links_only_absolute_addresses(string readme)
    {
        var relative = MarkdownText.Links(DocFiles.Read(readme)).Select(l => l.Target).Where(t => !IsExternal(t)).ToList();
        Assert.That(relative, Is.Empty, $"{readme} is shown on nuget.org, where relative links are dead");
    }

    [Test]
    public void A_dead_link_a_missing_figure_and_a_wrong_anchor_are_found()
    {
        // Guards the checker itself: a page with one of each fault, and good links beside them.
        string page = "docs/cli/example.md";
        string text = """
            # Title
            ## The `latsym train` page (cone:60)
            [good](train.md) [good anchor](#the-latsym-train-page-cone60) [other page](../science.md#the-symmetry-lab-cone60)
            [web](https://example.org/x.md) ![good figure](../compare-cone60-baselines.png)
            [dead](nothere.md) ![missing](../missing.png) [bad anchor](#no-such-heading) [bad remote anchor](train.md#nope)
            `[in code](ignored.md)`

                [indented code](ignored-too.md)
            """;
        Assert.That(DeadLinks(page, text), Is.EquivalentTo(new[] { "nothere.md", "../missing.png", "#no-such-heading", "train.md#nope" }));
    }

    static IEnumerable<string> DeadLinks(string page, string text)
    {
        string directory = Path.GetDirectoryName(Path.Combine(DocFiles.RepositoryRoot, page))!;
        foreach (var (target, _) in MarkdownText.Links(text))
        {
            if (IsExternal(target)) continue;
            int hash = target.IndexOf('#', StringComparison.Ordinal);
            string file = hash >= 0 ? target[..hash] : target;
            string anchor = hash >= 0 ? target[(hash + 1)..] : "";
            if (file.Length == 0)
            {
                if (!MarkdownText.Anchors(text).Contains(anchor)) yield return target;
                continue;
            }
            string path = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(file)));
            if (!File.Exists(path) && !Directory.Exists(path)) { yield return target; continue; }
            if (anchor.Length == 0) continue;
            if (!path.EndsWith(".md", StringComparison.Ordinal) || !MarkdownText.Anchors(File.ReadAllText(path)).Contains(anchor)) yield return target;
        }
    }

    static bool IsExternal(string target) =>
        target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal);
}
