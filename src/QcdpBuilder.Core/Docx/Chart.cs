using System.Xml.Linq;
using QcdpBuilder.Documents;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Docx.Wml;

namespace QcdpBuilder.Docx;

/// <summary>
/// A <see cref="ChartBlock"/> as a native DrawingML line chart (word/charts/chartN.xml) holding its values,
/// so Word and LibreOffice draw it and it stays sharp at any zoom. Signals are extra marker-only series,
/// one per kind of signal, so they show in the legend by name.
/// </summary>
internal sealed partial class DocxBuilder
{
    int _chartCount;

    XElement ChartParagraph(ChartBlock chart)
    {
        var n = ++_chartCount;
        var labels = chart.Labels;
        var series = new List<ChartSeries>
        {
            new(chart.ValueName, _brand.Primary.Hex, SeriesLook.LineWithMarkers) { Categories = labels, Values = chart.Values.Select(v => (double?)v).ToList() },
        };
        if (chart.Centre is { } c)
            series.Add(new ChartSeries(chart.CentreName, "5C6770", SeriesLook.DashedLine) { Categories = labels, Values = chart.Values.Select(_ => (double?)c).ToList() });
        var kind = 0;
        foreach (var g in chart.Highlights.GroupBy(h => SignalName(h.Label)))
            series.Add(new ChartSeries(g.Key, kind++ % 2 == 0 ? _brand.Accent.Hex : _brand.Secondary.Hex, SeriesLook.MarkersOnly)
            {
                Symbol = kind % 2 == 1 ? "diamond" : "triangle",
                Categories = labels,
                Values = chart.Values.Select((v, i) => g.Any(h => i >= h.First && i <= h.Last) ? (double?)v : null).ToList(),
            });
        var part = _package.AddPart($"word/charts/chart{n}.xml", XChart.ContentType,
            XChart.Build(string.Join(" · ", new[] { chart.Title }.Concat(chart.Notes)), chart.ValueName, chart.Percent, series));
        var relId = Relate(part, "chart");
        var id = ++_drawingId;
        long cx = Width * 635L, cy = cx * 11 / 20;
        return E("p", E("pPr", E("keepNext"), E("spacing", At("before", 120), At("after", 120))),
            E("r", E("drawing",
                new XElement(WP + "inline", new XAttribute("distT", 0), new XAttribute("distB", 0), new XAttribute("distL", 0), new XAttribute("distR", 0),
                    new XElement(WP + "extent", new XAttribute("cx", cx), new XAttribute("cy", cy)),
                    new XElement(WP + "effectExtent", new XAttribute("l", 0), new XAttribute("t", 0), new XAttribute("r", 0), new XAttribute("b", 0)),
                    new XElement(WP + "docPr", new XAttribute("id", id), new XAttribute("name", "Chart " + id), new XAttribute("descr", chart.Alt)),
                    new XElement(WP + "cNvGraphicFramePr"),
                    new XElement(A + "graphic",
                        new XElement(A + "graphicData", new XAttribute("uri", XChart.C.NamespaceName),
                            new XElement(XChart.C + "chart", new XAttribute(XNamespace.Xmlns + "c", XChart.C), new XAttribute(R + "id", relId))))))));
    }

    /// <summary>"Shift: 7 points above the median" → "Shift" (the legend names the kind of signal).</summary>
    static string SignalName(string label) => label.Split(':')[0];
}
