using System.Globalization;
using System.Xml.Linq;
using QcdpBuilder.Branding;
using QcdpBuilder.Documents;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Docx.Wml;

namespace QcdpBuilder.Docx;

/// <summary>
/// Writes a <see cref="Document"/> as a Word document: a guide (cover, contents, body), a
/// handout (title at the top, printable fill-in elements) or a fillable form (content
/// controls). Styles come from <c>Assets/Docx/styles.xml</c> or a reference .docx, by name.
/// The output is byte-identical for the same input.
/// </summary>
public static class DocxWriter
{
    /// <summary>What is wrong with an organisation's reference document (message and hint), or null if its styles can be read.</summary>
    public static (string Message, string Hint)? CheckReference(string path)
    {
        try
        {
            StyleSheet.ReadReference(path);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ($"is not a Word document ({e.Message.TrimEnd('.')})", "save the reference document from Word as a .docx or .dotx file");
        }
    }

    // The package writes its ZIP deterministically itself (fixed time stamps, fixed order), so no second pass.
    public static byte[] Write(Document doc, Brand brand, DocxOptions options) => new DocxBuilder(doc, brand, options).Build();
}

/// <summary>Page size and margins in twips.</summary>
internal sealed record PageSetup(int Width, int Height, int Top, int Bottom, int Left, int Right, int Header, int Footer)
{
    public int TextWidth => Width - Left - Right;
    public int TextHeight => Height - Top - Bottom;

    public static PageSetup For(PaperSize paper) => paper switch
    {
        // Letter: 8.5 × 11 in with 1 in side margins.
        PaperSize.Letter => new(12240, 15840, 1440, 1440, 1440, 1440, 708, 708),
        // A4 with 2.2 cm side margins and 2.5 cm top and bottom.
        _ => new(11906, 16838, Cm(2.5), Cm(2.5), Cm(2.2), Cm(2.2), Cm(1.25), Cm(1.25)),
    };

    public static int Cm(double cm) => new Points(cm / 2.54 * 72).Twips;
}

/// <summary>Holds the state of one write: parts, relationships, ids and the page.</summary>
internal sealed partial class DocxBuilder
{
    const string MonoFont = "Consolas";
    const string BoxFont = "MS Gothic";
    const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    readonly Document _doc;
    readonly Brand _brand;
    readonly DocxKind _kind;
    readonly int _contentsDepth;
    readonly StyleSheet _styles;
    readonly PageSetup _page;
    readonly OpcPackage _package = new();
    readonly OpcPart _document;
    /// <summary>The part being written (the document, or a header or footer): pictures, links and charts are related from it.</summary>
    OpcPart _part;
    readonly Dictionary<string, (OpcPart Part, ImageInfo Info)> _media = new(StringComparer.Ordinal);
    readonly List<XElement> _nums = [];
    readonly Dictionary<string, string> _bookmarks = new(StringComparer.Ordinal);
    readonly Stack<int> _width = new();
    int _drawingId, _sdtId, _bookmarkId, _checkboxCount, _headingShift;

    public DocxBuilder(Document doc, Brand brand, DocxOptions options)
    {
        _doc = doc;
        _brand = brand;
        _kind = options.Kind;
        _contentsDepth = Math.Clamp(options.ContentsDepth, 1, 3);
        _page = PageSetup.For(brand.Paper);
        _styles = StyleSheet.Load(BuiltInStyles(), options.ReferenceDocxPath);
        // Every XML part names its own content type, as Word writes them.
        _package.AddDefault("xml", OpcTypes.XmlType);
        _document = _package.AddPart("word/document.xml", ContentType + "document.main+xml");
        _part = _document;
        _width.Push(_page.TextWidth);
    }

    XDocument BuiltInStyles() => XmlAsset.Load("Docx/styles.xml")
        .Text("bodyFont", _brand.BodyFont)
        .Text("headingFont", _brand.HeadingFont)
        .Text("monoFont", MonoFont)
        .Colour("primary", _brand.Primary.Hex)
        .Colour("secondary", _brand.Secondary.Hex)
        .Colour("text", _brand.Text.Hex)
        .Colour("tint", _brand.Tint.Hex)
        .Colour("muted", "5C6770")
        .Colour("border", "A5AFB5")
        .Number("textWidth", _page.TextWidth)
        .Document;

    /// <summary>Relates the part being written to <paramref name="target"/> (type: the last part of an officeDocument relationship type).</summary>
    string Relate(OpcPart target, string type) => _package.Relate(_part, target, OpcTypes.Rel + type);

    /// <summary>A new part of the document, related from it.</summary>
    OpcPart DocumentPart(string name, string contentType, string relationship)
    {
        var part = _package.AddPart(name, contentType);
        _package.Relate(_document, part, OpcTypes.Rel + relationship);
        return part;
    }

    string S(string name) => _styles.Id(name);

    public byte[] Build()
    {
        var styles = DocumentPart("word/styles.xml", ContentType + "styles+xml", "styles");
        var numbering = DocumentPart("word/numbering.xml", ContentType + "numbering+xml", "numbering");
        var settings = DocumentPart("word/settings.xml", ContentType + "settings+xml", "settings");
        if (_styles.Theme is not null) DocumentPart("word/theme/theme1.xml", OpcTypes.ThemeType, "theme").Data = _styles.Theme;

        CollectBookmarks(_doc.Blocks);
        var body = new List<XElement>();
        var headings = TocHeadings(_doc.Blocks).ToList();
        switch (_kind)
        {
            case DocxKind.Guide:
                body.AddRange(Cover());
                body.AddRange(Contents(headings, pageBreakBefore: true));
                var start = body.Count;
                Blocks(_doc.Blocks, body, Ctx.Body);
                if (body.Count > start) PageBreakBefore(body, start);
                break;
            default:
                body.Add(P(S("Title"), Run(_doc.Title)));
                if (!string.IsNullOrWhiteSpace(_doc.Subtitle)) body.Add(P(S("Subtitle"), Run(_doc.Subtitle)));
                if (_kind == DocxKind.Form && headings.Count >= 8) body.AddRange(Contents(headings, pageBreakBefore: false));
                Blocks(_doc.Blocks, body, Ctx.Body);
                break;
        }
        body.Add(SectionProperties());
        if (_kind == DocxKind.Form) Glossary();

        _document.SetXml(new XDocument(new XElement(W + "document", RootNamespaces(), E("body", body))));
        styles.SetXml(_styles.Xml);
        numbering.SetXml(Numbering());
        settings.SetXml(XmlAsset.Load("Docx/settings.xml").Document);

        var date = _brand.BuildDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var core = _package.AddPart("docProps/core.xml", OpcTypes.CorePropertiesType, XmlAsset.Load("Docx/core.xml")
            .Text("title", _doc.Title).Text("subject", _brand.ProgrammeTitle).Text("organisation", Organisation).Text("date", date).Document);
        var app = _package.AddPart("docProps/app.xml", OpcTypes.ExtendedPropertiesType, XmlAsset.Load("Docx/app.xml")
            .Text("organisation", Organisation).Document);
        _package.Relate(null, _document, OpcTypes.OfficeDocumentRel);
        _package.Relate(null, core, OpcTypes.CorePropertiesRel);
        _package.Relate(null, app, OpcTypes.ExtendedPropertiesRel);
        return _package.Save();
    }

    /// <summary>The glossary with the placeholder texts of the form's content controls, with its own copy of the styles.</summary>
    void Glossary()
    {
        var placeholderStyle = S("Placeholder Text");
        var glossary = XmlAsset.Load("Docx/glossary.xml")
            .Text("text", TextPlaceholder).Text("date", DatePlaceholder).Text("placeholderStyle", placeholderStyle)
            .Document;
        var part = _package.AddPart("word/glossary/document.xml", ContentType + "document.glossary+xml", glossary);
        var styles = _package.AddPart("word/glossary/styles.xml", ContentType + "styles+xml", new XDocument(_styles.Xml));
        _package.Relate(part, styles, OpcTypes.StylesRel);
        _package.Relate(_document, part, OpcTypes.Rel + "glossaryDocument");
    }

    string Organisation => _doc.Meta.TryGetValue("organisation", out var o) && !string.IsNullOrWhiteSpace(o) ? o : _brand.OrganisationName;

    // ---- Front matter ----

    IEnumerable<XElement> Cover()
    {
        if (_brand.LogoPath is not null)
            yield return E("p", E("pPr", E("spacing", At("after", 0))), Drawing(_brand.LogoPath, _brand.OrganisationName + " logo",
                Emu.FromCm(6).Value, Emu.FromCm(2.5).Value));
        yield return P(S("Cover Programme"), Run(_brand.ProgrammeTitle));
        yield return P(S("Title"), Run(_doc.Title));
        if (!string.IsNullOrWhiteSpace(_doc.Subtitle)) yield return P(S("Subtitle"), Run(_doc.Subtitle));
        var details = new List<string>();
        if (_doc.Meta.TryGetValue("audience", out var audience) && !string.IsNullOrWhiteSpace(audience)) details.Add("For " + audience);
        if (_doc.Meta.TryGetValue("version", out var version) && !string.IsNullOrWhiteSpace(version)) details.Add("Version " + version);
        if (_doc.Meta.TryGetValue("date", out var date) && !string.IsNullOrWhiteSpace(date)) details.Add(date);
        else if (version is null) details.Add(MonthYear(_brand.BuildDate));
        yield return E("p", E("pPr", Val("pStyle", S("Cover Details")), E("spacing", At("before", 2400))),
            Run(Organisation, E("rPr", E("b"))));
        foreach (var line in details) yield return P(S("Cover Details"), Run(line));
    }

    /// <summary>"January 2026", without culture data (the app may run in invariant globalisation mode).</summary>
    static string MonthYear(DateTimeOffset date) =>
        CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month) + " " + date.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>A "Contents" heading and a TOC field, pre-filled with the headings so it reads before Word updates it.</summary>
    IEnumerable<XElement> Contents(List<Heading> headings, bool pageBreakBefore)
    {
        yield return E("p", E("pPr", Val("pStyle", S("TOC Heading")), pageBreakBefore ? E("pageBreakBefore") : null), Run("Contents"));
        var begin = new object[]
        {
            E("r", E("fldChar", At("fldCharType", "begin"))),
            E("r", E("instrText", new XAttribute(XNamespace.Xml + "space", "preserve"), $" TOC \\o \"1-{_contentsDepth}\" \\h \\z \\u ")),
            E("r", E("fldChar", At("fldCharType", "separate"))),
        };
        var end = E("r", E("fldChar", At("fldCharType", "end")));
        if (headings.Count == 0)
        {
            yield return E("p", begin, Run("Right-click to update the table of contents."), end);
            yield break;
        }
        for (var i = 0; i < headings.Count; i++)
        {
            var h = headings[i];
            var bookmark = _bookmarks[h.Id];
            // Entry text, a dot-leader tab and a PAGEREF field that Word (and LibreOffice) fill in.
            var link = E("hyperlink", At("anchor", bookmark), At("history", 1), Run(h.Text), E("r", E("tab")),
                E("r", E("fldChar", At("fldCharType", "begin"))),
                E("r", E("instrText", new XAttribute(XNamespace.Xml + "space", "preserve"), $" PAGEREF {bookmark} \\h ")),
                E("r", E("fldChar", At("fldCharType", "separate"))),
                E("r", T("")),
                E("r", E("fldChar", At("fldCharType", "end"))));
            yield return E("p", E("pPr", Val("pStyle", S("toc " + OutlineLevel(h)))),
                i == 0 ? begin : null, link, i == headings.Count - 1 ? end : null);
        }
    }

    static void PageBreakBefore(List<XElement> body, int index)
    {
        var first = body[index];
        if (first.Name != W + "p")
        {
            body.Insert(index, E("p", E("r", E("br", At("type", "page")))));
            return;
        }
        var pPr = first.Element(W + "pPr");
        if (pPr is null) first.AddFirst(pPr = E("pPr"));
        var after = pPr.Elements().LastOrDefault(e => e.Name == W + "pStyle" || e.Name == W + "keepNext" || e.Name == W + "keepLines");
        if (after is null) pPr.AddFirst(E("pageBreakBefore"));
        else after.AddAfterSelf(E("pageBreakBefore"));
    }

    // ---- Headers, footers, section ----

    XElement SectionProperties()
    {
        var headerId = HeaderFooter("header1.xml", "hdr", Header);
        var footerId = HeaderFooter("footer1.xml", "ftr", Footer);
        var refs = new List<XElement>
        {
            E("headerReference", At("type", "default"), new XAttribute(R + "id", headerId)),
        };
        var footers = new List<XElement> { E("footerReference", At("type", "default"), new XAttribute(R + "id", footerId)) };
        var titlePage = _kind == DocxKind.Guide;
        if (titlePage)
        {
            refs.Add(E("headerReference", At("type", "first"), new XAttribute(R + "id", HeaderFooter("header2.xml", "hdr", () => [P(null)]))));
            footers.Add(E("footerReference", At("type", "first"), new XAttribute(R + "id", HeaderFooter("footer2.xml", "ftr", () => [P(null)]))));
        }
        return E("sectPr", refs, footers,
            E("pgSz", At("w", _page.Width), At("h", _page.Height)),
            E("pgMar", At("top", _page.Top), At("right", _page.Right), At("bottom", _page.Bottom), At("left", _page.Left),
                At("header", _page.Header), At("footer", _page.Footer), At("gutter", 0)),
            E("cols", At("space", 708)),
            titlePage ? E("titlePg") : null,
            E("docGrid", At("linePitch", 360)));
    }

    string HeaderFooter(string fileName, string rootName, Func<IEnumerable<XElement>> content)
    {
        var isHeader = rootName == "hdr";
        var part = _package.AddPart("word/" + fileName, ContentType + (isHeader ? "header+xml" : "footer+xml"));
        _part = part;
        part.SetXml(new XDocument(new XElement(W + rootName, RootNamespaces(), content().ToList())));
        _part = _document;
        return Relate(part, isHeader ? "header" : "footer");
    }

    IEnumerable<XElement> Header()
    {
        if (_kind == DocxKind.Handout)
        {
            var logo = _brand.LogoPath is null ? null
                : new object[] { E("r", E("tab")), Drawing(_brand.LogoPath, _brand.OrganisationName + " logo", Emu.FromCm(4).Value, Emu.FromCm(0.9).Value) };
            return [P(S("header"), Run(Organisation), logo)];
        }
        return [P(S("header"), Run(_brand.ShortName), E("r", E("tab")), Run(_doc.Title))];
    }

    IEnumerable<XElement> Footer() =>
    [
        P(S("footer"), Run(_brand.FooterText), E("r", E("tab")), Run("Page "),
            SimpleField("PAGE", "1"), Run(" of "), SimpleField("NUMPAGES", "1")),
    ];

    // ---- Numbering ----

    /// <summary>Adds a list instance; numbered lists restart at their start number.</summary>
    int NewList(bool ordered, int level, int start)
    {
        var id = _nums.Count + 1;
        _nums.Add(E("num", At("numId", id), Val("abstractNumId", ordered ? 2 : 1),
            ordered ? E("lvlOverride", At("ilvl", level), Val("startOverride", Math.Max(0, start))) : null));
        return id;
    }

    XDocument Numbering()
    {
        var xml = XmlAsset.Load("Docx/numbering.xml").Colour("primary", _brand.Primary.Hex).Document;
        xml.Root!.Add(_nums);
        return xml;
    }
}
