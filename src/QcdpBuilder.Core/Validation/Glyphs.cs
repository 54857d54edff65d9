using System.Text.RegularExpressions;
using QcdpBuilder.Branding;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Pdf.Fonts;

namespace QcdpBuilder.Validation;

/// <summary>
/// Text the PDFs cannot show. The PDF engine draws with the brand's fonts only (no system fallback, so output is the
/// same everywhere), and a character its font lacks prints as '?': an organisation named in Arabic or Chinese, or an
/// emoji, would come out as "??????" with no warning. Every text file the build read (the profile, content, templates)
/// is checked against the regular and bold faces, and the first such character of each file is an error at its line
/// and column, naming the YAML key it is in. Word and PowerPoint files are unaffected (they fall back to the reader's fonts).
/// </summary>
public static partial class Glyphs
{
    public static void Check(Brand brand, IEnumerable<(string Path, string Text)> files, Func<string, string> rel, DiagnosticBag diagnostics)
    {
        FontSet fonts;
        try { fonts = FontSet.Load(new FontFamily(brand.Fonts.Regular, brand.Fonts.Bold, brand.Fonts.Italic, brand.Fonts.BoldItalic)); }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or UnauthorizedAccessException) { return; } // the profile check reports fonts
        var known = new Dictionary<int, bool>();
        bool Drawable(int cp)
        {
            if (!known.TryGetValue(cp, out var ok)) known[cp] = ok = TextShaper.CanDraw(fonts.Regular, cp) && TextShaper.CanDraw(fonts.Bold, cp);
            return ok;
        }
        foreach (var (path, text) in files)
        {
            var yaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
            if (First(text, Drawable, yaml) is not { } found) continue;
            var missing = new List<int>();
            for (var at = ((int, int, string, int CodePoint)?)found; at is { } next && missing.Count <= 8; at = First(text, cp => Drawable(cp) || missing.Contains(cp), yaml))
                missing.Add(next.CodePoint);
            var file = rel(path);
            var key = yaml ? KeyOn(found.LineText) : null;
            var shown = string.Join(" ", missing.Take(8).Select(cp => $"'{char.ConvertFromUtf32(cp)}' (U+{cp:X4})")) + (missing.Count > 8 ? " and more" : "");
            diagnostics.Report(Rules.MissingGlyph, new SourceSpan(file, found.Line, found.Column),
                $"{(key is null ? "the text" : $"'{key}'")} has characters the font '{fonts.Regular.FamilyName}' cannot show, which the PDFs would print as '?': {shown}",
                "give the organisation a font that has them (fonts: files: in its profile), or write the text without them; the Word and PowerPoint files are not affected");
        }
    }

    /// <summary>
    /// The first character that cannot be drawn, with its line, column and the text of its line. In YAML, comments
    /// (from a '#' at the start of a line or after a space) are skipped: they are never printed.
    /// </summary>
    static (int Line, int Column, string LineText, int CodePoint)? First(string text, Func<int, bool> drawable, bool yaml)
    {
        int line = 1, column = 1, lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\n') { line++; column = 1; lineStart = i + 1; continue; }
            if (yaml && ch == '#' && (i == lineStart || text[i - 1] is ' ' or '\t'))
            {
                var next = text.IndexOf('\n', i);
                if (next < 0) break;
                i = next - 1;
                continue;
            }
            if (ch < 0x80) { column++; continue; } // ASCII: every font the brand check accepts has it
            var cp = char.IsHighSurrogate(ch) && i + 1 < text.Length ? char.ConvertToUtf32(ch, text[i + 1]) : ch;
            if (!drawable(cp))
            {
                var end = text.IndexOf('\n', i);
                return (line, column, text[lineStart..(end < 0 ? text.Length : end)], cp);
            }
            if (cp > 0xFFFF) i++;
            column++;
        }
        return null;
    }

    /// <summary>The YAML key a line sets ("name" for "name: …", "  - title: …"), or null.</summary>
    static string? KeyOn(string line) => KeyRx().Match(line) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:")] private static partial Regex KeyRx();
}
