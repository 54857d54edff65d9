using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QcdpBuilder.Packaging;

namespace QcdpBuilder.Pptx;

/// <summary>XML helpers for the PPTX writer: escaping, asset fragments and reading/writing part XML.</summary>
static partial class PptxXml
{
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace P = "http://schemas.openxmlformats.org/presentationml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Escapes text for element content or an attribute value, dropping characters XML cannot hold.</summary>
    public static string Esc(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\t': sb.Append(' '); break;
                default:
                    if (c >= 0x20 || c == '\n' || c == '\r') sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Stripped = new(StringComparer.Ordinal);

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)] private static partial Regex Comments();
    [GeneratedRegex(@"(?<=>)\s+(?=[<$])|(?<=\$)\s+(?=<)")] private static partial Regex Between();

    /// <summary>
    /// Reads <c>Assets/Pptx/{path}</c>, strips comments and whitespace between tags (the assets
    /// hold no meaningful whitespace-only text), then fills <c>$name$</c> placeholders.
    /// Values are inserted verbatim: escape text with <see cref="Esc"/> first.
    /// </summary>
    public static string Fragment(string path, IReadOnlyDictionary<string, string>? values = null)
    {
        // Stripped once per asset: a build fills the same few fragments thousands of times.
        var text = Stripped.GetOrAdd(path, static p => Between().Replace(Comments().Replace(Assets.Text("Pptx/" + p), ""), "").Trim());
        if (values is not null)
            foreach (var (k, v) in values) text = text.Replace("$" + k + "$", v);
        return text;
    }

    static readonly UTF8Encoding Utf8 = new(false);

    public static void Feed(OpcPart part, string xml) => part.Data = Utf8.GetBytes(xml);

    public static XDocument Load(OpcPart part)
    {
        // No DTDs: a reference deck may come from anywhere, and entity expansion is a way to exhaust memory.
        using var reader = System.Xml.XmlReader.Create(new MemoryStream(part.Data, writable: false),
            new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    public static void Save(OpcPart part, XDocument doc)
    {
        var s = new MemoryStream();
        using (var w = System.Xml.XmlWriter.Create(s, new System.Xml.XmlWriterSettings { Encoding = Utf8 })) doc.Save(w);
        part.Data = s.ToArray();
    }

    public static string Xfrm(Rect r) =>
        $"<a:xfrm><a:off x=\"{r.X}\" y=\"{r.Y}\"/><a:ext cx=\"{r.Cx}\" cy=\"{r.Cy}\"/></a:xfrm>";

    public static string Int(long v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
