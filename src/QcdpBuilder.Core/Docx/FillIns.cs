using System.Xml.Linq;
using QcdpBuilder.Documents;
using static QcdpBuilder.Docx.Wml;

namespace QcdpBuilder.Docx;

/// <summary>
/// Fill-in elements. Handouts and guides print them as ruled lines and boxes; in a
/// <see cref="DocxKind.Form"/> each becomes a Word content control (w:sdt).
/// </summary>
internal sealed partial class DocxBuilder
{
    /// <summary>Writing height of one ruled line: 0.9 cm (the Writing Line style uses the same).</summary>
    static readonly int LineHeight = PageSetup.Cm(0.9);
    const string TextPlaceholder = "Click or tap to enter text.";
    const string DatePlaceholder = "Click or tap to enter a date.";
    /// <summary>Names of the glossary entries holding the placeholders (see Assets/Docx/glossary.xml).</summary>
    const string TextPlaceholderPart = "DefaultPlaceholder_-1854013440";
    const string DatePlaceholderPart = "DefaultPlaceholder_-1854013437";

    bool IsForm => _kind == DocxKind.Form;

    XElement RuledLine() => P(S("Writing Line"));

    void WritingLinesBlock(WritingLines w, List<XElement> output)
    {
        var lines = Enumerable.Range(0, Math.Max(1, w.Count)).Select(_ => RuledLine()).ToList();
        // Room below the last line before the next paragraph.
        lines[^1] = E("p", E("pPr", Val("pStyle", S("Writing Line")), E("spacing", At("after", 200))));
        if (!IsForm) { output.AddRange(lines); return; }
        // A multi-line rich text control around the ruled lines: Word users type over them.
        var n = _sdtId + 1;
        output.Add(E("sdt",
            E("sdtPr", Val("alias", "Writing space"), Val("tag", $"lines-{n}"), Val("id", NextSdtId()), E("richText")),
            E("sdtContent", lines)));
    }

    void FormFieldBlock(FormField f, List<XElement> output)
    {
        output.Add(P(S("Field Label"), Run(f.Label)));
        if (!IsForm)
        {
            output.Add(f.Kind == FieldKind.Date ? DateLine() : RuledLine());
            return;
        }
        output.Add(P(S("Form Entry"), f.Kind == FieldKind.Date ? DateControl(f.Label, f.Id) : TextControl(f.Label, f.Id)));
    }

    /// <summary>A printed date line with light dd / mm / yyyy guides.</summary>
    XElement DateLine() =>
        E("p", E("pPr", Val("pStyle", S("Writing Line"))),
            Run("dd / mm / yyyy", E("rPr", Val("color", "A5AFB5"), Val("sz", 18))));

    XElement TextControl(string label, string tag) =>
        E("sdt",
            E("sdtPr", Val("alias", label), Val("tag", tag), Val("id", NextSdtId()),
                E("placeholder", Val("docPart", TextPlaceholderPart)), E("showingPlcHdr"), E("text")),
            E("sdtContent", Run(TextPlaceholder, E("rPr", Val("rStyle", S("Placeholder Text"))))));

    XElement DateControl(string label, string tag) =>
        E("sdt",
            E("sdtPr", Val("alias", label), Val("tag", tag), Val("id", NextSdtId()),
                E("placeholder", Val("docPart", DatePlaceholderPart)), E("showingPlcHdr"),
                E("date", Val("dateFormat", "dd/MM/yyyy"), Val("lid", "en-GB"), Val("storeMappedDataAs", "dateTime"), Val("calendar", "gregorian"))),
            E("sdtContent", Run(DatePlaceholder, E("rPr", Val("rStyle", S("Placeholder Text"))))));

    /// <summary>A ☐ box: a Word 2010 checkbox content control in forms, a printed glyph elsewhere.</summary>
    XElement Checkbox(bool isChecked, string label, string? tag = null)
    {
        var glyph = E("r", E("rPr", E("rFonts", At("ascii", BoxFont), At("eastAsia", BoxFont), At("hAnsi", BoxFont), At("hint", "eastAsia"))),
            T(isChecked ? "\u2612" : "\u2610"));
        if (!IsForm) return glyph;
        tag ??= $"check-{++_checkboxCount}";
        XElement State(string name, string code) =>
            new(W14 + name, new XAttribute(W14 + "val", code), new XAttribute(W14 + "font", BoxFont));
        return E("sdt",
            E("sdtPr", Val("alias", Truncate(label, 60)), Val("tag", tag), Val("id", NextSdtId()),
                new XElement(W14 + "checkbox",
                    new XElement(W14 + "checked", new XAttribute(W14 + "val", isChecked ? "1" : "0")),
                    State("checkedState", "2612"),
                    State("uncheckedState", "2610"))),
            E("sdtContent", glyph));
    }

    /// <summary>The label, then a row of numbered boxes from Min to Max (checkboxes in forms).</summary>
    void RatingScaleBlock(RatingScale r, List<XElement> output)
    {
        output.Add(P(S("Field Label"), Run(r.Label)));
        var count = Math.Max(1, r.Max - r.Min + 1);
        var cellWidth = Math.Min(PageSetup.Cm(1.4), Width / count);
        var cells = new List<XElement>();
        for (var v = r.Min; v <= r.Max; v++)
        {
            var number = Run(v.ToString(System.Globalization.CultureInfo.InvariantCulture), E("rPr", E("b")));
            object?[] content = IsForm
                ? [Checkbox(false, $"{r.Label}: {v}", $"{r.Id}-{v}"), Run(" "), number]
                : [number];
            cells.Add(Cell(cellWidth, null, E("p", E("pPr", Val("pStyle", S("Table Text")), Val("jc", "center")), content)));
        }
        var widths = Enumerable.Repeat(cellWidth, count).ToArray();
        AddTable(output, GridTable(widths, [Row(false, cells, E("trHeight", At("val", LineHeight), At("hRule", "atLeast")))], fullWidth: false, headerRow: false));
    }

    /// <summary>A table with its headings and empty rows of writing height.</summary>
    XElement FillTableBlock(FillTable f)
    {
        var columns = Math.Max(1, f.Columns.Count);
        var widths = Split(Width, f.Columns.Select(c => Math.Sqrt(Math.Clamp(c.Length, 8, 60))).DefaultIfEmpty(1).ToArray());
        var rows = new List<XElement>();
        var headerRPr = E("rPr", E("b"), Val("color", "FFFFFF"));
        rows.Add(Row(true, Enumerable.Range(0, columns).Select(c => Cell(widths[c], _brand.Primary.Hex,
            E("p", E("pPr", Val("pStyle", S("Table Text"))), c < f.Columns.Count ? Run(f.Columns[c], headerRPr) : null)))));
        for (var i = 0; i < Math.Max(1, f.Rows); i++)
            rows.Add(Row(false, widths.Select(w => Cell(w, null, P(S("Table Text")))), E("trHeight", At("val", LineHeight), At("hRule", "atLeast"))));
        return GridTable(widths, rows);
    }

    /// <summary>
    /// "Name ____" then "Signature ____ Date ____" for a party. In forms the name is a text
    /// control and the date a date picker; the signature stays a line to sign on paper.
    /// </summary>
    void SignatureBlock(SignatureLine s, List<XElement> output)
    {
        output.Add(P(S("Field Label"), Run(s.Party)));
        var label = PageSetup.Cm(2.4);
        var dateLabel = Width * 62 / 100;
        var dateField = dateLabel + PageSetup.Cm(1.3);
        XElement Tabs(params int[] stops) => E("tabs", stops.Select(pos => E("tab", At("val", pos == Width ? "right" : "left"), At("pos", pos))));
        XElement Line(bool keepNext, XElement tabs, params object?[] content) =>
            E("p", E("pPr", keepNext ? E("keepNext") : null, E("keepLines"), tabs, E("spacing", At("before", 360), At("after", keepNext ? 0 : 200))), content);
        XElement Tab() => E("r", E("tab"));
        XElement Underlined() => E("r", E("rPr", Val("u", "single")), E("tab"));
        var signature = new object?[] { Run("Signature"), Tab(), Underlined(), Tab(), Run("Date"), Tab() };
        if (IsForm)
        {
            output.Add(Line(true, Tabs(label, Width), Run("Name"), Tab(), TextControl($"{s.Party}: name", $"{s.Id}-name")));
            output.Add(Line(false, Tabs(label, dateLabel - PageSetup.Cm(0.4), dateLabel, dateField), signature, DateControl($"{s.Party}: date", $"{s.Id}-date")));
        }
        else
        {
            output.Add(Line(true, Tabs(label, Width), Run("Name"), Tab(), Underlined()));
            output.Add(Line(false, Tabs(label, dateLabel - PageSetup.Cm(0.4), dateLabel, dateField, Width), signature, Underlined()));
        }
    }

    int NextSdtId() => ++_sdtId;

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
