using System.Text;
using System.Xml.Linq;
using QcdpBuilder.Documents;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Docx.Wml;
using DocTable = QcdpBuilder.Documents.Table;

namespace QcdpBuilder.Docx;

/// <summary>Where blocks are being written: the paragraph style plain paragraphs take (Normal, Callout, Quote).</summary>
internal readonly record struct Ctx(string? ParagraphStyle)
{
    public static Ctx Body => new(null);
}

/// <summary>Body blocks: headings, paragraphs, lists, tables, images, boxes.</summary>
internal sealed partial class DocxBuilder
{
    int Width => _width.Peek();

    void Blocks(IEnumerable<Block> blocks, List<XElement> output, Ctx ctx)
    {
        foreach (var block in blocks) Block(block, output, ctx);
    }

    void Block(Block block, List<XElement> output, Ctx ctx)
    {
        switch (block)
        {
            case Heading h: output.Add(HeadingParagraph(h)); break;
            case Paragraph p: output.Add(E("p", ctx.ParagraphStyle is null ? null : E("pPr", Val("pStyle", ctx.ParagraphStyle)), Inlines(p.Content))); break;
            case ListBlock list: List(list, output, ctx, 0); break;
            case DocTable t: AddTable(output, DataTable(t)); break;
            case Quote q: Blocks(q.Blocks, output, new Ctx(S("Quote"))); break;
            case CodeBlock c:
                output.Add(E("p", E("pPr", Val("pStyle", S("Source Code"))), Run(c.Text.TrimEnd('\n').Replace("\r", ""))));
                break;
            case Image img:
                output.Add(E("p", E("pPr", E("keepNext"), E("spacing", At("before", 120), At("after", 120)), Val("jc", "center")),
                    Drawing(img.Path, img.Alt, Width * 635L, _page.TextHeight * 635L * 7 / 10)));
                break;
            case ChartBlock chart: output.Add(ChartParagraph(chart)); break;
            case Rule:
                output.Add(E("p", E("pPr", E("pBdr", Border("bottom", "single", 6, _brand.Primary.Hex, 1)), E("spacing", At("before", 120), At("after", 240)))));
                break;
            case PageBreak: output.Add(E("p", E("r", E("br", At("type", "page"))))); break;
            case Div { Class: "callout" or "activity" } d: Box(d, output); break;
            case Div { Class: "columns" } d when d.Blocks.Any(b => b is Div { Class: "column" }): Columns(d, output, ctx); break;
            case Div d: Blocks(d.Blocks, output, ctx); break;
            case WritingLines w: WritingLinesBlock(w, output); break;
            case FormField f: FormFieldBlock(f, output); break;
            case RatingScale r: RatingScaleBlock(r, output); break;
            case FillTable f: AddTable(output, FillTableBlock(f)); break;
            case SignatureLine s: SignatureBlock(s, output); break;
            default: throw new NotSupportedException($"The DOCX writer cannot write a {block.GetType().Name}.");
        }
    }

    // ---- Headings and bookmarks ----

    void CollectBookmarks(IEnumerable<Block> blocks)
    {
        _headingShift = AllHeadings(blocks).Select(h => h.Level).DefaultIfEmpty(1).Min() - 1;
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in AllHeadings(blocks))
        {
            if (_bookmarks.ContainsKey(h.Id)) continue;
            var name = BookmarkName(h.Id);
            var unique = name;
            for (var n = 2; !used.Add(unique); n++) unique = name[..Math.Min(name.Length, 36)] + "_" + n;
            _bookmarks[h.Id] = unique;
        }
    }

    /// <summary>Word bookmark names: a letter first, then letters, digits and underscores, at most 40 characters.</summary>
    static string BookmarkName(string id)
    {
        var sb = new StringBuilder();
        foreach (var c in id) sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        if (sb.Length == 0 || !char.IsAsciiLetter(sb[0])) sb.Insert(0, "h_");
        return sb.Length > 40 ? sb.ToString(0, 40) : sb.ToString();
    }

    static IEnumerable<Heading> AllHeadings(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            if (block is Heading h) yield return h;
            else if (block is Div d) foreach (var inner in AllHeadings(d.Blocks)) yield return inner;
            else if (block is Quote q) foreach (var inner in AllHeadings(q.Blocks)) yield return inner;
        }
    }

    /// <summary>
    /// The Word heading level (1–3). Documents whose title lives in front matter start their
    /// sections at ##, so levels shift up until the shallowest heading is Heading 1.
    /// </summary>
    int OutlineLevel(Heading h) => Math.Clamp(h.Level - _headingShift, 1, 3);

    IEnumerable<Heading> TocHeadings(IEnumerable<Block> blocks) => AllHeadings(blocks).Where(h => h.Level - _headingShift <= _contentsDepth);

    XElement HeadingParagraph(Heading h)
    {
        var id = _bookmarkId++;
        return E("p", E("pPr", Val("pStyle", S("heading " + OutlineLevel(h)))),
            E("bookmarkStart", At("id", id), At("name", _bookmarks[h.Id])),
            Inlines(h.Content),
            E("bookmarkEnd", At("id", id)));
    }

    // ---- Inlines ----

    IEnumerable<XElement> Inlines(IReadOnlyList<Inline> inlines, XElement? baseRPr = null)
    {
        var result = new List<XElement>();
        XElement? link = null;
        string? linkTarget = null;
        foreach (var inline in inlines)
        {
            if (inline is LineBreak)
            {
                link = null; linkTarget = null;
                result.Add(E("r", E("br")));
                continue;
            }
            if (inline is not Documents.Run run || run.Text.Length == 0) continue;
            var rPr = RunProperties(run, baseRPr);
            var r = Wml.Run(run.Text, rPr.HasElements ? rPr : null);
            if (run.Link is null)
            {
                link = null; linkTarget = null;
                result.Add(r);
                continue;
            }
            if (link is null || linkTarget != run.Link)
            {
                link = Hyperlink(run.Link);
                linkTarget = run.Link;
                result.Add(link);
            }
            link.Add(r);
        }
        return result;
    }

    XElement RunProperties(Documents.Run run, XElement? baseRPr)
    {
        var rPr = E("rPr");
        if (run.Link is not null) rPr.Add(Val("rStyle", S("Hyperlink")));
        else if (run.Code) rPr.Add(Val("rStyle", S("Verbatim Char")));
        if (run.Code && run.Link is not null) rPr.Add(Fonts(MonoFont));
        if (baseRPr is not null) foreach (var e in baseRPr.Elements()) if (e.Name != W + "b" && e.Name != W + "i") rPr.Add(new XElement(e));
        if (run.Bold || baseRPr?.Element(W + "b") is not null) rPr.Add(E("b"));
        if (run.Italic || baseRPr?.Element(W + "i") is not null) rPr.Add(E("i"));
        return Order(rPr);
    }

    static readonly string[] RunPropertyOrder = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "color", "spacing", "sz", "szCs", "u", "shd", "lang"];

    /// <summary>Puts rPr children in schema order.</summary>
    static XElement Order(XElement rPr)
    {
        var sorted = rPr.Elements().OrderBy(e => Array.IndexOf(RunPropertyOrder, e.Name.LocalName) is var i and >= 0 ? i : 99).ToList();
        rPr.RemoveNodes();
        rPr.Add(sorted);
        return rPr;
    }

    static XElement Fonts(string font) =>
        E("rFonts", At("ascii", font), At("eastAsia", font), At("hAnsi", font), At("cs", font));

    XElement Hyperlink(string target)
    {
        if (target.StartsWith('#'))
        {
            var id = target[1..];
            return E("hyperlink", At("anchor", _bookmarks.TryGetValue(id, out var name) ? name : BookmarkName(id)), At("history", 1));
        }
        var uri = Uri.TryCreate(target, UriKind.Absolute, out var abs) ? abs.AbsoluteUri : Uri.EscapeDataString(target).Replace("%2F", "/");
        return E("hyperlink", new XAttribute(R + "id", _package.RelateExternal(_part, OpcTypes.HyperlinkRel, uri)), At("history", 1));
    }

    // ---- Lists ----

    void List(ListBlock list, List<XElement> output, Ctx ctx, int level)
    {
        var numId = NewList(list.Ordered, level, list.Start);
        var style = S("List Paragraph");
        var indent = 567 * (level + 1);
        foreach (var item in list.Items)
        {
            var first = true;
            var blocks = item.Blocks.Count > 0 ? item.Blocks : [new Paragraph([])];
            foreach (var block in blocks)
            {
                if (first && block is not Paragraph)
                {
                    output.Add(ListParagraph(item, [], level, numId, style, indent));
                    first = false;
                }
                switch (block)
                {
                    case Paragraph p when first:
                        output.Add(ListParagraph(item, p.Content, level, numId, style, indent));
                        break;
                    case Paragraph p:
                        output.Add(E("p", E("pPr", Val("pStyle", style), E("ind", At("left", indent))), Inlines(p.Content)));
                        break;
                    case ListBlock nested:
                        List(nested, output, ctx, level + 1);
                        break;
                    default:
                        Block(block, output, ctx);
                        break;
                }
                first = false;
            }
        }
    }

    XElement ListParagraph(ListItem item, IReadOnlyList<Inline> content, int level, int numId, string style, int indent)
    {
        if (item.Checkbox is not { } isChecked)
            return E("p", E("pPr", Val("pStyle", style), E("numPr", Val("ilvl", level), Val("numId", numId))), Inlines(content));
        var label = Documents.Inlines.PlainText(content).Trim();
        return E("p", E("pPr", Val("pStyle", style), E("ind", At("left", indent), At("hanging", 397))),
            Checkbox(isChecked, label), E("r", E("tab")), Inlines(content));
    }

    // ---- Tables ----

    void AddTable(List<XElement> output, XElement table)
    {
        // Word merges tables that touch; keep them apart with an empty paragraph.
        if (output.Count > 0 && output[^1].Name == W + "tbl") output.Add(Spacer());
        output.Add(table);
        output.Add(Spacer());
    }

    static XElement Spacer() => E("p", E("pPr", E("spacing", At("before", 0), At("after", 0), At("line", 120), At("lineRule", "exact"))));

    XElement DataTable(DocTable t)
    {
        var widths = Split(Width, ColumnWidths.Fractions(t));
        var rows = new List<XElement>();
        foreach (var row in t.Header) rows.Add(DataRow(row, widths, t, header: true));
        foreach (var row in t.Body) rows.Add(DataRow(row, widths, t, header: false));
        return GridTable(widths, rows, headerRow: t.Header.Count > 0);
    }

    XElement DataRow(TableRow row, int[] widths, DocTable t, bool header)
    {
        var cells = new List<XElement>();
        for (var c = 0; c < widths.Length; c++)
        {
            var content = c < row.Cells.Count ? row.Cells[c] : [];
            var align = c < t.Alignments.Count ? t.Alignments[c] : Align.Left;
            var jc = align switch { Align.Centre => "center", Align.Right => "right", _ => null };
            var rPr = header ? E("rPr", E("b"), Val("color", "FFFFFF")) : null;
            cells.Add(Cell(widths[c], header ? _brand.Primary.Hex : null,
                E("p", E("pPr", Val("pStyle", S("Table Text")), jc is null ? null : Val("jc", jc)), Inlines(content, rPr))));
        }
        return Row(header, cells);
    }

    static XElement Row(bool header, IEnumerable<XElement> cells, XElement? height = null) =>
        E("tr", E("trPr", E("cantSplit"), height, header ? E("tblHeader") : null), cells);

    static XElement Cell(int width, string? fill, params object?[] content) =>
        E("tc", E("tcPr", E("tcW", At("w", width), At("type", "dxa")), fill is null ? null : Shade(fill)), content);

    /// <summary>A full-width bordered table in the "Table Grid" style.</summary>
    XElement GridTable(int[] widths, IEnumerable<XElement> rows, bool fullWidth = true, bool headerRow = true) =>
        E("tbl",
            E("tblPr", Val("tblStyle", S("Table Grid")),
                fullWidth ? E("tblW", At("w", 5000), At("type", "pct")) : E("tblW", At("w", widths.Sum()), At("type", "dxa")),
                E("tblLayout", At("type", "fixed")),
                E("tblLook", At("val", headerRow ? "0620" : "0600"), At("firstRow", headerRow ? 1 : 0), At("lastRow", 0), At("firstColumn", 0), At("lastColumn", 0), At("noHBand", 1), At("noVBand", 1))),
            E("tblGrid", widths.Select(w => E("gridCol", At("w", w)))),
            rows);

    /// <summary>Splits a width in twips by weights, the parts summing exactly to the whole.</summary>
    static int[] Split(int total, double[] weights)
    {
        var sum = weights.Sum();
        var widths = weights.Select(w => (int)Math.Floor(total * w / sum)).ToArray();
        widths[^1] += total - widths.Sum();
        return widths;
    }

    // ---- Boxes and columns ----

    /// <summary>A callout or activity: a one-cell table shaded with the brand tint, with a bold title.</summary>
    void Box(Div d, List<XElement> output)
    {
        const int padding = 198;
        var title = d.Title ?? (d.Class == "activity" ? "Activity" : null);
        var inner = new List<XElement>();
        if (title is not null) inner.Add(P(S("Callout Title"), Wml.Run(title)));
        _width.Push(Width - 2 * padding - 60);
        Blocks(d.Blocks, inner, new Ctx(S("Callout")));
        _width.Pop();
        if (inner.Count == 0 || inner[^1].Name != W + "p") inner.Add(P(S("Callout")));
        var colour = d.Class == "activity" ? _brand.Secondary.Hex : _brand.Primary.Hex;
        var table = E("tbl",
            E("tblPr",
                E("tblW", At("w", 5000), At("type", "pct")),
                E("tblBorders",
                    Border("top", "single", 4, colour), Border("left", "single", 24, colour),
                    Border("bottom", "single", 4, colour), Border("right", "single", 4, colour)),
                E("tblLayout", At("type", "fixed")),
                E("tblCellMar", E("top", At("w", 113), At("type", "dxa")), E("left", At("w", padding), At("type", "dxa")),
                    E("bottom", At("w", 57), At("type", "dxa")), E("right", At("w", padding), At("type", "dxa"))),
                E("tblLook", At("val", "0000"), At("firstRow", 0), At("lastRow", 0), At("firstColumn", 0), At("lastColumn", 0), At("noHBand", 0), At("noVBand", 0))),
            E("tblGrid", E("gridCol", At("w", Width))),
            E("tr", Cell(Width, _brand.Tint.Hex, inner)));
        AddTable(output, table);
    }

    /// <summary>Columns: a borderless table with one cell per column.</summary>
    void Columns(Div d, List<XElement> output, Ctx ctx)
    {
        var columns = d.Blocks.OfType<Div>().Where(b => b.Class == "column").ToList();
        var widths = Split(Width, columns.Select(_ => 1.0).ToArray());
        var cells = new List<XElement>();
        for (var i = 0; i < columns.Count; i++)
        {
            var inner = new List<XElement>();
            _width.Push(widths[i] - 2 * 113);
            Blocks(columns[i].Blocks, inner, ctx);
            _width.Pop();
            if (inner.Count == 0 || inner[^1].Name != W + "p") inner.Add(P(null));
            cells.Add(Cell(widths[i], null, inner));
        }
        AddTable(output, E("tbl",
            E("tblPr", E("tblW", At("w", 5000), At("type", "pct")), E("tblLayout", At("type", "fixed")),
                E("tblCellMar", E("left", At("w", 113), At("type", "dxa")), E("right", At("w", 113), At("type", "dxa"))),
                E("tblLook", At("val", "0000"), At("firstRow", 0), At("lastRow", 0), At("firstColumn", 0), At("lastColumn", 0), At("noHBand", 0), At("noVBand", 0))),
            E("tblGrid", widths.Select(w => E("gridCol", At("w", w)))),
            E("tr", cells)));
    }

    // ---- Images ----

    /// <summary>An inline picture scaled to fit within the given box, keeping its aspect ratio. Alt text goes in docPr/@descr.</summary>
    XElement Drawing(string path, string alt, long maxWidth, long maxHeight)
    {
        if (!_media.TryGetValue(path, out var media))
        {
            var file = path;
            if (Path.GetExtension(file).Equals(".svg", StringComparison.OrdinalIgnoreCase) && File.Exists(Path.ChangeExtension(file, ".png")))
                file = Path.ChangeExtension(file, ".png");
            if (!File.Exists(file)) throw new FileNotFoundException($"Image '{path}' not found.", path);
            var bytes = File.ReadAllBytes(file);
            var info = ImageInfo.Read(bytes, path);
            var part = _package.AddPart($"word/media/image{_media.Count + 1}.{info.Extension}", info.ContentType, bytes);
            _media[path] = media = (part, info);
        }
        var relId = Relate(media.Part, "image");
        var (w, h) = media.Info.NaturalSize;
        var scale = Math.Min(1.0, Math.Min(maxWidth / (double)w.Value, maxHeight / (double)h.Value));
        var cx = (long)(w.Value * scale);
        var cy = (long)(h.Value * scale);
        var id = ++_drawingId;
        var name = "Picture " + id;
        return E("r", E("drawing",
            new XElement(WP + "inline", new XAttribute("distT", 0), new XAttribute("distB", 0), new XAttribute("distL", 0), new XAttribute("distR", 0),
                new XElement(WP + "extent", new XAttribute("cx", cx), new XAttribute("cy", cy)),
                new XElement(WP + "effectExtent", new XAttribute("l", 0), new XAttribute("t", 0), new XAttribute("r", 0), new XAttribute("b", 0)),
                new XElement(WP + "docPr", new XAttribute("id", id), new XAttribute("name", name), new XAttribute("descr", alt)),
                new XElement(WP + "cNvGraphicFramePr", new XElement(A + "graphicFrameLocks", new XAttribute("noChangeAspect", 1))),
                new XElement(A + "graphic",
                    new XElement(A + "graphicData", new XAttribute("uri", Pic.NamespaceName),
                        new XElement(Pic + "pic",
                            new XElement(Pic + "nvPicPr",
                                new XElement(Pic + "cNvPr", new XAttribute("id", 0), new XAttribute("name", name), new XAttribute("descr", alt)),
                                new XElement(Pic + "cNvPicPr")),
                            new XElement(Pic + "blipFill",
                                new XElement(A + "blip", new XAttribute(R + "embed", relId)),
                                new XElement(A + "stretch", new XElement(A + "fillRect"))),
                            new XElement(Pic + "spPr",
                                new XElement(A + "xfrm", new XElement(A + "off", new XAttribute("x", 0), new XAttribute("y", 0)),
                                    new XElement(A + "ext", new XAttribute("cx", cx), new XAttribute("cy", cy))),
                                new XElement(A + "prstGeom", new XAttribute("prst", "rect"), new XElement(A + "avLst")))))))));
    }
}
