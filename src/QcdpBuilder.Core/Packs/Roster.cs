using System.Text;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Packs;

/// <summary>One participant from a roster: their name and any other columns (role, team …) by header.</summary>
public sealed record Participant(string Name, IReadOnlyDictionary<string, string> Extra);

/// <summary>
/// A participant list read from CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks in
/// double quotes, <c>""</c> for a quote; UTF-8 with or without a byte-order mark). The first row is the header
/// and must include <c>name</c>; other columns are kept in order and printed on the sign-in sheet.
/// </summary>
public sealed class Roster
{
    public required IReadOnlyList<string> Columns { get; init; }
    public required IReadOnlyList<Participant> Participants { get; init; }
    /// <summary>The columns besides <c>name</c>, with their original header text.</summary>
    public IEnumerable<string> ExtraColumns => Columns.Where(c => !IsName(c));

    static bool IsName(string header) => string.Equals(header.Trim(), "name", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a roster file; problems go to <paramref name="diagnostics"/> (all of them) and the result is then null.</summary>
    public static Roster? Load(string path, string displayPath, DiagnosticBag diagnostics)
    {
        string text;
        try { text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(Rules.Roster, SourceSpan.StartOf(displayPath), $"cannot read the participant list: {e.Message}", "check the path given to --participants");
            return null;
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Report(Rules.Roster, SourceSpan.StartOf(displayPath), "the participant list is not UTF-8 text", "save the file as 'CSV UTF-8' (Excel) or UTF-8 (any text editor)");
            return null;
        }
        return Parse(text, displayPath, diagnostics);
    }

    public static Roster? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        int errors = diagnostics.ErrorCount;
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var rows = Records(text, file, diagnostics);
        if (rows.Count == 0)
        {
            diagnostics.Report(Rules.Roster, SourceSpan.StartOf(file), "the participant list is empty", "start with a header row such as: name,role");
            return null;
        }
        var header = rows[0];
        var columns = header.Fields.Select(f => f.Value.Trim()).ToList();
        int nameIndex = columns.FindIndex(IsName);
        if (nameIndex < 0)
            diagnostics.Report(Rules.Roster, new SourceSpan(file, header.Line, 1), "the header row has no 'name' column",
                $"make the first row the column names, including name (found: {string.Join(", ", columns.Select(c => $"'{c}'"))})");
        for (int i = 0; i < columns.Count; i++)
            if (columns[i].Length == 0)
                diagnostics.Report(Rules.Roster, new SourceSpan(file, header.Line, header.Fields[i].Column), $"column {i + 1} of the header row has no name", "give every column a heading, or delete the empty column");

        var people = new List<Participant>();
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.Count != columns.Count)
            {
                var at = row.Fields.Count > columns.Count ? row.Fields[columns.Count].Column : row.Fields[^1].Column;
                diagnostics.Report(Rules.Roster, new SourceSpan(file, row.Line, at), $"this row has {row.Fields.Count} field(s) but the header has {columns.Count}",
                    "put a name with a comma in double quotes (\"Jones, Siân\"), and give every row the same number of columns");
                continue;
            }
            if (nameIndex < 0) continue;
            var name = row.Fields[nameIndex].Value.Trim();
            if (name.Length == 0)
            {
                diagnostics.Report(Rules.Roster, new SourceSpan(file, row.Line, row.Fields[nameIndex].Column), "this row has no name", "fill in the name or delete the row");
                continue;
            }
            var extra = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < columns.Count; i++) if (i != nameIndex) extra[columns[i]] = row.Fields[i].Value.Trim();
            people.Add(new Participant(name, extra));
        }
        if (diagnostics.ErrorCount > errors) return null;
        return new Roster { Columns = columns, Participants = people };
    }

    sealed record Field(string Value, int Column);
    sealed record Record(int Line, List<Field> Fields);

    /// <summary>Splits CSV text into records of fields, with the line and column where each starts. Blank lines are skipped.</summary>
    static List<Record> Records(string text, string file, DiagnosticBag diagnostics)
    {
        var records = new List<Record>();
        int i = 0, line = 1, col = 1;
        while (i < text.Length)
        {
            var rec = new Record(line, []);
            bool blank = true;
            while (true)
            {
                var value = new StringBuilder();
                int startCol = col, startLine = line;
                if (i < text.Length && text[i] == '"')
                {
                    blank = false;
                    i++; col++;
                    bool closed = false;
                    while (i < text.Length)
                    {
                        char c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { value.Append('"'); i += 2; col += 2; continue; }
                            i++; col++; closed = true; break;
                        }
                        if (c == '\n') { line++; col = 1; } else col++;
                        value.Append(c); i++;
                    }
                    if (!closed)
                    {
                        diagnostics.Report(Rules.Roster, new SourceSpan(file, startLine, startCol), "a quoted field is never closed",
                            "add the closing double quote; write a quote inside a quoted field as two quotes (\"\")");
                        return records;
                    }
                    // After the closing quote only a comma or the end of the record may follow.
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        diagnostics.Report(Rules.Roster, new SourceSpan(file, line, col), "unexpected text after a closing quote",
                            "quote the whole field (\"O\"\"Brien\") or leave the quotes out (O'Brien)");
                        while (i < text.Length && text[i] is not (',' or '\r' or '\n')) { i++; col++; }
                    }
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        if (text[i] == '"')
                        {
                            diagnostics.Report(Rules.Roster, new SourceSpan(file, line, col), "a double quote in the middle of an unquoted field",
                                "put the whole field in double quotes and double the quote inside it (\"Sam \"\"Jo\"\" Lee\")");
                        }
                        value.Append(text[i]); i++; col++;
                    }
                    if (value.Length > 0) blank = false;
                }
                rec.Fields.Add(new Field(value.ToString(), startCol));
                if (i < text.Length && text[i] == ',') { i++; col++; blank = false; continue; }
                break;
            }
            if (i < text.Length && text[i] == '\r') i++;
            if (i < text.Length && text[i] == '\n') i++;
            line++; col = 1;
            if (!blank) records.Add(rec);
        }
        return records;
    }
}
