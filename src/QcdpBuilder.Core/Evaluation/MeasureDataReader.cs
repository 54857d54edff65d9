using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QcdpBuilder.Diagnostics;
using L = QcdpBuilder.Evaluation.MeasuresWorkbook.Layout;

namespace QcdpBuilder.Evaluation;

/// <summary>One period's data for a measure: the numerator, the denominator and what happened.</summary>
public sealed record DataPoint(string Period, double Numerator, double Denominator, string Annotation)
{
    public double Value => Numerator / Denominator;
}

/// <summary>The data entered for one measure, in time order.</summary>
public sealed record MeasureSeries(Measure Measure, IReadOnlyList<DataPoint> Points);

/// <summary>
/// Reads completed data back: the measures workbook (each measure's sheet, rows 13–36: period, numerator,
/// denominator, annotation) or a folder of CSV files (<c>&lt;measure id&gt;.csv</c> with a header row
/// <c>period,numerator,denominator,annotation</c>). Every bad or missing cell is a diagnostic naming the
/// sheet, row and column (<c>measures-workbook.xlsx[1 Active coaches]!C15: denominator is zero</c>).
/// </summary>
public static class MeasureDataReader
{
    static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static IReadOnlyList<MeasureSeries> Read(string path, EvaluationDefinition e, DiagnosticBag d)
    {
        if (Directory.Exists(path)) return ReadCsvFolder(path, e, d);
        if (!File.Exists(path))
        {
            d.Report(Rules.MeasureSheet, SourceSpan.StartOf(path), "no such file or folder", "pass the completed measures workbook (.xlsx) or a folder of <measure id>.csv files");
            return [];
        }
        if (Files.RegularFile.Problem(path) is { } notRegular)
        {
            d.Report(Rules.MeasureData, SourceSpan.StartOf(Path.GetFileName(path)), $"the data {notRegular}", "pass the completed measures workbook (.xlsx) itself");
            return [];
        }
        try { return ReadWorkbook(path, e, d); }
        // A workbook is untrusted: a damaged zip, XML with a DOCTYPE (refused, never expanded) or parts of the wrong kind are one error, not a crash.
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or System.Xml.XmlException
                                   or UnauthorizedAccessException or InvalidOperationException or NotSupportedException or ArgumentException or InvalidCastException)
        {
            var why = ex is System.Xml.XmlException x
                ? $"its XML has a DOCTYPE or is malformed ({x.Message.Split('.')[0].Trim()}), and such a workbook is refused, not read"
                : ex.Message;
            d.Report(Rules.MeasureData, SourceSpan.StartOf(Path.GetFileName(path)), $"cannot read the workbook: {why}", "save it from Excel or Calc as an .xlsx workbook");
            return [];
        }
    }

    // ---- Workbook ----

    static IReadOnlyList<MeasureSeries> ReadWorkbook(string path, EvaluationDefinition e, DiagnosticBag d)
    {
        var file = Path.GetFileName(path);
        using var doc = SpreadsheetDocument.Open(path, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("the file has no workbook part");
        var strings = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var formats = wb.WorkbookStylesPart?.Stylesheet;
        var result = new List<MeasureSeries>();
        foreach (var m in e.Measures)
        {
            var sheet = wb.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name == m.SheetName);
            if (sheet?.Id?.Value is not { } id)
            {
                d.Add(new Diagnostic(Severity.Warning, file, 1, 1, $"no sheet named '{m.SheetName}' for measure {m.Number}, so it is left out of the report",
                    "keep the sheet names the workbook was generated with", Rules.MeasureSheet.Id) { Cell = $"{file}[{m.SheetName}]" });
                continue;
            }
            // A damaged workbook may name a part that is missing, of another kind, or empty: refused like any unreadable workbook.
            if (wb.GetPartById(id) is not WorksheetPart { Worksheet: { } worksheet })
                throw new InvalidDataException($"the sheet '{m.SheetName}' has no worksheet");
            var cells = worksheet.Descendants<Cell>()
                .Where(c => c.CellReference?.Value is not null).GroupBy(c => c.CellReference!.Value!).ToDictionary(g => g.Key, g => g.First());
            var rows = new List<RawRow>();
            for (var r = L.FirstRow; r <= L.LastRow; r++)
            {
                Raw Get(int col)
                {
                    var reference = XlsxSheet.Ref(r, col);
                    var at = new Where(file, $"{file}[{m.SheetName}]!{reference}", r, col);
                    return cells.TryGetValue(reference, out var c) ? Value(c, strings, formats, at) : new Raw(null, null, at);
                }
                rows.Add(new RawRow(Get(L.Period), Get(L.Numerator), Get(L.Denominator), Get(L.Annotation)));
            }
            result.Add(new MeasureSeries(m, Points(m, rows, d)));
        }
        return result;
    }

    /// <summary>A cell's text and, when it holds a number, the number; <see cref="Problem"/> says why a value is unusable.</summary>
    sealed record Raw(string? Text, double? Number, Where At, string? Problem = null)
    {
        public bool Blank => string.IsNullOrWhiteSpace(Text) && Number is null && Problem is null;
    }

    sealed record RawRow(Raw Period, Raw Numerator, Raw Denominator, Raw Annotation);

    /// <summary>Where a value came from: the file, how a problem names it, and its row and column.</summary>
    sealed record Where(string File, string Name, int Row, int Col);

    static Raw Value(Cell c, List<string> strings, Stylesheet? styles, Where at)
    {
        var v = c.CellValue?.Text;
        var type = c.DataType?.Value;
        if (c.CellFormula is not null && v is null)
            return new Raw(null, null, at, "has a formula with no calculated value; open the workbook in Excel or Calc and save it");
        if (type == CellValues.SharedString)
            return int.TryParse(v, out var i) && i >= 0 && i < strings.Count ? Text(strings[i], at) : new Raw(null, null, at, "refers to a missing shared string");
        if (type == CellValues.InlineString) return Text(c.InlineString?.InnerText ?? "", at);
        if (type == CellValues.String) return Text(v ?? "", at);
        if (type == CellValues.Error) return new Raw(v, null, at, $"holds the error {v}");
        if (type == CellValues.Boolean) return new Raw(v == "1" ? "TRUE" : "FALSE", null, at);
        if (v is null) return new Raw(null, null, at);
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return new Raw(v, null, at);
        return new Raw(IsDate(c, styles) && n is > 0 and < 2958466 ? DateText(DateTime.FromOADate(n)) : n.ToString("G15", CultureInfo.InvariantCulture), n, at);
    }

    static Raw Text(string s, Where at) =>
        new(s, double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null, at);

    /// <summary>Whether the cell's number format shows a date (built-in formats 14–22 and 45–47, or a custom format with days or years).</summary>
    static bool IsDate(Cell c, Stylesheet? styles)
    {
        if (c.StyleIndex?.Value is not { } s || styles?.CellFormats is null) return false;
        var xf = styles.CellFormats.Elements<CellFormat>().ElementAtOrDefault((int)s);
        var id = xf?.NumberFormatId?.Value ?? 0;
        if (id is >= 14 and <= 22 or >= 45 and <= 47) return true;
        var code = styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value ?? "";
        var plain = new string(code.Where((ch, i) => ch != '"').ToArray()).ToLowerInvariant();
        return plain.Contains('y') || plain.Contains('d');
    }

    static string DateText(DateTime t) => t.Day == 1
        ? $"{Months[t.Month - 1]} {t.Year}"
        : $"{t.Day} {Months[t.Month - 1]} {t.Year}";

    // ---- CSV ----

    static IReadOnlyList<MeasureSeries> ReadCsvFolder(string dir, EvaluationDefinition e, DiagnosticBag d)
    {
        var result = new List<MeasureSeries>();
        foreach (var m in e.Measures)
        {
            var path = Path.Combine(dir, m.Id + ".csv");
            var file = m.Id + ".csv";
            if (!File.Exists(path))
            {
                d.Report(Rules.MeasureSheet, SourceSpan.StartOf(file), $"no {file} for measure {m.Number} ({m.Title}), so it is left out of the report",
                    "write one with the header row: period,numerator,denominator,annotation");
                continue;
            }
            if (CsvText(path, file, d) is not { } text) continue;
            var lines = Csv(text);
            if (lines.Count > MaxCsvRows + 1)
            {
                d.Report(Rules.MeasureData, new SourceSpan(file, MaxCsvRows + 2, 1), string.Create(CultureInfo.InvariantCulture, $"{file} has {lines.Count - 1:N0} rows; a measure may have at most {MaxCsvRows:N0} periods"),
                    "a run chart needs one row per month or quarter; summarise finer data by period before reporting it");
                continue;
            }
            var header = lines.FirstOrDefault()?.Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];
            string[] wanted = ["period", "numerator", "denominator"];
            var missing = wanted.Where(w => !header.Contains(w)).ToList();
            if (missing.Count > 0)
            {
                d.Report(Rules.MeasureData, SourceSpan.StartOf(file), $"the header row has no {string.Join(", ", missing)} column", "start the file with: period,numerator,denominator,annotation");
                continue;
            }
            var rows = new List<RawRow>();
            for (var i = 1; i < lines.Count; i++)
            {
                Raw Get(string name)
                {
                    var col = header.IndexOf(name);
                    var at = new Where(file, $"{file}:{i + 1}:{Math.Max(col, 0) + 1}", i + 1, Math.Max(col, 0) + 1);
                    return col < 0 || col >= lines[i].Count ? new Raw(null, null, at) : Text(lines[i][col], at);
                }
                rows.Add(new RawRow(Get("period"), Get("numerator"), Get("denominator"), Get("annotation")));
            }
            result.Add(new MeasureSeries(m, Points(m, rows, d)));
        }
        return result;
    }

    /// <summary>The most periods a CSV file may hold: 1,000 (83 years of months); a run chart of more is unreadable, and the bound keeps a huge file from taking minutes.</summary>
    public const int MaxCsvRows = 1_000;

    /// <summary>The largest CSV file read: 1 MB, far above 1,000 rows of period, counts and a note.</summary>
    public const long MaxCsvBytes = 1 << 20;

    /// <summary>
    /// A CSV file's text: UTF-8 (with or without a byte-order mark) or, with its byte-order mark, UTF-16 or UTF-32
    /// (Excel's "Unicode text"). Anything else is refused with a message rather than read as garbage.
    /// </summary>
    static string? CsvText(string path, string file, DiagnosticBag d)
    {
        void Error(string message, string hint) => d.Report(Rules.MeasureData, SourceSpan.StartOf(file), message, hint);
        const string SaveAs = "save it as \"CSV UTF-8 (comma delimited)\" from Excel or Calc";
        if (Files.RegularFile.Problem(path) is { } notRegular) { Error($"{file} {notRegular}", "put the CSV file itself in the folder"); return null; }
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxCsvBytes) { Error(string.Create(CultureInfo.InvariantCulture, $"{file} is larger than {MaxCsvBytes / 1024:N0} KB"), $"a measure may have at most {MaxCsvRows:N0} periods; summarise finer data by period"); return null; }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Error($"cannot read {file}: {ex.Message}", "check the file's permissions"); return null; }
        System.Text.Encoding encoding; int skip;
        var b = bytes.AsSpan();
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) (encoding, skip) = (new System.Text.UTF32Encoding(false, false, true), 4);
        else if (b.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) (encoding, skip) = (new System.Text.UTF32Encoding(true, false, true), 4);
        else if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) (encoding, skip) = (new System.Text.UTF8Encoding(false, true), 3);
        else if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) (encoding, skip) = (new System.Text.UnicodeEncoding(false, false, true), 2);
        else if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) (encoding, skip) = (new System.Text.UnicodeEncoding(true, false, true), 2);
        else if (b.IndexOf((byte)0) >= 0) { Error($"{file} looks like UTF-16 text without a byte-order mark, which cannot be read reliably", SaveAs); return null; }
        else (encoding, skip) = (new System.Text.UTF8Encoding(false, true), 0);
        try { return encoding.GetString(bytes, skip, bytes.Length - skip); }
        catch (System.Text.DecoderFallbackException) { Error($"{file} is not UTF-8 text (probably Windows-1252 or Latin-1)", SaveAs); return null; }
    }

    /// <summary>RFC 4180 fields: commas, double quotes around fields, "" for a quote inside one.</summary>
    static List<List<string>> Csv(string text)
    {
        // Excel's "Unicode text" separates fields with tabs: a header line with tabs and no commas is read that way.
        var firstLine = text.AsSpan(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length);
        var separator = firstLine.Contains('\t') && !firstLine.Contains(',') ? '\t' : ',';
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == separator) { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear();
                rows.Add(row); row = [];
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    // ---- Checks common to both ----

    static List<DataPoint> Points(Measure m, List<RawRow> rows, DiagnosticBag d)
    {
        var points = new List<DataPoint>();
        foreach (var row in rows)
        {
            if (row.Period.Blank && row.Numerator.Blank && row.Denominator.Blank) continue;
            var ok = true;
            void Problem(Raw at, string message, string hint)
            {
                ok = false;
                var cell = at.At.Name.Contains(']') ? at.At.Name : null;
                d.Add(new Diagnostic(Severity.Error, at.At.File, at.At.Row, at.At.Col, message, hint, Rules.MeasureData.Id) { Cell = cell });
            }
            if (row.Period.Blank) Problem(row.Period, "period is missing", "write the month or quarter the row is for, e.g. \"Jan 2027\" or \"2027 Q1\"");
            var num = Number(row.Numerator, "numerator", Problem, allowNegative: !m.IsPercent);
            var den = Number(row.Denominator, "denominator", Problem, allowNegative: false);
            if (den == 0) Problem(row.Denominator, "denominator is zero, so the value cannot be calculated", "leave the row out if nobody was eligible this period");
            if (m.IsPercent && num is { } n && den is { } dd && dd > 0 && n > dd)
                Problem(row.Numerator, $"numerator ({n.ToString(CultureInfo.InvariantCulture)}) is greater than the denominator ({dd.ToString(CultureInfo.InvariantCulture)})", "the numerator counts those in the denominator who meet the measure");
            if (ok && num is not null && den is not null)
                points.Add(new DataPoint(row.Period.Text!.Trim(), num.Value, den.Value, row.Annotation.Text?.Trim() ?? ""));
        }
        return points;
    }

    static double? Number(Raw cell, string what, Action<Raw, string, string> problem, bool allowNegative)
    {
        if (cell.Problem is not null) { problem(cell, $"{what} {cell.Problem}", "enter a number"); return null; }
        if (cell.Blank) { problem(cell, $"{what} is missing", $"enter the {what} as a number"); return null; }
        if (cell.Number is not { } n || double.IsNaN(n) || double.IsInfinity(n)) { problem(cell, $"{what} is not a number ('{cell.Text}')", $"enter the {what} as digits, e.g. 12"); return null; }
        if (n < 0 && !allowNegative) { problem(cell, $"{what} is negative", "counts are 0 or more"); return null; }
        return n;
    }
}
