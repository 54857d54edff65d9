using System.Collections.Concurrent;
using System.Text;
using Scriban;
using Scriban.Parsing;
using SourceSpan = QcdpBuilder.Diagnostics.SourceSpan;
using Scriban.Runtime;
using Scriban.Syntax;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Templates;

/// <summary>
/// The one template engine (Scriban), for templates in <c>templates/</c> and for placeholders in content
/// alike: <c>{{ org.name }}</c>, <c>{{ if org.system_wide }}…{{ end }}</c>, <c>{{ for item in list }}…{{ end }}</c>.
/// Templates and content are untrusted and render in a <see cref="SandboxContext"/>: data only, no .NET
/// members, no clock, bounded loops and output, includes only from the templates folders. Values are
/// escaped for Markdown (not HTML), so an organisation called "Smith &amp; Jones &lt;North&gt;" comes out as
/// written; <c>{{ value | raw }}</c> inserts Markdown as it is. A placeholder that names nothing is an
/// error with the file, line and column and a "did you mean", never a silent blank.
/// One engine serves one build: it parses each distinct text once and keeps it for that build only.
/// </summary>
public sealed partial class TemplateEngine(TemplateIncludes? includes = null)
{
    /// <summary><c>\{{</c> writes <c>{{</c> literally; held as a same-length mark while Scriban reads the text, so columns stay true.</summary>
    const string LiteralBraces = "\\{{", Mark = "\u0001\u0001\u0001";

    readonly ConcurrentDictionary<string, Template> parsed = new(StringComparer.Ordinal);
    readonly ScriptObject builtins = SandboxBuiltins.Create();

    /// <summary>
    /// Renders content Markdown <paramref name="source"/> (a slide deck, a handout, notes) with
    /// <paramref name="data"/>, values escaped for Markdown; on failure reports at <paramref name="file"/>
    /// (line numbers counted from <paramref name="firstLine"/>) and returns null. Content cannot include templates.
    /// </summary>
    public string? Render(string source, object data, string file, DiagnosticBag diagnostics, int firstLine = 1) =>
        Run(source, data, file, diagnostics, firstLine, markdown: true, loader: null);

    /// <summary>Renders plain text (a title, a YAML text): values are inserted as they are.</summary>
    public string? RenderPlain(string source, object data, string file, DiagnosticBag diagnostics, int firstLine = 1) =>
        Run(source, data, file, diagnostics, firstLine, markdown: false, loader: null);

    /// <summary>Renders a template from <c>templates/</c> (or an organisation's overlay) to Markdown; it may include others there.</summary>
    public string? RenderTemplate(string source, object data, string file, DiagnosticBag diagnostics) =>
        Run(source, data, file, diagnostics, 1, markdown: true, loader: includes);

    /// <summary>
    /// Renders a document's frame (a template such as <c>handout.md.sbn</c>) around <paramref name="body"/>, the
    /// document's own Markdown with its placeholders filled, which the frame places with <c>{{ body | raw }}</c>.
    /// Returns the frame's text before and after the body apart from the body, so each part is read against its own
    /// file (a problem in the body is reported at the content file's line); a frame that does not place the body as
    /// it is gives all its text as <see cref="FramedText.Before"/>. Null (reported) when the frame fails.
    /// </summary>
    public FramedText? RenderFrame(string source, IDictionary<string, object> data, string body, string file, DiagnosticBag diagnostics)
    {
        var text = RenderTemplate(source, new Dictionary<string, object>(data) { ["body"] = body }, file, diagnostics);
        if (text is null) return null;
        var at = body.Length == 0 ? -1 : text.IndexOf(body, StringComparison.Ordinal);
        return at < 0 ? new FramedText(text, "", "") : new FramedText(text[..at], body, text[(at + body.Length)..]);
    }

    string? Run(string source, object data, string file, DiagnosticBag diagnostics, int firstLine, bool markdown, TemplateIncludes? loader)
    {
        // Most content has no placeholders at all.
        if (!source.Contains("{{", StringComparison.Ordinal)) return source;
        var text = source.Replace(LiteralBraces, Mark, StringComparison.Ordinal);
        // "{{#if x}}" is a comment to Scriban: a block left from Handlebars would vanish without a word.
        if (HandlebarsBlock().Match(text) is { Success: true } block)
        {
            var (line, column) = LineAndColumn(text, block.Index);
            diagnostics.Report(Rules.TemplateSyntax, new SourceSpan(file, firstLine + line - 1, column), $"template error: '{block.Value}' is Handlebars, which templates no longer use",
                "write {{ if x }}…{{ end }} or {{ for item in list }}…{{ end }} (see content/README.md)");
            return null;
        }
        var template = parsed.GetOrAdd(text, t => Template.Parse(t));
        if (template.HasErrors)
        {
            ReportParse(template.Messages, source, file, firstLine, diagnostics, loader);
            return null;
        }
        var context = new SandboxContext(builtins, markdown, loader);
        var model = TemplateModel.From(data);
        context.DataRoots.Add(model);
        context.PushGlobal(model);
        context.PushGlobal(new ScriptObject()); // the template's own variables, apart from the data
        try
        {
            return template.Render(context).Replace(Mark, "{{", StringComparison.Ordinal);
        }
        catch (UnknownNameException e)
        {
            var (at, placeholder) = Where(e.Span, source, file, firstLine, loader, e.Name);
            var prefix = placeholder.Length > e.Name.Length ? placeholder[..^e.Name.Length] : "";
            var candidates = e.Members ?? e.Variables;
            var hint = Suggest.Nearest(e.Name, candidates) is { } near ? $"did you mean '{prefix}{near}'?"
                : e.Members is null ? $"the data has: {string.Join(", ", candidates)} (templates/README.md and content/README.md list every field)"
                : candidates.Count > 0 ? $"'{prefix.TrimEnd('.')}' has: {string.Join(", ", candidates)}"
                : $"'{prefix.TrimEnd('.')}' is a value, not a group of fields";
            diagnostics.Report(Rules.TemplatePlaceholder, at, $"unknown placeholder '{placeholder}'", hint);
        }
        catch (SandboxException e)
        {
            diagnostics.Report(e.Rule, Where(e.Span, source, file, firstLine, loader).At, e.OriginalMessage, e.Hint);
        }
        catch (ScriptParserRuntimeException e)
        {
            // A template it included does not parse.
            ReportParse(e.ParserMessages, source, file, firstLine, diagnostics, loader);
        }
        catch (ScriptRuntimeException e)
        {
            diagnostics.Report(Rules.TemplateSyntax, Where(e.Span, source, file, firstLine, loader).At, $"template error: {e.OriginalMessage}", RuntimeHint(e.OriginalMessage));
        }
        catch (Exception e) when (e is ScriptArgumentException or ArgumentException or FormatException or InvalidOperationException or OverflowException or InvalidCastException)
        {
            // A function of the language given a value it cannot use.
            var span = context.CurrentNode?.Span ?? default;
            diagnostics.Report(Rules.TemplateSyntax, Where(span, source, file, firstLine, loader).At, $"template error: {FirstLine(e.Message)}",
                "check the values given to the function here");
        }
        return null;
    }

    static void ReportParse(LogMessageBag messages, string source, string file, int firstLine, DiagnosticBag diagnostics, TemplateIncludes? loader)
    {
        // The first error only: the parser's later ones are mostly the same mistake seen again further on.
        if (messages.FirstOrDefault(m => m.Type == ParserMessageType.Error) is { } m)
            diagnostics.Report(Rules.TemplateSyntax, Where(m.Span, source, file, firstLine, loader).At, $"template error: {FirstLine(m.Message)}", ParseHint(source));
    }

    /// <summary>
    /// Where a span is, for a diagnostic: in the text being rendered (line and column from 1, counted from
    /// <paramref name="firstLine"/>), or in a template it included; with the dotted name written there.
    /// </summary>
    static (SourceSpan At, string Placeholder) Where(Scriban.Parsing.SourceSpan span, string source, string file, int firstLine, TemplateIncludes? loader, string name = "")
    {
        var line = Math.Max(0, span.Start.Line);
        var column = Math.Max(0, span.Start.Column);
        if (loader is not null && span.FileName is { Length: > 0 } included && Path.IsPathRooted(included))
        {
            var includedText = File.Exists(included) ? File.ReadAllText(included) : "";
            return (new SourceSpan(loader.Rel(included), line + 1, column + 1), Dotted(includedText, line, column, name));
        }
        return (new SourceSpan(file, firstLine + line, column + 1), Dotted(source, line, column, name));
    }

    /// <summary>The dotted name ending with <paramref name="name"/> at a place ("org.nmae" for the member "nmae").</summary>
    static string Dotted(string text, int line, int column, string name)
    {
        if (name.Length == 0) return name;
        var lines = text.Split('\n');
        if (line >= lines.Length || column > lines[line].Length) return name;
        var row = lines[line];
        var start = column;
        while (start > 0 && (char.IsLetterOrDigit(row[start - 1]) || row[start - 1] is '_' or '.')) start--;
        var prefix = row[start..column];
        return prefix.EndsWith('.') ? prefix + name : name;
    }

    static string ParseHint(string source) =>
        source.Contains("{{#", StringComparison.Ordinal) || source.Contains("{{/", StringComparison.Ordinal) || source.Contains("{{{", StringComparison.Ordinal) || source.Contains("{{>", StringComparison.Ordinal)
            ? "templates are Scriban, not Handlebars: write {{ if x }}…{{ end }}, {{ for item in list }}…{{ end }} and {{ value | raw }} (see content/README.md)"
            : "check that every {{ has a matching }} and every if or for its {{ end }} (see content/README.md)";

    static string RuntimeHint(string message) =>
        message.Contains("iteration limit", StringComparison.OrdinalIgnoreCase) ? $"a template may repeat at most {SandboxContext.MaxIterations} times in all"
        : message.Contains("limit", StringComparison.OrdinalIgnoreCase) && message.Contains("output", StringComparison.OrdinalIgnoreCase) ? $"a template may produce at most {SandboxContext.MaxOutput} characters"
        : message.Contains("recursive", StringComparison.OrdinalIgnoreCase) ? "a function may call itself at most 20 deep"
        : "see content/README.md for what templates and placeholders can do";

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{[~-]?\s*#\s*(if|each|unless|with)\b")]
    private static partial System.Text.RegularExpressions.Regex HandlebarsBlock();

    static (int Line, int Column) LineAndColumn(string text, int index)
    {
        var before = text.AsSpan(0, index);
        return (before.Count('\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }

    static string FirstLine(string s) => s.Split('\n')[0].Trim();

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
}

/// <summary>A frame's output: its own text before the document's body, the body, and its text after.</summary>
public sealed record FramedText(string Before, string Body, string After);
