using System.Globalization;
using System.Security;
using System.Xml.Linq;
using QcdpBuilder.Docx;
using QcdpBuilder.Packaging;

namespace QcdpBuilder.Evaluation;

/// <summary>
/// Assembles worksheets (and a chart per sheet where wanted) into an .xlsx package: workbook, styles
/// (<c>Assets/Xlsx/styles.xml</c> with the brand's colours), drawings anchoring each chart, and fixed
/// document properties. Bytes are deterministic (<see cref="DeterministicZip"/>).
/// </summary>
public sealed class XlsxWorkbook
{
    const string Ml = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    static readonly XNamespace Xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    readonly List<(XlsxSheet Sheet, XDocument? Chart, (int Col, int Row, int ToCol, int ToRow) Anchor)> sheets = [];

    public XlsxSheet Add(string name)
    {
        var sheet = new XlsxSheet(name);
        sheets.Add((sheet, null, default));
        return sheet;
    }

    /// <summary>Places a chart on a sheet between two cell corners (0-based column and row, as DrawingML anchors count).</summary>
    public void Chart(XlsxSheet sheet, XDocument chart, int col, int row, int toCol, int toRow)
    {
        var i = sheets.FindIndex(s => s.Sheet == sheet);
        sheets[i] = (sheet, chart, (col, row, toCol, toRow));
    }

    public byte[] ToBytes(string title, string subject, DateTimeOffset date, string primaryHex, string tintHex)
    {
        var package = new DocxPackage();
        var workbookRels = new PartRelationships();
        var workbook = XDocument.Parse(Assets.Text("Xlsx/workbook.xml"));
        var list = workbook.Root!.Element(XlsxSheet.S + "sheets")!;
        int chartNo = 0;
        for (var i = 0; i < sheets.Count; i++)
        {
            var (sheet, chart, anchor) = sheets[i];
            var n = i + 1;
            var relId = workbookRels.Add("worksheet", $"worksheets/sheet{n}.xml");
            list.Add(new XElement(XlsxSheet.S + "sheet", new XAttribute("name", sheet.Name), new XAttribute("sheetId", n), new XAttribute(R + "id", relId)));
            if (chart is not null)
            {
                chartNo++;
                var sheetRels = new PartRelationships();
                sheet.DrawingRelId = sheetRels.Add("drawing", $"../drawings/drawing{chartNo}.xml");
                package.AddRelationships($"xl/worksheets/sheet{n}.xml", sheetRels);
                var drawingRels = new PartRelationships();
                var chartRel = drawingRels.Add("chart", $"../charts/chart{chartNo}.xml");
                package.Add($"xl/drawings/drawing{chartNo}.xml", Drawing(chartRel, chartNo, sheet.Name, anchor), "application/vnd.openxmlformats-officedocument.drawing+xml");
                package.AddRelationships($"xl/drawings/drawing{chartNo}.xml", drawingRels);
                package.Add($"xl/charts/chart{chartNo}.xml", chart, XChart.ContentType);
            }
            package.Add($"xl/worksheets/sheet{n}.xml", sheet.ToXml(selected: i == 0), Ml + "worksheet+xml");
        }
        workbookRels.Add("styles", "styles.xml");
        package.Add("xl/workbook.xml", workbook, Ml + "sheet.main+xml");
        package.AddRelationships("xl/workbook.xml", workbookRels);
        package.Add("xl/styles.xml", XDocument.Parse(Assets.Fill("Xlsx/styles.xml", new Dictionary<string, string>
        {
            ["primary"] = "FF" + primaryHex.TrimStart('#').ToUpperInvariant(),
            ["tint"] = "FF" + tintHex.TrimStart('#').ToUpperInvariant(),
        })), Ml + "styles+xml");
        package.Add("docProps/core.xml", XDocument.Parse(Assets.Fill("Xlsx/core.xml", new Dictionary<string, string>
        {
            ["title"] = SecurityElement.Escape(title),
            ["subject"] = SecurityElement.Escape(subject),
            ["date"] = date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        })), "application/vnd.openxmlformats-package.core-properties+xml");
        var rootRels = new PartRelationships();
        rootRels.Add("officeDocument", "xl/workbook.xml");
        rootRels.Add("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        package.Add("_rels/.rels", rootRels.ToXml(), null);
        return package.ToBytes();
    }

    static XDocument Drawing(string chartRel, int id, string name, (int Col, int Row, int ToCol, int ToRow) a)
    {
        XElement Corner(string tag, int col, int row) => new(Xdr + tag,
            new XElement(Xdr + "col", col), new XElement(Xdr + "colOff", 0), new XElement(Xdr + "row", row), new XElement(Xdr + "rowOff", 0));
        return new XDocument(new XDeclaration("1.0", "UTF-8", "yes"),
            new XElement(Xdr + "wsDr", new XAttribute(XNamespace.Xmlns + "xdr", Xdr), new XAttribute(XNamespace.Xmlns + "a", XChart.A),
                new XElement(Xdr + "twoCellAnchor",
                    Corner("from", a.Col, a.Row), Corner("to", a.ToCol, a.ToRow),
                    new XElement(Xdr + "graphicFrame", new XAttribute("macro", ""),
                        new XElement(Xdr + "nvGraphicFramePr",
                            new XElement(Xdr + "cNvPr", new XAttribute("id", id + 1), new XAttribute("name", "Run chart " + id), new XAttribute("descr", $"Run chart of {name} with its median")),
                            new XElement(Xdr + "cNvGraphicFramePr")),
                        new XElement(Xdr + "xfrm", new XElement(XChart.A + "off", new XAttribute("x", 0), new XAttribute("y", 0)),
                            new XElement(XChart.A + "ext", new XAttribute("cx", 0), new XAttribute("cy", 0))),
                        new XElement(XChart.A + "graphic", new XElement(XChart.A + "graphicData", new XAttribute("uri", XChart.C.NamespaceName),
                            new XElement(XChart.C + "chart", new XAttribute(XNamespace.Xmlns + "c", XChart.C), new XAttribute(XNamespace.Xmlns + "r", R), new XAttribute(R + "id", chartRel))))),
                    new XElement(Xdr + "clientData"))));
    }
}
