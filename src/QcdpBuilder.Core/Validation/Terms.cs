using System.Text.RegularExpressions;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Validation;

/// <summary>
/// The spelling of terms the programme standardises (rule QCDP601), from
/// <c>content/style/terms.yaml</c>: each term lists the wrong forms to flag. Forms are matched
/// as whole words, case-sensitively unless the term says <c>ignore_case: true</c>, and never
/// inside file names, ids or addresses (<c>pdsa-worksheet</c>, <c>qi.team@…</c>). An <c>allow</c>
/// phrase keeps a wrong form where it is right, e.g. the compound adjective in "run-chart rules".
/// </summary>
public static class Terms
{
    public const string File = "content/style/terms.yaml";

    /// <summary>One standard term: how to write it, the forms to flag, and phrases where a flagged form is fine.</summary>
    public sealed record Term(string Standard, IReadOnlyList<string> Wrong, IReadOnlyList<string> Allow, bool IgnoreCase, string Note);

    public static List<Term> Load(string root, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(root, File);
        if (!System.IO.File.Exists(path)) return [];
        var map = YamlMap.Load(System.IO.File.ReadAllText(path), File, diagnostics);
        if (map is null) return [];
        map.AllowOnly(ContentSchema.Terms.Keys);
        var terms = new List<Term>();
        foreach (var t in map.MapList("terms", required: true))
        {
            t.AllowOnly(ContentSchema.Term.Keys);
            var standard = t.String("term", required: true);
            if (standard is null) continue;
            terms.Add(new Term(standard, t.StringList("wrong", required: true).Select(w => w.Value).ToList(),
                t.StringList("allow").Select(a => a.Value).ToList(), t.String("ignore_case") == "true", t.String("note") ?? ""));
        }
        return terms;
    }

    /// <summary>
    /// Checks every Markdown and YAML file under <c>content/</c> (not its README or licence) and
    /// in the organisation's folder (its profile and content overlay), if given.
    /// </summary>
    public static void Check(string root, DiagnosticBag diagnostics, string? organisationDir = null)
    {
        var terms = Load(root, diagnostics);
        if (terms.Count == 0) return;
        var folders = new[] { Path.Combine(root, "content"), organisationDir }.OfType<string>().Where(Directory.Exists).Distinct();
        var files = folders.SelectMany(dir => Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f is not ("content/README.md" or "content/LICENSE.md" or File))
            .Distinct().Order(StringComparer.Ordinal);
        var patterns = terms.SelectMany(t => t.Wrong.Select(w => (Term: t, Wrong: w, Rx: Pattern(w, t.IgnoreCase)))).ToList();
        foreach (var file in files)
        {
            // A pipe, a loop of links or an unreadable file is reported by the loader; here it is only skipped.
            var full = Path.Combine(root, file);
            if (Files.RegularFile.Problem(full) is not null || !Content.SourceFiles.IsInside(full, root)) continue;
            string text;
            try { text = System.IO.File.ReadAllText(full); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            CheckText(text, file, patterns, diagnostics);
        }
    }

    /// <summary>Checks one file's text against the terms (for tests and editors).</summary>
    public static void CheckText(string text, string file, IReadOnlyList<Term> terms, DiagnosticBag diagnostics) =>
        CheckText(text, file, terms.SelectMany(t => t.Wrong.Select(w => (t, w, Pattern(w, t.IgnoreCase)))).ToList(), diagnostics);

    static void CheckText(string text, string file, List<(Term Term, string Wrong, Regex Rx)> patterns, DiagnosticBag diagnostics)
    {
        // Most files hold none of the wrong forms: only run the patterns whose form appears in the text at all
        // (case-insensitive forms always run, since the regex's case folding is wider than a string search's).
        patterns = patterns.Where(p => p.Term.IgnoreCase || text.Contains(p.Wrong, StringComparison.Ordinal)).ToList();
        if (patterns.Count == 0) return;
        // Each pattern scans the whole text once (not once per line); a form never spans lines, and a line break
        // bounds a word as the start or end of a line did. Findings are reported in line order, as before.
        text = text.Replace("\r\n", "\n");
        var lineStarts = new List<int> { 0 };
        var fencedLines = new HashSet<int>();
        var fenced = false;
        for (var i = 0; i < text.Length; i = lineStarts[^1])
        {
            var end = text.IndexOf('\n', i);
            var line = text.AsSpan(i, (end < 0 ? text.Length : end) - i);
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { fenced = !fenced; fencedLines.Add(lineStarts.Count - 1); }
            else if (fenced) fencedLines.Add(lineStarts.Count - 1);
            if (end < 0) break;
            lineStarts.Add(end + 1);
        }
        var found = new List<(int Line, int Pattern, int Column, Term Term, string Value)>();
        for (var p = 0; p < patterns.Count; p++)
        {
            var (term, _, rx) = patterns[p];
            foreach (Match m in rx.Matches(text))
            {
                var lineIndex = lineStarts.BinarySearch(m.Index);
                if (lineIndex < 0) lineIndex = ~lineIndex - 1;
                if (fencedLines.Contains(lineIndex)) continue;
                var start = lineStarts[lineIndex];
                var lineEnd = text.IndexOf('\n', start);
                var line = text[start..(lineEnd < 0 ? text.Length : lineEnd)];
                if (Allowed(line, m.Index - start, m.Length, term)) continue;
                found.Add((lineIndex, p, m.Index - start, term, m.Value));
            }
        }
        foreach (var (line, _, column, term, value) in found.OrderBy(f => f.Line).ThenBy(f => f.Pattern).ThenBy(f => f.Column))
            diagnostics.Report(Rules.Terms, new SourceSpan(file, line + 1, column + 1), $"write '{term.Standard}', not '{value}'",
                term.Note.Length > 0 ? term.Note : $"the programme's standard spelling is '{term.Standard}' (content/style/terms.yaml)");
    }

    static bool Allowed(string line, int index, int length, Term term)
    {
        var comparison = term.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var phrase in term.Allow)
            for (var at = line.IndexOf(phrase, comparison); at >= 0; at = line.IndexOf(phrase, at + 1, comparison))
                if (at <= index && at + phrase.Length >= index + length) return true;
        return false;
    }

    // Whole words only, and not part of a file name, id, path or address.
    static Regex Pattern(string wrong, bool ignoreCase) =>
        new($@"(?<![\p{{L}}\p{{N}}_/.@-]){Regex.Escape(wrong)}(?![\p{{L}}\p{{N}}_/@-]|\.\w)", ignoreCase ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant : RegexOptions.CultureInvariant);
}
