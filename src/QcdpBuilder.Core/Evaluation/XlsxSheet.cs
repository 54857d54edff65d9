using System.Globalization;
using System.Xml.Linq;

namespace QcdpBuilder.Evaluation;

/// <summary>The cell styles of <c>Assets/Xlsx/styles.xml</c>, by their index in cellXfs.</summary>
public enum XlsxStyle
{
    Normal = 0, Title = 1, Label = 2, Wrap = 3, Header = 4, InputText = 5, InputNumber = 6, InputDate = 7,
    Percent = 8, Decimal = 9, Whole = 10, Note = 11, Cell = 12, Flag = 13, InputWrap = 14, BoldCell = 15,
}

/// <summary>
/// One worksheet being written: cells set by reference ("B13") with small typed setters (text, number,
/// formula), column widths, merged ranges, list and number validations and an optional drawing. Cells are
/// written in row and column order whatever order they were set in, so the XML is deterministic.
/// </summary>
public sealed class XlsxSheet(string name)
{
    public static readonly XNamespace S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    readonly SortedDictionary<(int Row, int Col), XElement> cells = [];
    readonly SortedDictionary<int, double> widths = [];
    readonly SortedSet<int> hidden = [];
    readonly SortedDictionary<int, double> heights = [];
    readonly List<string> merges = [];
    readonly List<XElement> validations = [];
    public string Name { get; } = name;
    /// <summary>Set by the workbook when the sheet has a drawing (a chart).</summary>
    internal string? DrawingRelId { get; set; }
    /// <summary>Rows above this stay in view when scrolling (0 = no frozen rows).</summary>
    public int FreezeRows { get; set; }

    /// <summary>Column letters for a 1-based column number: 1 → A, 27 → AA.</summary>
    public static string Col(int col)
    {
        var s = "";
        for (; col > 0; col = (col - 1) / 26) s = (char)('A' + (col - 1) % 26) + s;
        return s;
    }

    public static string Ref(int row, int col) => Col(col) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A sheet name as formulas quote it: 'Coach register'!A1.</summary>
    public static string Quote(string sheet) => "'" + sheet.Replace("'", "''") + "'";

    XElement Cell(int row, int col, XlsxStyle style, string? type, params object[] content)
    {
        var c = new XElement(S + "c", new XAttribute("r", Ref(row, col)), style == XlsxStyle.Normal ? null : new XAttribute("s", (int)style),
            type is null ? null : new XAttribute("t", type), content);
        cells[(row, col)] = c;
        return c;
    }

    public void Text(int row, int col, string text, XlsxStyle style = XlsxStyle.Normal) =>
        Cell(row, col, style, "inlineStr", new XElement(S + "is", new XElement(S + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text)));

    public void Number(int row, int col, double value, XlsxStyle style = XlsxStyle.Normal) =>
        Cell(row, col, style, null, new XElement(S + "v", value.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>A formula without its leading '=' (as SpreadsheetML stores it) and no cached value: the workbook recalculates on opening.</summary>
    public void Formula(int row, int col, string formula, XlsxStyle style = XlsxStyle.Normal) =>
        Cell(row, col, style, null, new XElement(S + "f", formula.TrimStart('=')));

    /// <summary>An empty cell that still shows its style (an input box).</summary>
    public void Blank(int row, int col, XlsxStyle style) => Cell(row, col, style, null);

    public void Width(int col, double characters, bool hide = false)
    {
        widths[col] = characters;
        if (hide) hidden.Add(col);
    }

    public void Height(int row, double points) => heights[row] = points;

    public void Merge(int row, int fromCol, int toCol) => merges.Add($"{Ref(row, fromCol)}:{Ref(row, toCol)}");

    /// <summary>A drop-down list on a range of cells; anything else typed is refused with <paramref name="error"/>.</summary>
    public void ListValidation(string range, IEnumerable<string> options, string error) =>
        validations.Add(new XElement(S + "dataValidation", new XAttribute("type", "list"), new XAttribute("allowBlank", 1),
            new XAttribute("showInputMessage", 1), new XAttribute("showErrorMessage", 1), new XAttribute("errorTitle", "Not in the list"),
            new XAttribute("error", error), new XAttribute("sqref", range),
            new XElement(S + "formula1", "\"" + string.Join(",", options) + "\"")));

    /// <summary>A number (whole or decimal) between bounds on a range of cells.</summary>
    public void NumberValidation(string range, bool whole, double min, double? max, string error) =>
        validations.Add(new XElement(S + "dataValidation", new XAttribute("type", whole ? "whole" : "decimal"),
            new XAttribute("operator", max is null ? "greaterThanOrEqual" : "between"), new XAttribute("allowBlank", 1),
            new XAttribute("showErrorMessage", 1), new XAttribute("errorTitle", "Not a valid number"), new XAttribute("error", error), new XAttribute("sqref", range),
            new XElement(S + "formula1", min.ToString(CultureInfo.InvariantCulture)),
            max is null ? null : new XElement(S + "formula2", max.Value.ToString(CultureInfo.InvariantCulture))));

    public XDocument ToXml(bool selected)
    {
        var rows = cells.GroupBy(c => c.Key.Row).Select(g => new XElement(S + "row", new XAttribute("r", g.Key),
            heights.TryGetValue(g.Key, out var h) ? new object[] { new XAttribute("ht", h.ToString(CultureInfo.InvariantCulture)), new XAttribute("customHeight", 1) } : null,
            g.Select(c => c.Value)));
        var view = new XElement(S + "sheetView", selected ? new XAttribute("tabSelected", 1) : null, new XAttribute("workbookViewId", 0),
            FreezeRows > 0 ? new XElement(S + "pane", new XAttribute("ySplit", FreezeRows), new XAttribute("topLeftCell", Ref(FreezeRows + 1, 1)),
                new XAttribute("activePane", "bottomLeft"), new XAttribute("state", "frozen")) : null);
        return new XDocument(new XDeclaration("1.0", "UTF-8", "yes"),
            new XElement(S + "worksheet", new XAttribute(XNamespace.Xmlns + "r", R),
                // Printed (and converted to PDF) one page wide, as many pages tall as it needs.
                new XElement(S + "sheetPr", new XElement(S + "pageSetUpPr", new XAttribute("fitToPage", 1))),
                new XElement(S + "sheetViews", view),
                new XElement(S + "sheetFormatPr", new XAttribute("defaultRowHeight", 15)),
                widths.Count == 0 ? null : new XElement(S + "cols", widths.Select(w => new XElement(S + "col", new XAttribute("min", w.Key), new XAttribute("max", w.Key),
                    new XAttribute("width", w.Value.ToString(CultureInfo.InvariantCulture)), new XAttribute("customWidth", 1),
                    hidden.Contains(w.Key) ? new XAttribute("hidden", 1) : null))),
                new XElement(S + "sheetData", rows),
                merges.Count == 0 ? null : new XElement(S + "mergeCells", new XAttribute("count", merges.Count), merges.Select(m => new XElement(S + "mergeCell", new XAttribute("ref", m)))),
                validations.Count == 0 ? null : new XElement(S + "dataValidations", new XAttribute("count", validations.Count), validations),
                new XElement(S + "pageMargins", new XAttribute("left", 0.7), new XAttribute("right", 0.7), new XAttribute("top", 0.75),
                    new XAttribute("bottom", 0.75), new XAttribute("header", 0.3), new XAttribute("footer", 0.3)),
                new XElement(S + "pageSetup", new XAttribute("paperSize", 9), new XAttribute("fitToHeight", 0), new XAttribute("orientation", "landscape")),
                DrawingRelId is null ? null : new XElement(S + "drawing", new XAttribute(R + "id", DrawingRelId))));
    }

    /// <summary>A rough row height for wrapped text in a merged area <paramref name="widthChars"/> wide: 15 pt a line.</summary>
    public static double WrappedHeight(string text, double widthChars) =>
        15 * Math.Max(1, Math.Ceiling(text.Length * 1.1 / Math.Max(10, widthChars)));
}
