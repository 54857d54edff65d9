using System.Globalization;
using System.Xml.Linq;

namespace QcdpBuilder.Packaging;

/// <summary>How a chart series is drawn.</summary>
public enum SeriesLook { LineWithMarkers, DashedLine, MarkersOnly }

/// <summary>
/// One series of a line chart. In a workbook it refers to cells (<see cref="CategoryRef"/>, <see cref="ValueRef"/>,
/// e.g. <c>'1 Active coaches'!$D$13:$D$36</c>) so the chart follows what is typed; in a document it carries its
/// values (<see cref="Categories"/>, <see cref="Values"/>; null values are gaps).
/// </summary>
public sealed record ChartSeries(string Name, string Colour, SeriesLook Look)
{
    public string? CategoryRef { get; init; }
    public string? ValueRef { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    public IReadOnlyList<double?>? Values { get; init; }
    /// <summary>The marker of a <see cref="SeriesLook.MarkersOnly"/> series (DrawingML names: diamond, triangle, square…).</summary>
    public string Symbol { get; init; } = "diamond";
}

/// <summary>
/// A DrawingML line chart (the run chart) from the readable skeleton in <c>Assets/Xlsx/chart.xml</c>
/// plus one <c>c:ser</c> per series. Shared by the measures workbook and the report's DOCX.
/// </summary>
public static class XChart
{
    public static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

    public static XDocument Build(string title, string axisTitle, bool percent, IReadOnlyList<ChartSeries> series)
    {
        var doc = XmlAsset.Load("Xlsx/chart.xml")
            .Text("title", title)
            .Text("axis", axisTitle)
            .Text("format", percent ? "0%" : "0.0")
            .Document;
        // A percentage always runs from 0% to 100%, so charts of different measures compare at a glance.
        if (percent)
            doc.Descendants(C + "valAx").Single().Element(C + "scaling")!.Add(new XElement(C + "max", new XAttribute("val", 1)), new XElement(C + "min", new XAttribute("val", 0)));
        var marker = doc.Descendants(C + "lineChart").Single().Element(C + "marker")!;
        for (var i = 0; i < series.Count; i++) marker.AddBeforeSelf(Series(i, series[i]));
        return doc;
    }

    static XElement Series(int index, ChartSeries s)
    {
        var line = s.Look switch
        {
            SeriesLook.MarkersOnly => new XElement(A + "ln", new XElement(A + "noFill")),
            SeriesLook.DashedLine => new XElement(A + "ln", new XAttribute("w", 19050), Solid(s.Colour), new XElement(A + "prstDash", new XAttribute("val", "dash"))),
            _ => new XElement(A + "ln", new XAttribute("w", 22225), Solid(s.Colour)),
        };
        var marker = s.Look switch
        {
            SeriesLook.DashedLine => new XElement(C + "marker", Val("symbol", "none")),
            SeriesLook.MarkersOnly => new XElement(C + "marker", Val("symbol", s.Symbol), Val("size", 10),
                new XElement(C + "spPr", Solid(s.Colour), new XElement(A + "ln", Solid(s.Colour)))),
            _ => new XElement(C + "marker", Val("symbol", "circle"), Val("size", 5),
                new XElement(C + "spPr", Solid(s.Colour), new XElement(A + "ln", Solid(s.Colour)))),
        };
        return new XElement(C + "ser", Val("idx", index), Val("order", index),
            new XElement(C + "tx", new XElement(C + "v", s.Name)),
            new XElement(C + "spPr", line),
            marker,
            new XElement(C + "cat", s.CategoryRef is { } cr
                ? new XElement(C + "strRef", new XElement(C + "f", cr))
                : StrLit(s.Categories ?? [])),
            new XElement(C + "val", s.ValueRef is { } vr
                ? new XElement(C + "numRef", new XElement(C + "f", vr))
                : NumLit(s.Values ?? [])),
            Val("smooth", 0));
    }

    static XElement StrLit(IReadOnlyList<string> items) => new(C + "strLit", Val("ptCount", items.Count),
        items.Select((v, i) => new XElement(C + "pt", new XAttribute("idx", i), new XElement(C + "v", v))));

    static XElement NumLit(IReadOnlyList<double?> items) => new(C + "numLit", new XElement(C + "formatCode", "General"), Val("ptCount", items.Count),
        items.Select((v, i) => v is null ? null : new XElement(C + "pt", new XAttribute("idx", i), new XElement(C + "v", v.Value.ToString("R", CultureInfo.InvariantCulture)))));

    static XElement Solid(string hex) => new(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", hex.TrimStart('#').ToUpperInvariant())));

    static XElement Val(string name, object value) => new(C + name, new XAttribute("val", value));
}
