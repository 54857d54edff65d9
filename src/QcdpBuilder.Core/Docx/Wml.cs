using System.Xml.Linq;

namespace QcdpBuilder.Docx;

/// <summary>Namespaces and small element builders for WordprocessingML, kept terse so the writer reads like the XML it makes.</summary>
internal static class Wml
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace Pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    public static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    public static readonly XNamespace MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /// <summary>Namespace declarations for the root of document, header and footer parts.</summary>
    public static IEnumerable<XAttribute> RootNamespaces() =>
    [
        new(XNamespace.Xmlns + "w", W),
        new(XNamespace.Xmlns + "r", R),
        new(XNamespace.Xmlns + "wp", WP),
        new(XNamespace.Xmlns + "a", A),
        new(XNamespace.Xmlns + "pic", Pic),
        new(XNamespace.Xmlns + "w14", W14),
        new(XNamespace.Xmlns + "mc", MC),
        new(MC + "Ignorable", "w14"),
    ];

    /// <summary>A w: element.</summary>
    public static XElement E(string name, params object?[] content) => new(W + name, content);

    /// <summary>A w: attribute.</summary>
    public static XAttribute At(string name, object value) => new(W + name, value);

    /// <summary>An element with just a w:val attribute, e.g. <c>&lt;w:pStyle w:val="Heading1"/&gt;</c>.</summary>
    public static XElement Val(string name, object value) => E(name, At("val", value));

    /// <summary>A w:t holding text with spaces preserved.</summary>
    public static XElement T(string text) =>
        E("t", text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            ? new XAttribute(XNamespace.Xml + "space", "preserve") : null, Clean(text));

    /// <summary>A run of text; tabs and newlines become w:tab and w:br.</summary>
    public static XElement Run(string text, XElement? rPr = null)
    {
        var run = E("r", rPr);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\t' && text[i] != '\n') continue;
            if (i > start) run.Add(T(text[start..i]));
            if (i < text.Length) run.Add(E(text[i] == '\t' ? "tab" : "br"));
            start = i + 1;
        }
        return run;
    }

    /// <summary>A paragraph with a style (by id) and content.</summary>
    public static XElement P(string? styleId, params object?[] content) =>
        E("p", styleId is null ? null : E("pPr", Val("pStyle", styleId)), content);

    /// <summary>A border edge such as w:bottom.</summary>
    public static XElement Border(string edge, string val, int size, string colour, int space = 0) =>
        E(edge, At("val", val), At("sz", size), At("space", space), At("color", colour));

    /// <summary>Clear shading with a fill colour.</summary>
    public static XElement Shade(string fill) => E("shd", At("val", "clear"), At("color", "auto"), At("fill", fill));

    /// <summary>A simple field such as PAGE, with a cached result.</summary>
    public static XElement SimpleField(string instruction, string cached, XElement? rPr = null) =>
        E("fldSimple", At("instr", " " + instruction + " "), E("r", rPr is null ? null : new XElement(rPr), T(cached)));

    /// <summary>Removes characters XML 1.0 cannot hold.</summary>
    public static string Clean(string text)
    {
        foreach (var c in text)
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                return new string(text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray());
        return text;
    }
}
