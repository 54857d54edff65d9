using System.Text;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Templates;

/// <summary>
/// The one seam for template rendering (Handlebars.Net today). Templates and content are
/// untrusted: they get no helpers that touch files, the network or code, no partials, and
/// values are escaped for Markdown (not HTML), so an organisation called
/// "Smith &amp; Jones &lt;North&gt;" comes out as written. A placeholder that names nothing is
/// an error with the file and line, never a silent blank.
/// </summary>
public sealed partial class TemplateEngine
{
    // Compiling a template (to expression trees, then IL) costs far more than running it, and the same
    // texts come back in every build and every rebuild of a watch session: compile each text once per process.
    static readonly Compiler markdown = new(Handlebars.Create(new HandlebarsConfiguration { TextEncoder = new MarkdownEncoder(), ThrowOnUnresolvedBindingExpression = true }), escape: true);
    static readonly Compiler plain = new(Handlebars.Create(new HandlebarsConfiguration { NoEscape = true, ThrowOnUnresolvedBindingExpression = true }), escape: false);

    /// <summary>Sends every text through Handlebars, skipping the fast path for placeholders (tests compare the two).</summary>
    public bool HandlebarsOnly { get; init; }

    sealed class Compiler(IHandlebars handlebars, bool escape)
    {
        /// <summary>
        /// Most content uses placeholders only ("{{terms.coach}}", "{{{cohort.dates}}}"), and compiling
        /// each such text through Handlebars (expression trees, then IL) was a quarter of a cold build's
        /// start. Such a text is filled here, exactly as Handlebars would fill it; anything else (blocks,
        /// helpers, comments, whitespace control, "this", "..", a key that is missing or a value that is not
        /// text) returns null and goes to Handlebars, which also reports every error.
        /// </summary>
        public string? Simple(string source, object data)
        {
            if (data is not IDictionary<string, object> root) return null;
            var sb = new StringBuilder(source.Length + 64);
            var at = 0;
            for (var open = source.IndexOf("{{", StringComparison.Ordinal); open >= 0; open = source.IndexOf("{{", at, StringComparison.Ordinal))
            {
                var triple = string.CompareOrdinal(source, open, "{{{", 0, 3) == 0;
                var close = source.IndexOf(triple ? "}}}" : "}}", open, StringComparison.Ordinal);
                if (close < 0) return null;
                var path = source.AsSpan(open + (triple ? 3 : 2), close - open - (triple ? 3 : 2)).Trim(' ');
                if (!SimplePathRegex().IsMatch(path) || Lookup(root, path) is not string value) return null;
                sb.Append(source, at, open - at).Append(triple || !escape ? value : EscapeMarkdown(value));
                at = close + (triple ? 3 : 2);
            }
            return sb.Append(source, at, source.Length - at).ToString();
        }

        static object? Lookup(IDictionary<string, object> root, ReadOnlySpan<char> path)
        {
            object? current = root;
            foreach (var range in path.Split('.'))
            {
                if (current is not IDictionary<string, object> map || !map.TryGetValue(path[range].ToString(), out current)) return null;
            }
            return current;
        }

        readonly System.Collections.Concurrent.ConcurrentDictionary<string, HandlebarsTemplate<object, object>> compiled = new(StringComparer.Ordinal);

        public HandlebarsTemplate<object, object> Compile(string source)
        {
            if (compiled.TryGetValue(source, out var template)) return template;
            if (compiled.Count > 4096) compiled.Clear(); // bound a long watch session
            lock (this) template = handlebars.Compile(source);
            return compiled.GetOrAdd(source, template);
        }
    }

    /// <summary>
    /// Compiles a Markdown template ahead of its first use (on another thread, while content loads), so the
    /// render later finds it compiled. Problems are not reported here: the render reports them with their place.
    /// </summary>
    public static void Prepare(string source)
    {
        try
        {
            var protectedSource = source.Replace("\\{{", "\u0001");
            if (!PartialRegex().IsMatch(protectedSource)) markdown.Compile(protectedSource);
        }
        catch (Exception e) when (e is HandlebarsException or HandlebarsRuntimeException) { }
    }

    /// <summary>
    /// Renders Markdown <paramref name="source"/> with <paramref name="data"/> (values escaped for
    /// Markdown); on failure reports at <paramref name="file"/> and returns null.
    /// </summary>
    public string? Render(string source, object data, string file, DiagnosticBag diagnostics, int firstLine = 1) =>
        Render(markdown, source, data, file, diagnostics, firstLine, HandlebarsOnly);

    /// <summary>Renders plain text (a title, a file name): values are inserted as they are.</summary>
    public string? RenderPlain(string source, object data, string file, DiagnosticBag diagnostics, int firstLine = 1) =>
        Render(plain, source, data, file, diagnostics, firstLine, HandlebarsOnly);

    static string? Render(Compiler handlebars, string source, object data, string file, DiagnosticBag diagnostics, int firstLine, bool handlebarsOnly)
    {
        // Fast path: most content has no placeholders at all.
        if (!source.Contains("{{")) return source.Replace("\\{{", "{{");
        // Partials ({{> name}}, {{#> name}}) and inline partials or decorators ({{#*inline}}) are
        // refused before Handlebars sees them: content must not be able to pull in other text.
        if (PartialRegex().Match(source.Replace("\\{{", "\u0001")) is { Success: true } partial)
        {
            var (line, col) = LineAndColumn(source, partial.Index);
            diagnostics.Report(Rules.TemplateSyntax, new SourceSpan(file, firstLine + line - 1, col), $"template error: partials and decorators ('{partial.Value}…') are not available",
                "write the text inline instead");
            return null;
        }
        // Placeholders name data (lower-case keys) and nothing else: no .NET members of the values
        // behind them ({{org.name.Length}}) and no lookup helper, which would bypass the unknown-placeholder check.
        foreach (Match mustache in MustacheRegex().Matches(source.Replace("\\{{", "\u0001")))
        {
            if (mustache.Groups[1].Value.TrimStart('~', ' ').StartsWith('!')) continue; // a comment
            var inside = QuotedRegex().Replace(mustache.Groups[1].Value, "\"\"");
            var bad = LookupRegex().Match(inside) is { Success: true } lookup ? "the lookup helper"
                : MemberRegex().Match(inside) is { Success: true } member ? $".NET member '{member.Groups[1].Value}'" : null;
            if (bad is null) continue;
            var (line, col) = LineAndColumn(source, mustache.Index);
            diagnostics.Report(Rules.TemplateSyntax, new SourceSpan(file, firstLine + line - 1, col), $"template error: '{mustache.Value}' uses {bad}, which templates may not use",
                $"placeholders name data only: {Available}");
            return null;
        }
        try
        {
            var protectedSource = source.Replace("\\{{", "\u0001");
            if (!handlebarsOnly && handlebars.Simple(protectedSource, data) is { } simple) return simple.Replace("\u0001", "{{");
            var template = handlebars.Compile(protectedSource);
            return template(data).Replace("\u0001", "{{");
        }
        catch (HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException e)
        {
            var key = e.Message.Replace(" is undefined", "").Trim();
            var (at, placeholder) = Locate(source, key, file, firstLine);
            diagnostics.Report(Rules.TemplatePlaceholder, at, $"unknown placeholder '{placeholder}'", $"placeholders available: {Available}");
        }
        catch (HandlebarsRuntimeException e) when (e.Message.Contains("partial", StringComparison.OrdinalIgnoreCase))
        {
            var (at, _) = Locate(source, "{{>", file, firstLine);
            diagnostics.Report(Rules.TemplateSyntax, at, "template error: partials ({{> name}}) are not available", "write the text inline instead");
        }
        catch (Exception e) when (e is HandlebarsException or HandlebarsRuntimeException)
        {
            var m = PositionRegex().Match(e.Message);
            var line = m.Success && int.TryParse(m.Groups[1].Value, out var l) ? Math.Max(1, l) : 1;
            var col = m.Success && int.TryParse(m.Groups[2].Value, out var c) ? Math.Max(1, c) : 1;
            diagnostics.Report(Rules.TemplateSyntax, new SourceSpan(file, firstLine + line - 1, col), $"template error: {FirstLine(e.Message)}", "check that every {{ has a matching }} and every {{#each}} a {{/each}}");
        }
        return null;
    }

    public const string Available = "org.name, org.short_name, org.qi_platform, org.sponsor_term, org.qi_forum, org.contact.email, org.links.<name>, org.host, org.partners_text, terms.qi_platform, terms.coach, cohort.name, lead.name, lead.email, contact.email, programme.title (content/README.md lists them all)";

    /// <summary>Finds the first placeholder mentioning <paramref name="key"/>; returns its position and text.</summary>
    static (SourceSpan, string) Locate(string source, string key, string file, int firstLine)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match m in PlaceholderRegex().Matches(lines[i]))
                if (m.Value.Contains(key, StringComparison.Ordinal))
                    return (new SourceSpan(file, firstLine + i, m.Index + 1), m.Value);
        }
        return (new SourceSpan(file, firstLine, 1), "{{" + key + "}}");
    }

    static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var before = text.AsSpan(0, index);
        var line = before.Count('\n') + 1;
        return (line, index - (before.LastIndexOf('\n') + 1) + 1);
    }

    [GeneratedRegex(@"\{\{\{?([^}]*)\}?\}\}")]
    private static partial Regex MustacheRegex();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex QuotedRegex();

    [GeneratedRegex(@"(?:^|[\s(~#^/])lookup\b")]
    private static partial Regex LookupRegex();

    /// <summary>A path segment starting with a capital letter: data keys are lower-case, .NET members are not.</summary>
    [GeneratedRegex(@"(?:^|[\s(.~#^/=])([A-Z][A-Za-z0-9_]*)")]
    private static partial Regex MemberRegex();

    [GeneratedRegex(@"\{\{~?\s*(>|#>|#\*)")]
    private static partial Regex PartialRegex();

    static string FirstLine(string s) => s.Split('\n')[0].Trim();

    [GeneratedRegex(@"(\d+):(\d+)")]
    private static partial Regex PositionRegex();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex PlaceholderRegex();

    /// <summary>A data path of lower-case keys: "org.name", "terms.qi_platform".</summary>
    [GeneratedRegex(@"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$")]
    private static partial Regex SimplePathRegex();

    /// <summary>Escapes values for Markdown: every character Markdown could read as syntax gets a backslash.</summary>
    public static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (@"\`*_{}[]()<>#+-.!|&~".Contains(ch)) sb.Append('\\');
            sb.Append(ch);
        }
        return sb.ToString();
    }

    sealed class MarkdownEncoder : ITextEncoder
    {
        public IFormatProvider FormatProvider => System.Globalization.CultureInfo.InvariantCulture;
        public void Encode(StringBuilder? text, TextWriter target) => target.Write(EscapeMarkdown(text?.ToString() ?? ""));
        public void Encode(string? text, TextWriter target) => target.Write(EscapeMarkdown(text ?? ""));
        public void Encode<T>(T? text, TextWriter target) where T : IEnumerator<char>
        {
            var sb = new StringBuilder();
            while (text is not null && text.MoveNext()) sb.Append(text.Current);
            target.Write(EscapeMarkdown(sb.ToString()));
        }
    }
}
