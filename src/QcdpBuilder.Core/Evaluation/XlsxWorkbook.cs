using System.Globalization;
using System.Xml.Linq;
using QcdpBuilder.Packaging;

namespace QcdpBuilder.Evaluation;

/// <summary>
/// Assembles worksheets (and a chart per sheet where wanted) into an .xlsx package: workbook, styles
/// (<c>Assets/Xlsx/styles.xml</c> with the brand's colours), drawings anchoring each chart, and fixed
/// document properties, in the same package layer as the PowerPoint and Word writers (<see cref="OpcPackage"/>); bytes are deterministic.
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
        var package = new OpcPackage();
        // Every XML part names its own content type, as Excel writes them.
        package.AddDefault("xml", OpcTypes.XmlType);
        var workbookPart = package.AddPart("xl/workbook.xml", Ml + "sheet.main+xml");
        var workbook = XmlAsset.Load("Xlsx/workbook.xml").Document;
        var list = workbook.Root!.Element(XlsxSheet.S + "sheets")!;
        int chartNo = 0;
        for (var i = 0; i < sheets.Count; i++)
        {
            var (sheet, chart, anchor) = sheets[i];
            var n = i + 1;
            var sheetPart = package.AddPart($"xl/worksheets/sheet{n}.xml", Ml + "worksheet+xml");
            var relId = package.Relate(workbookPart, sheetPart, OpcTypes.Rel + "worksheet");
            list.Add(new XElement(XlsxSheet.S + "sheet", new XAttribute("name", sheet.Name), new XAttribute("sheetId", n), new XAttribute(R + "id", relId)));
            if (chart is not null)
            {
                chartNo++;
                var drawing = package.AddPart($"xl/drawings/drawing{chartNo}.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
                sheet.DrawingRelId = package.Relate(sheetPart, drawing, OpcTypes.Rel + "drawing");
                var chartPart = package.AddPart($"xl/charts/chart{chartNo}.xml", XChart.ContentType, chart);
                drawing.SetXml(Drawing(package.Relate(drawing, chartPart, OpcTypes.ChartRel), chartNo, sheet.Name, anchor));
            }
            sheetPart.SetXml(sheet.ToXml(selected: i == 0));
        }
        var styles = package.AddPart("xl/styles.xml", Ml + "styles+xml", XmlAsset.Load("Xlsx/styles.xml")
            .Colour("primary", "FF" + primaryHex.TrimStart('#'))
            .Colour("tint", "FF" + tintHex.TrimStart('#'))
            .Document);
        package.Relate(workbookPart, styles, OpcTypes.StylesRel);
        workbookPart.SetXml(workbook);
        var core = package.AddPart("docProps/core.xml", OpcTypes.CorePropertiesType, XmlAsset.Load("Xlsx/core.xml")
            .Text("title", title)
            .Text("subject", subject)
            .Text("date", date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Document);
        package.Relate(null, workbookPart, OpcTypes.OfficeDocumentRel);
        package.Relate(null, core, OpcTypes.CorePropertiesRel);
        return package.Save();
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
