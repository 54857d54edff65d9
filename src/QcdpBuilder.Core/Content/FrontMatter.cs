namespace QcdpBuilder.Content;

/// <summary>Splits a Markdown file into its YAML front matter (between <c>---</c> lines) and body.</summary>
public static class FrontMatter
{
    /// <summary>
    /// Returns the YAML (padded with one blank line so YAML line numbers match the file)
    /// and the body (padded with blank lines so Markdown line numbers match the file too).
    /// </summary>
    public static (string? Yaml, string Body) Split(string text)
    {
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n")) return (null, text);
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var endLen = 5;
        if (end < 0 && text.EndsWith("\n---")) { end = text.Length - 4; endLen = 4; }
        if (end < 0) return (null, text);
        var yaml = "\n" + text[4..(end + 1)];
        var consumedLines = text[..(end + endLen)].Count(c => c == '\n');
        var body = new string('\n', consumedLines) + text[Math.Min(text.Length, end + endLen)..];
        return (yaml, body);
    }
}
