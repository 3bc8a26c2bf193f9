using System.Text;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// The shell of a self-contained HTML page: its styles and the few lines of script that sort a table by a clicked
/// header are inline, and it names no external script, font, style sheet or image, so it opens offline and fetches
/// nothing. Readable on a phone: the text reflows, and wide tables and figures scroll sideways in their own box.
/// </summary>
public static class HtmlPage
{
    /// <summary>The inline style sheet.</summary>
    public const string Style =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0 auto;padding:0 12px 32px;max-width:1280px;line-height:1.4;color:#1a1a1a}" +
        "h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:1px solid #ddd;margin-top:2em}h3{font-size:1.05em}" +
        ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5em 0}" +
        "table{border-collapse:collapse;font-size:.85em;font-variant-numeric:tabular-nums}" +
        "th,td{border:1px solid #ccc;padding:3px 6px;white-space:nowrap;text-align:right}" +
        "th{background:#f3f3f3;position:sticky;top:0}td:first-child,th:first-child{text-align:left}" +
        "table.sortable th{cursor:pointer}table.sortable th[aria-sort=ascending]::after{content:' \\25B2'}table.sortable th[aria-sort=descending]::after{content:' \\25BC'}" +
        "tr.beats td{background:#eaf6ea}dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}" +
        "figure{margin:1em 0}figure svg{width:100%;max-width:1200px;height:auto;display:block}figcaption{font-size:.85em;color:#555}" +
        "details{margin:.4em 0;border:1px solid #ddd;border-radius:4px;padding:.3em .6em}summary{cursor:pointer;font-weight:600}" +
        ".warnings li{color:#8a4b00}code{overflow-wrap:anywhere}" +
        // On a phone a figure scaled to the page's width has 5-pixel text: it keeps a readable width and scrolls sideways.
        "@media (max-width:700px){figure{overflow-x:auto;-webkit-overflow-scrolling:touch}figure svg{width:760px;max-width:none}}";

    /// <summary>Sorts a table of class <c>sortable</c> by the clicked header: numbers by value (a cell's leading number), text after them; a second click reverses.</summary>
    public const string SortScript =
        "document.querySelectorAll('table.sortable th').forEach(function(th){th.addEventListener('click',function(){" +
        "var t=th.closest('table'),b=t.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th)," +
        "d=th.getAttribute('aria-sort')==='ascending'?-1:1;" +
        "t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',d>0?'ascending':'descending');" +
        "var k=function(r){var s=r.cells[i]?r.cells[i].textContent.trim():'';var n=parseFloat(s);return isNaN(n)?s:n};" +
        "Array.from(b.rows).sort(function(x,y){var p=k(x),q=k(y);" +
        "return (typeof p===typeof q?(p<q?-1:p>q?1:0):(typeof p==='number'?-1:1))*d}).forEach(function(r){b.appendChild(r)})})});";

    /// <summary>
    /// The page's content security policy: only its own inline styles and script, and data: images; the browser refuses
    /// any other fetch, so a figure or table that named an address by mistake would still fetch nothing.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    /// <summary>A whole page: <paramref name="title"/> in the head and as its heading, then <paramref name="body"/> (HTML).</summary>
    public static string Document(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append(body)
            .Append("<script>").Append(SortScript).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>
    /// Text made safe for an element's content or a quoted attribute: only &amp;, &lt;, &gt; and the quotes are escaped,
    /// so ±, λ and × stay readable characters of the UTF-8 page.
    /// </summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// A sortable table: <paramref name="headers"/> and the cells of <paramref name="rows"/> as text, in a box that scrolls
    /// sideways when the page is narrower. Rows whose index <paramref name="highlight"/> accepts are shaded.
    /// </summary>
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, Func<int, bool>? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>");
        foreach (string h in headers)
        {
            sb.Append("<th>").Append(Encode(h)).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        int index = 0;
        foreach (IReadOnlyList<string> row in rows)
        {
            sb.Append(highlight?.Invoke(index) == true ? "<tr class=\"beats\">" : "<tr>");
            foreach (string cell in row)
            {
                sb.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            sb.Append("</tr>\n");
            index++;
        }

        return sb.Append("</tbody></table></div>\n").ToString();
    }

    /// <summary>A bulleted list of <paramref name="items"/> as text; empty when there are none.</summary>
    public static string List(IEnumerable<string> items, string cssClass = "")
    {
        ArgumentNullException.ThrowIfNull(items);
        string[] all = [.. items];
        if (all.Length == 0)
        {
            return "";
        }

        var sb = new StringBuilder(cssClass.Length == 0 ? "<ul>\n" : $"<ul class=\"{Encode(cssClass)}\">\n");
        foreach (string item in all)
        {
            sb.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        return sb.Append("</ul>\n").ToString();
    }
}
