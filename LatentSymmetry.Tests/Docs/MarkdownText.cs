using System.Text.RegularExpressions;

namespace LatentSymmetry.Tests.Docs;

/// <summary>
/// Just enough of CommonMark for the documentation tests: code blocks (fenced and indented), headings and their
/// GitHub anchors, and links outside code.
/// </summary>
static partial class MarkdownText
{
    /// <summary>A fenced code block: its info string (e.g. "csharp"), its lines, and the line before its opening fence.</summary>
    public sealed record Fence(string Info, IReadOnlyList<string> Lines, string LineBefore);

    public static IReadOnlyList<string> Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>The lines outside code blocks (code lines replaced by empty ones, so numbering is kept).</summary>
    public static IReadOnlyList<string> Prose(string text)
    {
        var lines = Lines(text);
        var prose = new List<string>(lines.Count);
        bool inFence = false, previousBlankOrCode = true;
        foreach (string line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; prose.Add(""); previousBlankOrCode = true; continue; }
            bool indentedCode = !inFence && previousBlankOrCode && (line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t'));
            if (inFence || indentedCode) { prose.Add(""); previousBlankOrCode = true; continue; }
            prose.Add(line);
            previousBlankOrCode = line.Trim().Length == 0;
        }
        return prose;
    }

    public static IReadOnlyList<Fence> Fences(string text)
    {
        var lines = Lines(text);
        var fences = new List<Fence>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal)) continue;
            string info = lines[i][3..].Trim();
            int close = i + 1;
            while (close < lines.Count && !lines[close].StartsWith("```", StringComparison.Ordinal)) close++;
            int before = i - 1;
            while (before >= 0 && lines[before].Trim().Length == 0) before--;
            fences.Add(new Fence(info, [.. lines.Skip(i + 1).Take(close - i - 1)], before >= 0 ? lines[before] : ""));
            i = close;
        }
        return fences;
    }

    /// <summary>The link targets outside code: inline links and images, in order, with whether each is an image.</summary>
    public static IEnumerable<(string Target, bool Image)> Links(string text)
    {
        foreach (string line in Prose(text))
        {
            string withoutCode = InlineCode().Replace(line, "");
            foreach (Match m in Link().Matches(withoutCode))
                yield return (m.Groups["target"].Value, m.Groups["bang"].Success);
        }
    }

    /// <summary>GitHub's anchors of the headings outside code: lower case, punctuation dropped, spaces as '-', repeats numbered.</summary>
    public static IReadOnlySet<string> Anchors(string text)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in Prose(text))
        {
            var heading = Heading().Match(line);
            if (!heading.Success) continue;
            string slug = Slug(heading.Groups["text"].Value);
            int n = seen.GetValueOrDefault(slug);
            seen[slug] = n + 1;
            anchors.Add(n == 0 ? slug : $"{slug}-{n}");
        }
        return anchors;
    }

    public static string Slug(string heading)
    {
        string text = LinkText().Replace(heading.Trim(), "${text}").ToLowerInvariant();
        var slug = new System.Text.StringBuilder();
        foreach (char c in text)
            if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
            else if (c == ' ') slug.Append('-');
        return slug.ToString();
    }

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?<bang>!)?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkText();
}
