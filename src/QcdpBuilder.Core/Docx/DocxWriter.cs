using System.Globalization;
using System.Security;
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

    // DocxPackage writes its ZIP deterministically itself (fixed time stamps, fixed order), so no second pass.
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
    readonly DocxPackage _package = new();
    readonly PartRelationships _documentRels = new();
    PartRelationships _rels;
    readonly Dictionary<string, (string Target, ImageInfo Info)> _media = new(StringComparer.Ordinal);
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
        _styles = StyleSheet.Load(XDocument.Parse(Assets.Fill("Docx/styles.xml", StyleValues())), options.ReferenceDocxPath);
        _rels = _documentRels;
        _width.Push(_page.TextWidth);
    }

    Dictionary<string, string> StyleValues() => new()
    {
        ["bodyFont"] = SecurityElement.Escape(_brand.BodyFont),
        ["headingFont"] = SecurityElement.Escape(_brand.HeadingFont),
        ["monoFont"] = MonoFont,
        ["primary"] = _brand.Primary.Hex,
        ["secondary"] = _brand.Secondary.Hex,
        ["accent"] = _brand.Accent.Hex,
        ["text"] = _brand.Text.Hex,
        ["tint"] = _brand.Tint.Hex,
        ["muted"] = "5C6770",
        ["border"] = "A5AFB5",
        ["textWidth"] = _page.TextWidth.ToString(CultureInfo.InvariantCulture),
    };

    string S(string name) => _styles.Id(name);

    public byte[] Build()
    {
        _documentRels.Add("styles", "styles.xml");
        _documentRels.Add("numbering", "numbering.xml");
        _documentRels.Add("settings", "settings.xml");
        if (_styles.Theme is not null) _documentRels.Add("theme", "theme/theme1.xml");

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

        var document = new XDocument(new XElement(W + "document", RootNamespaces(), E("body", body)));
        _package.Add("word/document.xml", document, ContentType + "document.main+xml");
        _package.AddRelationships("word/document.xml", _documentRels);
        _package.Add("word/styles.xml", _styles.Xml, ContentType + "styles+xml");
        _package.Add("word/numbering.xml", Numbering(), ContentType + "numbering+xml");
        _package.Add("word/settings.xml", XDocument.Parse(Assets.Text("Docx/settings.xml")), ContentType + "settings+xml");
        if (_styles.Theme is not null)
            _package.Add("word/theme/theme1.xml", _styles.Theme, "application/vnd.openxmlformats-officedocument.theme+xml");

        var props = new Dictionary<string, string>
        {
            ["title"] = SecurityElement.Escape(_doc.Title),
            ["subject"] = SecurityElement.Escape(_brand.ProgrammeTitle),
            ["organisation"] = SecurityElement.Escape(Organisation),
            ["date"] = _brand.BuildDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        _package.Add("docProps/core.xml", XDocument.Parse(Assets.Fill("Docx/core.xml", props)), "application/vnd.openxmlformats-package.core-properties+xml");
        _package.Add("docProps/app.xml", XDocument.Parse(Assets.Fill("Docx/app.xml", props)), "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        var packageRels = new PartRelationships();
        packageRels.Add("officeDocument", "word/document.xml");
        packageRels.Add("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        packageRels.Add("extended-properties", "docProps/app.xml");
        _package.AddRelationships("", packageRels);
        return _package.ToBytes();
    }

    /// <summary>The glossary with the placeholder texts of the form's content controls, with its own copy of the styles.</summary>
    void Glossary()
    {
        var glossary = XDocument.Parse(Assets.Fill("Docx/glossary.xml", new Dictionary<string, string>
        {
            ["text"] = TextPlaceholder,
            ["date"] = DatePlaceholder,
        }));
        var placeholderStyle = S("Placeholder Text");
        foreach (var rStyle in glossary.Descendants(W + "rStyle")) rStyle.SetAttributeValue(W + "val", placeholderStyle);
        var rels = new PartRelationships();
        rels.Add("styles", "styles.xml");
        _package.Add("word/glossary/document.xml", glossary, ContentType + "document.glossary+xml");
        _package.AddRelationships("word/glossary/document.xml", rels);
        _package.Add("word/glossary/styles.xml", new XDocument(_styles.Xml), ContentType + "styles+xml");
        _documentRels.Add("glossaryDocument", "glossary/document.xml");
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
        var rels = new PartRelationships();
        _rels = rels;
        var xml = new XDocument(new XElement(W + rootName, RootNamespaces(), content().ToList()));
        _rels = _documentRels;
        _package.Add("word/" + fileName, xml, ContentType + (isHeader ? "header+xml" : "footer+xml"));
        _package.AddRelationships("word/" + fileName, rels);
        return _documentRels.Add(isHeader ? "header" : "footer", fileName);
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
        var xml = XDocument.Parse(Assets.Fill("Docx/numbering.xml", new Dictionary<string, string> { ["primary"] = _brand.Primary.Hex }));
        xml.Root!.Add(_nums);
        return xml;
    }
}
