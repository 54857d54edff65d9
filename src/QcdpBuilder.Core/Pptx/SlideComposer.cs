using System.Xml.Linq;
using QcdpBuilder.Branding;
using QcdpBuilder.Decks;
using QcdpBuilder.Documents;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Pptx.PptxXml;

namespace QcdpBuilder.Pptx;

/// <summary>
/// Lays one deck slide out on its layout: title and text go into the layout's placeholders
/// (editable text), tables become native tables and images pictures fitted into the
/// placeholder's area. Builds the slide from the fragments in Assets/Pptx (slide.xml, shapes/*.xml).
/// </summary>
sealed class SlideComposer(LayoutCatalogue catalogue, Brand brand, Deck deck, XmlAssets assets)
{
    static readonly long Gap = Emu.FromInches(0.15).Value;
    const double MinBodyPt = 14, MinTitlePt = 24;

    int nextId;
    Rect? titleArea;
    List<XElement> shapes = [];
    PartRels rels = null!;

    public XDocument Compose(Slide slide, LayoutInfo layout, PartRels slideRels)
    {
        nextId = 2;
        titleArea = null;
        shapes = [];
        rels = slideRels;
        var phs = layout.Placeholders;
        var titlePh = phs.FirstOrDefault(p => p.IsTitle);
        var contents = phs.Where(p => p.IsContent).OrderBy(p => p.Rect.X).ThenBy(p => p.Rect.Y).ToList();
        var subtitlePh = phs.FirstOrDefault(p => p.Type == "subTitle");

        var isTitle = slide.Layout == SlideLayout.Title;
        var title = isTitle && string.IsNullOrWhiteSpace(slide.Title) ? deck.Title : slide.Title;
        if (slide.Layout != SlideLayout.Blank || titlePh is not null) Title(title, titlePh, isTitle);

        switch (slide.Layout)
        {
            case SlideLayout.Title:
            case SlideLayout.SectionHeader:
            {
                var subtitle = slide.Subtitle ?? (isTitle ? deck.Subtitle : null);
                List<Block> blocks = subtitle is null ? [] : [new Paragraph(Inlines.Plain(subtitle))];
                blocks.AddRange(slide.Body);
                blocks.AddRange(slide.Right);
                if (slide.Picture is not null) blocks.Add(slide.Picture);
                Region(blocks, subtitlePh ?? contents.FirstOrDefault(), "Subtitle");
                break;
            }
            case SlideLayout.TwoContent:
                Columns(slide, contents, headings: false);
                break;
            case SlideLayout.Comparison:
                Columns(slide, contents, headings: true);
                break;
            case SlideLayout.ContentWithCaption:
            {
                var body = slide.Body.ToList();
                var picture = slide.Picture ?? body.OfType<Image>().FirstOrDefault();
                if (picture is not null) body.Remove(picture);
                var picturePh = contents.FirstOrDefault(p => p.Type == "pic") ?? contents.OrderByDescending(p => p.Rect.Area).FirstOrDefault();
                var captionPh = contents.FirstOrDefault(p => p != picturePh);
                List<Block> visual = picture is null ? [] : [picture];
                visual.AddRange(slide.Right);
                if (captionPh is null) { body.AddRange(visual); visual = []; }
                Region(visual, picturePh, "Content Placeholder");
                Region(body, captionPh ?? picturePh, "Text Placeholder");
                break;
            }
            default:
            {
                var blocks = slide.Body.Concat(slide.Right).ToList();
                if (slide.Picture is not null) blocks.Add(slide.Picture);
                var target = slide.Layout == SlideLayout.Blank && titlePh is null ? null : contents.OrderByDescending(p => p.Rect.Area).FirstOrDefault();
                Region(blocks, target, "Content Placeholder");
                break;
            }
        }
        return assets["slide.xml"].Elements("shapes", shapes).Document;
    }

    // ---- Columns (Two Content, Comparison) ----

    void Columns(Slide slide, List<PlaceholderInfo> contents, bool headings)
    {
        var middle = catalogue.SlideWidth / 2;
        var left = contents.Where(p => p.Rect.X + p.Rect.Cx / 2 < middle).OrderBy(p => p.Rect.Y).ToList();
        var right = contents.Where(p => p.Rect.X + p.Rect.Cx / 2 >= middle).OrderBy(p => p.Rect.Y).ToList();
        if (left.Count == 0 || right.Count == 0)
        {
            // The layout has one content area (a fallback layout): put both columns in it.
            Region(slide.Body.Concat(slide.Right).ToList(), contents.OrderByDescending(p => p.Rect.Area).FirstOrDefault(), "Content Placeholder");
            return;
        }
        Column(slide.Body, left, headings);
        Column(slide.Right, right, headings);
    }

    void Column(IReadOnlyList<Block> blocks, List<PlaceholderInfo> phs, bool headings)
    {
        var content = phs.OrderByDescending(p => p.Rect.Area).First();
        var heading = phs.FirstOrDefault(p => p != content && p.Rect.Y < content.Rect.Y);
        var rest = blocks.ToList();
        if (headings && heading is not null && rest.FirstOrDefault() is Heading h)
        {
            rest.RemoveAt(0);
            Region([new Paragraph(h.Content)], heading, "Text Placeholder");
        }
        Region(rest, content, "Content Placeholder");
    }

    // ---- Title ----

    void Title(string text, PlaceholderInfo? ph, bool titleSlide)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var size = ph?.Lvl1Size ?? catalogue.TitleSize;
        var rect = ph?.Rect ?? new Rect(Emu.FromInches(0.6).Value, Emu.FromInches(0.35).Value, catalogue.SlideWidth - Emu.FromInches(1.2).Value, Emu.FromInches(1.05).Value);
        titleArea = rect;
        List<TextPara> paras = [new TextPara(0, BulletKind.None, Inlines.Plain(text))];
        var fit = TextFitter.Fit(paras, rect, [size], [0], Math.Min(size, titleSlide ? 28 : MinTitlePt));
        // A text box has no placeholder style, so give it the title look explicitly: heading font, bold.
        var writer = new ParagraphWriter(rels) { Font = ph is null ? "+mj-lt" : null, ForceBold = ph is null };
        var id = nextId++;
        shapes.Add(assets["shapes/text.xml"]
            .Number("id", id)
            .Text("name", $"Title {id - 1}")
            .Text("txBox", ph is null ? "1" : null)
            .Element("ph", ph?.Ph())
            .Element("xfrm", ph is null ? Xfrm(rect) : null)
            .Element("bodyPr", fit.BodyPr())
            .Elements("paragraphs", writer.Write(paras, fit.Sizes ?? (ph is null ? [size] : null), [size]))
            .Fragment);
    }

    // ---- Content regions ----

    /// <summary>
    /// Places blocks in a placeholder's area (or, with no placeholder, a free area): text on
    /// top in the placeholder itself, tables and images below it, fitted to what is left.
    /// </summary>
    void Region(IReadOnlyList<Block> blocks, PlaceholderInfo? ph, string name)
    {
        if (blocks.Count == 0) return;
        var visuals = new List<Block>();
        var text = new List<Block>();
        Split(blocks, text, visuals);
        var paras = TextBlocks.From(text);
        var area = ph?.Rect ?? FreeArea();
        var sizes = catalogue.SizesFor(ph);
        var explicitBullets = ph is null || ph.NoBullets;

        if (visuals.Count == 0)
        {
            TextShape(paras, ph, area, sizes, name, overrideXfrm: false, explicitBullets);
            return;
        }
        var visualArea = area;
        if (paras.Count > 0)
        {
            var natural = new Emu((long)(TextFitter.Height(paras, area.WidthPt, sizes, catalogue.BodyIndents) * Emu.PerPoint)).Value;
            var textHeight = Math.Clamp(natural, Emu.FromInches(0.6).Value, area.Cy * 2 / 5);
            TextShape(paras, ph, area with { Cy = textHeight }, sizes, name, overrideXfrm: true, explicitBullets);
            visualArea = new Rect(area.X, area.Y + textHeight + Gap, area.Cx, area.Cy - textHeight - Gap);
        }
        var each = (visualArea.Cy - Gap * (visuals.Count - 1)) / visuals.Count;
        for (var i = 0; i < visuals.Count; i++)
        {
            var slot = visualArea with { Y = visualArea.Y + i * (each + Gap), Cy = each };
            var usePh = paras.Count == 0 && visuals.Count == 1 && ph is { Type: "obj" or "pic" } ? ph : null;
            if (visuals[i] is Image image) Picture(image, slot, usePh, top: paras.Count > 0 || visuals.Count > 1 || catalogue.SlideWidth / 2 > slot.Cx);
            else if (visuals[i] is Table table) shapes.Add(new TableWriter(brand, rels, assets).Write(table, slot, nextId++));
        }
    }

    internal static void Split(IEnumerable<Block> blocks, List<Block> text, List<Block> visuals)
    {
        foreach (var b in blocks)
        {
            switch (b)
            {
                case Image or Table: visuals.Add(b); break;
                case Div d when d.Blocks.Any(x => x is Image or Table):
                    if (!string.IsNullOrWhiteSpace(d.Title)) text.Add(new Heading(3, Inlines.Plain(d.Title!), ""));
                    Split(d.Blocks, text, visuals);
                    break;
                default: text.Add(b); break;
            }
        }
    }

    Rect FreeArea()
    {
        // Below the title when there is one near the top, else from the top margin; clear of a footer.
        var margin = Emu.FromInches(0.6).Value;
        var top = titleArea is { } t && t.Bottom < catalogue.SlideHeight / 3 ? t.Bottom + Gap : Emu.FromInches(0.5).Value;
        var bottom = catalogue.SlideHeight - Emu.FromInches(0.85).Value;
        return new Rect(margin, top, catalogue.SlideWidth - 2 * margin, bottom - top);
    }

    void TextShape(List<TextPara> paras, PlaceholderInfo? ph, Rect rect, double[] sizes, string name, bool overrideXfrm, bool explicitBullets)
    {
        if (paras.Count == 0) return;
        var fit = TextFitter.Fit(paras, rect, sizes, catalogue.BodyIndents, Math.Min(MinBodyPt, sizes[0]));
        var writer = new ParagraphWriter(rels) { ExplicitBullets = explicitBullets, Font = ph is null ? "+mn-lt" : null };
        var id = nextId++;
        shapes.Add(assets["shapes/text.xml"]
            .Number("id", id)
            .Text("name", ph is null ? $"TextBox {id - 1}" : $"{name} {id - 1}")
            .Text("txBox", ph is null ? "1" : null)
            .Element("ph", ph?.Ph())
            .Element("xfrm", ph is null || overrideXfrm ? Xfrm(rect) : null)
            .Element("bodyPr", fit.BodyPr(ph is null ? "square" : null))
            // A text box has no placeholder style to inherit sizes from: always write them.
            .Elements("paragraphs", writer.Write(paras, fit.Sizes ?? (ph is null ? sizes : null), sizes))
            .Fragment);
    }

    /// <summary>A picture fitted into <paramref name="area"/>, centred; at the top of it when it shares a column or sits below text.</summary>
    void Picture(Image image, Rect area, PlaceholderInfo? ph, bool top)
    {
        var (rid, info) = rels.Image(image.Path);
        var fitted = info.FitInto(area);
        if (top) fitted = fitted with { Y = area.Y };
        var id = nextId++;
        shapes.Add(assets["shapes/picture.xml"]
            .Number("id", id)
            .Text("name", $"Picture {id - 1}")
            .Text("descr", image.Alt ?? "")
            .Element("ph", ph?.Ph())
            .Text("rid", rid)
            .Element("xfrm", Xfrm(fitted))
            .Fragment);
    }
}

/// <summary>Writes a document table as a native DrawingML table with a coloured header row and banded body rows.</summary>
sealed class TableWriter(Brand brand, PartRels rels, XmlAssets assets)
{
    static readonly double[] Sizes = [18, 16, 14, 12, 11, 10];
    const double CellMarginsPt = 7.2;

    public XElement Write(Table table, Rect area, int id)
    {
        var rows = table.Header.Select(r => (Row: r, Header: true)).Concat(table.Body.Select(r => (Row: r, Header: false))).ToList();
        var columns = Math.Max(1, Math.Max(table.ColumnCount, rows.Count == 0 ? 0 : rows.Max(r => r.Row.Cells.Count)));
        // Columns share the width by their longest cell (capped), but each is at least as wide
        // as its longest word at the chosen size, so words never break; the size steps down
        // from 18pt until the words fit across and the rows fit down.
        string Text(TableRow r, int c) => c < r.Cells.Count ? Inlines.PlainText(r.Cells[c]) : "";
        var weights = Enumerable.Range(0, columns)
            .Select(c => (double)Math.Clamp(rows.Select(r => Text(r.Row, c).Length).DefaultIfEmpty(0).Max(), 6, 40)).ToArray();
        var words = Enumerable.Range(0, columns)
            .Select(c => rows.SelectMany(r => Text(r.Row, c).Split(' ')).Select(w => w.Length).DefaultIfEmpty(0).Max()).ToArray();

        // Short tables need not stretch across the slide: about 1.5 times their natural width, at least half the area.
        var natural = Emu.FromPoints(weights.Sum(w => w * 0.5 * Sizes[0] + 14.4) * 1.5).Value;
        area = area with { Cx = Math.Clamp(natural, area.Cx / 2, area.Cx) };

        double size = Sizes[^1];
        var widths = new long[columns];
        long[] heights = [];
        foreach (var candidate in Sizes)
        {
            size = candidate;
            var minimum = words.Select(w => Emu.FromPoints((w + 1) * 0.6 * candidate + 14.4).Value).ToArray();
            var extra = Math.Max(0, area.Cx - minimum.Sum());
            for (var c = 0; c < columns; c++) widths[c] = minimum[c] + (long)(extra * weights[c] / weights.Sum());
            widths[^1] += area.Cx - widths.Sum();
            heights = rows.Select(r => RowHeight(r.Row, widths, candidate)).ToArray();
            if (minimum.Sum() <= area.Cx && heights.Sum() <= area.Cy) break;
        }

        var tint = brand.Tint.Hex;
        var rule = Blend(brand.Tint, brand.Text, 0.2);
        var trs = new List<XElement>();
        var bodyIndex = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, header) = rows[i];
            var fill = header ? brand.Primary.Hex : bodyIndex++ % 2 == 0 ? brand.Background.Hex : tint;
            var tr = DA("tr", At("h", heights[i]));
            for (var c = 0; c < columns; c++)
            {
                var cell = c < row.Cells.Count ? row.Cells[c] : [];
                var align = (c < table.Alignments.Count ? table.Alignments[c] : Align.Left) switch { Align.Centre => "ctr", Align.Right => "r", _ => null };
                var writer = new ParagraphWriter(rels) { ExplicitBullets = true, Colour = header ? "FFFFFF" : brand.Text.Hex, ForceBold = header, Align = align };
                var paras = writer.Write([new TextPara(0, BulletKind.None, cell)], [size], [size]);
                tr.Add(assets["shapes/table-cell.xml"]
                    .Elements("paragraphs", paras).Colour("fill", fill).Colour("rule", header ? brand.Secondary.Hex : rule)
                    .Fragment);
            }
            trs.Add(tr);
        }
        var frame = area with { Cy = Math.Min(area.Cy, heights.Sum()) };
        var headerText = table.Header.FirstOrDefault()?.Cells.Select(Inlines.PlainText) ?? [];
        return assets["shapes/table.xml"]
            .Number("id", id)
            .Text("name", $"Table {id - 1}")
            .Text("descr", headerText.Any() ? "Table: " + string.Join(", ", headerText) : "Table")
            .Number("x", frame.X).Number("y", frame.Y).Number("cx", frame.Cx).Number("cy", frame.Cy)
            .Number("firstRow", table.Header.Count > 0 ? 1 : 0)
            .Elements("grid", widths.Select(w => DA("gridCol", At("w", w))))
            .Elements("rows", trs)
            .Fragment;
    }

    static long RowHeight(TableRow row, long[] widths, double size)
    {
        var lines = 1.0;
        for (var c = 0; c < row.Cells.Count && c < widths.Length; c++)
        {
            var width = new Emu(widths[c]).Points - 14.4;
            var perLine = Math.Max(1, Math.Floor(width / (size * TextFitter.CharWidth)));
            lines = Math.Max(lines, Math.Ceiling(Inlines.PlainText(row.Cells[c]).Length * 1.08 / perLine));
        }
        return Emu.FromPoints(lines * size * 1.2 + CellMarginsPt).Value;
    }

    public static string Blend(Colour a, Colour b, double t) =>
        new Colour((byte)Math.Round(a.R + (b.R - a.R) * t), (byte)Math.Round(a.G + (b.G - a.G) * t), (byte)Math.Round(a.B + (b.B - a.B) * t)).Hex;
}
