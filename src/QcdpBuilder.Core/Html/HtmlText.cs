using System.Text;

namespace QcdpBuilder.Html;

/// <summary>
/// Escaping for HTML. Every piece of text and every attribute value the site writes goes
/// through here: content is untrusted, so "&lt;script&gt;" in a paragraph is shown as text.
/// </summary>
public static class HtmlText
{
    /// <summary>Escapes text for an element's content.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
            sb.Append(ch switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => ch.ToString() });
        return sb.ToString();
    }

    /// <summary>Escapes text for a double-quoted attribute value.</summary>
    public static string Attr(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
            sb.Append(ch switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;", _ => ch.ToString() });
        return sb.ToString();
    }

    /// <summary>
    /// A link target fit for an href, or null: web, mail and in-page links, and relative paths
    /// the site itself made (no scheme, never absolute, never leaving the output folder by more
    /// than the one "../" that reaches the package). Anything else (javascript:, data:, file:) is dropped.
    /// </summary>
    public static string? SafeHref(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        if (url.StartsWith("https://") || url.StartsWith("http://") || url.StartsWith("mailto:") || url.StartsWith('#')) return url;
        if (url.Contains(':') || url.StartsWith('/') || url.StartsWith('\\') || url.Contains('\\')) return null;
        var rest = url.StartsWith("../") ? url[3..] : url;
        return rest.Split('/').Any(part => part is ".." or "") ? null : url;
    }
}
