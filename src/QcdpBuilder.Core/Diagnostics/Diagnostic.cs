namespace QcdpBuilder.Diagnostics;

/// <summary>How bad a diagnostic is. Errors stop a build; warnings do not.</summary>
public enum Severity { Error, Warning }

/// <summary>
/// One problem found in the content, with where it is (repository-relative path, 1-based
/// line and column), the rule it breaks (<see cref="Rules"/>) and a hint saying how to fix it.
/// </summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, int Column, string Message, string? Hint = null, string? Rule = null)
{
    public string SeverityText => Severity == Severity.Error ? "error" : "warning";

    /// <summary>A spreadsheet cell, e.g. <c>measures-workbook.xlsx[1 Active coaches]!C7</c>, shown instead of line and column.</summary>
    public string? Cell { get; init; }

    /// <summary>Where the problem is: <c>path:line:column</c>, or the cell for problems in a workbook.</summary>
    public string Location => Cell ?? $"{File}:{Line}:{Column}";

    /// <summary>The severity and rule id as printed: <c>error QCDP101</c> (or just <c>error</c> without a rule).</summary>
    public string Label => Rule is null ? SeverityText : $"{SeverityText} {Rule}";

    /// <summary>The compiler-style line: <c>path:line:column: error QCDP101: message</c>.</summary>
    public string Headline => $"{Location}: {Label}: {Message}";

    public override string ToString() => Hint is null ? Headline : $"{Headline}\n  hint: {Hint}";

    /// <summary>A GitHub Actions workflow command, so the problem shows on the pull request's diff.</summary>
    public string ToGitHubAnnotation()
    {
        static string Esc(string s) => s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        var text = Hint is null ? Message : $"{Message} (hint: {Hint})";
        var title = Rule is null ? "" : $",title={Rule}{(Rules.Find(Rule) is { } r ? " " + r.Name : "")}";
        return $"::{SeverityText} file={File},line={Line},col={Column}{title}::{Esc(text)}";
    }
}

/// <summary>Collects every problem in a run so that all are reported at once, not just the first.</summary>
public sealed class DiagnosticBag
{
    readonly List<Diagnostic> items = [];
    // The same problem met twice (a value read by two steps) is reported once.
    readonly HashSet<Diagnostic> seen = [];
    // Some checks of a build run beside each other (the terms check while content is parsed): one lock for all.
    readonly object gate = new();
    public IReadOnlyList<Diagnostic> Items { get { lock (gate) return items.ToArray(); } }
    public bool HasErrors { get { lock (gate) return items.Any(d => d.Severity == Severity.Error); } }
    public int ErrorCount { get { lock (gate) return items.Count(d => d.Severity == Severity.Error); } }
    public int WarningCount { get { lock (gate) return items.Count(d => d.Severity == Severity.Warning); } }

    public void Error(SourceSpan at, string message, string? hint = null, DiagnosticRule? rule = null) =>
        Add(new Diagnostic(Severity.Error, at.File, at.Line, at.Column, message, hint, rule?.Id));

    public void Warning(SourceSpan at, string message, string? hint = null, DiagnosticRule? rule = null) =>
        Add(new Diagnostic(Severity.Warning, at.File, at.Line, at.Column, message, hint, rule?.Id));

    /// <summary>Reports a problem at the rule's default severity.</summary>
    public void Report(DiagnosticRule rule, SourceSpan at, string message, string? hint = null) =>
        Add(new Diagnostic(rule.Severity, at.File, at.Line, at.Column, message, hint, rule.Id));

    public void Add(Diagnostic d)
    {
        lock (gate) if (seen.Add(d)) items.Add(d);
    }

    /// <summary><c>--strict</c>: every warning becomes an error, so it fails the run.</summary>
    public void PromoteWarnings()
    {
        lock (gate)
            for (var i = 0; i < items.Count; i++)
                if (items[i].Severity == Severity.Warning) items[i] = items[i] with { Severity = Severity.Error };
    }

    /// <summary>Diagnostics sorted by file, line, column, so output is stable.</summary>
    public IEnumerable<Diagnostic> Sorted() =>
        Items.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Message, StringComparer.Ordinal);
}

/// <summary>A place in a source file: repository-relative path plus 1-based line and column.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan StartOf(string file) => new(file, 1, 1);
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>Thrown when content errors make it impossible to go on; carries every diagnostic.</summary>
public sealed class ContentException(DiagnosticBag diagnostics) : Exception($"{diagnostics.ErrorCount} error(s) in the content.")
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;
}
