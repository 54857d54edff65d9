using System.Xml.Linq;
using QcdpBuilder.Packaging;

namespace QcdpBuilder.Pptx;

/// <summary>
/// Namespaces and small element builders for PresentationML and DrawingML, kept terse so the writer reads like
/// the XML it makes (as <c>Docx/Wml.cs</c> does for Word), plus the PPTX assets and reading/writing part XML.
/// </summary>
static class PptxXml
{
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace P = "http://schemas.openxmlformats.org/presentationml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>An a: (DrawingML) element.</summary>
    public static XElement DA(string name, params object?[] content) => new(A + name, content);

    /// <summary>A p: (PresentationML) element.</summary>
    public static XElement PE(string name, params object?[] content) => new(P + name, content);

    /// <summary>An unqualified attribute (DrawingML and PresentationML attributes have no namespace); null leaves it out.</summary>
    public static XAttribute? At(string name, object? value) => value is null ? null : new XAttribute(name, value);

    /// <summary>An r:id-style attribute in the relationships namespace.</summary>
    public static XAttribute RAt(string name, string id) => new(R + name, id);

    /// <summary>A fresh copy of <c>Assets/Pptx/{path}</c> to fill (see <see cref="XmlAsset"/>).</summary>
    public static XmlAsset Asset(string path) => XmlAsset.Load("Pptx/" + path);

    /// <summary>Writes <paramref name="xml"/> into <paramref name="part"/>.</summary>
    public static void Feed(OpcPart part, XDocument xml) => part.SetXml(xml);

    /// <summary>Writes a filled asset into <paramref name="part"/>.</summary>
    public static void Feed(OpcPart part, XmlAsset asset) => part.SetXml(asset.Document);

    public static XDocument Load(OpcPart part) => part.LoadXml();

    public static void Save(OpcPart part, XDocument doc) => part.SetXml(doc);

    /// <summary>The <c>a:xfrm</c> of a shape at <paramref name="r"/>.</summary>
    public static XElement Xfrm(Rect r) =>
        DA("xfrm", DA("off", At("x", r.X), At("y", r.Y)), DA("ext", At("cx", r.Cx), At("cy", r.Cy)));

    /// <summary>A solid fill of an RGB colour given as six hex digits.</summary>
    public static XElement SolidFill(string hex) => DA("solidFill", DA("srgbClr", At("val", hex)));
}

/// <summary>A rectangle in EMU.</summary>
readonly record struct Rect(long X, long Y, long Cx, long Cy)
{
    public long Bottom => Y + Cy;
    public long Right => X + Cx;
    public long Area => Cx * Cy;
    public double WidthPt => new Emu(Cx).Points;
    public double HeightPt => new Emu(Cy).Points;
}
