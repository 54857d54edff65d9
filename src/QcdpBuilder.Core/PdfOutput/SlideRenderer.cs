using QcdpBuilder.Decks;
using QcdpBuilder.Pdf;
using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Tagging;
using M = QcdpBuilder.Documents;
using P = QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.PdfOutput;

/// <summary>
/// Draws a deck slide as a 16:9 <see cref="P.FixedPage"/> (960 × 540 pt) in the PPTX design: title and section
/// slides on the brand colours with white text, content slides with a Primary title, a thin accent rule, body
/// text shrunk to fit, two columns or picture + text, and a small logo and slide number in the corner.
/// A fresh page is built on every call because engine blocks carry structure tags and can only be used once.
/// </summary>
internal sealed class SlideRenderer
{
    public const double W = 960, H = 540;
    private const double Margin = 48, BodyTop = 122, BodyBottom = 492, Gap = 24;
    private readonly PdfTheme _theme;
    private readonly Deck _deck;
    private readonly LayoutContextCache _measure;

    public SlideRenderer(PdfTheme theme, Deck deck)
    {
        _theme = theme; _deck = deck;
        _measure = new LayoutContextCache(theme.Fonts);
    }

    /// <summary>
    /// Builds the page for <paramref name="slide"/>. In thumbnails (notes pages) the title is a plain tagged
    /// paragraph, so the document does not get a second bookmark and destination per slide.
    /// </summary>
    public P.FixedPage Render(Slide slide, int number, bool thumbnail)
    {
        var page = new P.FixedPage { Size = PageSize.Slide16x9, Background = PdfTheme.Convert(_theme.Brand.Background) };
        switch (slide.Layout)
        {
            case SlideLayout.Title: TitleSlide(page, slide, number, thumbnail); break;
            case SlideLayout.SectionHeader: SectionSlide(page, slide, number, thumbnail); break;
            default: ContentSlide(page, slide, number, thumbnail); break;
        }
        return page;
    }

    // ---- Title and section slides ---------------------------------------------------------------------

    private void TitleSlide(P.FixedPage page, Slide slide, int number, bool thumbnail)
    {
        var white = Color.White;
        page.Background = _theme.Primary;
        page.AddRect(new Rect(0, 440, W, 100), _theme.Secondary);
        page.AddRect(new Rect(0, 436, W, 4), _theme.Accent);
        var title = string.IsNullOrWhiteSpace(slide.Title) ? _deck.Title : slide.Title;
        page.AddBlock(new Rect(64, 96, 832, 210), TitleBlock(title, 40, white, number, thumbnail), shrinkToFit: true, VerticalAlign.Bottom);
        var conv = new BlockConverter(_theme, BlockStyle.Slide with { TextColour = white, BodySize = 22 });
        var below = new List<P.PdfBlock>();
        var subtitle = slide.Subtitle ?? _deck.Subtitle;
        if (!string.IsNullOrWhiteSpace(subtitle)) below.Add(conv.Paragraph(M.Inlines.Plain(subtitle!), 24));
        below.AddRange(conv.Convert(slide.Body.Concat(slide.Right)));
        if (below.Count > 0) page.AddBlock(new Rect(64, 318, 832, 108), new P.Column(below), shrinkToFit: true);
        LogoPanel(page, new Rect(40, 458, 260, 64), withAlt: true);
        page.AddBlock(new Rect(420, 474, 492, 36), new P.PdfParagraph(_theme.Brand.OrganisationName)
            { FontSize = 14, Color = white, Align = TextAlign.Right, SpaceAfter = 0 }, shrinkToFit: true, VerticalAlign.Middle);
    }

    private void SectionSlide(P.FixedPage page, Slide slide, int number, bool thumbnail)
    {
        var white = Color.White;
        page.Background = _theme.Secondary;
        page.AddRect(new Rect(Margin, 170, 8, 170), _theme.Accent);
        page.AddBlock(new Rect(80, 150, 832, 130), TitleBlock(slide.Title, 36, white, number, thumbnail), shrinkToFit: true, VerticalAlign.Bottom);
        var conv = new BlockConverter(_theme, BlockStyle.Slide with { TextColour = white });
        var below = new List<P.PdfBlock>();
        if (!string.IsNullOrWhiteSpace(slide.Subtitle)) below.Add(conv.Paragraph(M.Inlines.Plain(slide.Subtitle!), 22));
        below.AddRange(conv.Convert(slide.Body.Concat(slide.Right)));
        if (below.Count > 0) page.AddBlock(new Rect(80, 292, 832, 130), new P.Column(below), shrinkToFit: true);
        LogoPanel(page, new Rect(W - Margin - 150, 470, 150, 44), withAlt: false);
        page.AddBlock(new Rect(Margin, 500, 120, 24), new SlideText(Number(number), 11, white));
    }

    private void LogoPanel(P.FixedPage page, Rect area, bool withAlt)
    {
        if (_theme.Logo is not { } logo) return;
        double h = area.Height - 12, w = Math.Min(area.Width - 12, logo.NaturalSize.Width * h / logo.NaturalSize.Height);
        h = Math.Min(h, logo.NaturalSize.Height * w / logo.NaturalSize.Width);
        double x = area.X, y = area.Y + (area.Height - h - 12) / 2;
        if (area.X > W / 2) x = area.Right - w - 12;
        page.AddRect(new Rect(x, y, w + 12, h + 12), Color.White);
        page.AddImage(new Rect(x + 6, y + 6, w, h), logo, withAlt ? _theme.Brand.OrganisationName + " logo" : null);
    }

    // ---- Content slides -------------------------------------------------------------------------------

    private void ContentSlide(P.FixedPage page, Slide slide, int number, bool thumbnail)
    {
        bool hasTitle = !string.IsNullOrWhiteSpace(slide.Title);
        if (hasTitle)
        {
            page.AddBlock(new Rect(Margin, 26, W - 2 * Margin, 70), TitleBlock(slide.Title, 30, _theme.Primary, number, thumbnail), shrinkToFit: true, VerticalAlign.Bottom);
            page.AddRect(new Rect(Margin, 103, W - 2 * Margin, 1), _theme.Primary.Tint(0.25));
            page.AddRect(new Rect(Margin, 101.5, 96, 4), _theme.Accent);
        }
        double top = hasTitle ? BodyTop : 40;
        var full = new Rect(Margin, top, W - 2 * Margin, BodyBottom - top);
        double half = (full.Width - Gap) / 2;
        var left = full with { Width = half };
        var right = full with { X = full.X + half + Gap, Width = half };
        switch (slide.Layout)
        {
            case SlideLayout.TwoContent:
                Region(page, slide.Body, left);
                Region(page, slide.Right, right);
                break;
            case SlideLayout.Comparison:
                ComparisonColumn(page, slide.Body, left);
                ComparisonColumn(page, slide.Right, right);
                break;
            case SlideLayout.ContentWithCaption:
            {
                var body = slide.Body.ToList();
                var picture = slide.Picture ?? body.OfType<M.Image>().FirstOrDefault();
                if (picture is null) { Region(page, body.Concat(slide.Right).ToList(), full); break; }
                body.Remove(picture);
                double pw = body.Count == 0 ? full.Width : full.Width * 0.6;
                var visual = new List<M.Block> { picture };
                visual.AddRange(slide.Right);
                Region(page, visual, full with { Width = pw });
                Region(page, body, full with { X = full.X + pw + Gap, Width = full.Width - pw - Gap });
                break;
            }
            default:
            {
                var blocks = slide.Body.Concat(slide.Right).ToList();
                if (slide.Picture is not null) blocks.Add(slide.Picture);
                Region(page, blocks, full);
                break;
            }
        }
        Corner(page, number);
    }

    private void Corner(P.FixedPage page, int number)
    {
        page.AddBlock(new Rect(Margin, 506, 40, 22), new SlideText(Number(number), 11, _theme.Muted), align: VerticalAlign.Middle);
        // The footer text, as the PPTX master shows it; clear of the logo at the right.
        page.AddBlock(new Rect(Margin + 44, 506, W - 2 * Margin - 44 - 180, 22), new SlideText(_theme.Brand.FooterText, 11, _theme.Muted), align: VerticalAlign.Middle);
        if (_theme.Logo is { } logo)
        {
            double h = 26, w = Math.Min(160, logo.NaturalSize.Width * h / logo.NaturalSize.Height);
            page.AddImage(new Rect(W - Margin - w, 503, w, h), logo, null, TextAlign.Right);
        }
        else
            page.AddBlock(new Rect(W - Margin - 300, 506, 300, 22), new SlideText(_theme.Brand.ShortName, 11, _theme.Muted, TextAlign.Right), align: VerticalAlign.Middle);
    }

    private void ComparisonColumn(P.FixedPage page, IReadOnlyList<M.Block> blocks, Rect area)
    {
        var rest = blocks.ToList();
        if (rest.FirstOrDefault() is M.Heading h)
        {
            rest.RemoveAt(0);
            page.AddRect(area with { Height = 44 }, _theme.Tint);
            page.AddRect(area with { Width = 4, Height = 44 }, _theme.Primary);
            var p = new P.PdfParagraph(new P.TextRun(h.Text) { Bold = true })
            { FontSize = 22, Color = _theme.Primary, SpaceAfter = 0, LineHeight = 1.15, Tag = new StructTag(StructRoles.H2) };
            page.AddBlock(new Rect(area.X + 14, area.Y, area.Width - 20, 44), p, shrinkToFit: true, VerticalAlign.Middle);
            area = new Rect(area.X, area.Y + 56, area.Width, area.Height - 56);
        }
        Region(page, rest, area);
    }

    /// <summary>
    /// Places blocks in an area as the PPTX writer does: text on top (shrunk to fit), images and tables below,
    /// fitted to what is left. Images keep their aspect ratio and their alt text.
    /// </summary>
    private void Region(P.FixedPage page, IReadOnlyList<M.Block> blocks, Rect area)
    {
        if (blocks.Count == 0) return;
        var text = new List<M.Block>();
        var visuals = new List<M.Block>();
        Split(blocks, text, visuals);
        var conv = new BlockConverter(_theme, BlockStyle.Slide);
        var converted = conv.Convert(text);
        if (visuals.Count == 0)
        {
            page.AddBlock(area, new P.Column(converted), shrinkToFit: true);
            return;
        }
        var visualArea = area;
        if (converted.Count > 0)
        {
            double natural = _measure.Height(conv.Convert(text), area.Width);
            double th = Math.Clamp(natural, 40, area.Height * 0.42);
            page.AddBlock(area with { Height = th }, new P.Column(converted), shrinkToFit: true);
            visualArea = new Rect(area.X, area.Y + th + 10, area.Width, area.Height - th - 10);
        }
        double each = (visualArea.Height - 10 * (visuals.Count - 1)) / visuals.Count;
        for (int i = 0; i < visuals.Count; i++)
        {
            var slot = visualArea with { Y = visualArea.Y + i * (each + 10), Height = each };
            if (visuals[i] is M.Image img && File.Exists(img.Path))
                page.AddImage(slot, _theme.Image(img.Path), string.IsNullOrWhiteSpace(img.Alt) ? null : img.Alt);
            else
                // Inset so the frame's clip does not cut the outer table borders in half.
                page.AddBlock(new Rect(slot.X + 1, slot.Y + 1, slot.Width - 2, slot.Height - 2), new P.Column(conv.Convert(visuals[i])), shrinkToFit: true);
        }
    }

    private static void Split(IEnumerable<M.Block> blocks, List<M.Block> text, List<M.Block> visuals)
    {
        foreach (var b in blocks)
        {
            switch (b)
            {
                case M.Image or M.Table: visuals.Add(b); break;
                case M.Div d when d.Class != "notes" && d.Blocks.Any(x => x is M.Image or M.Table):
                    if (!string.IsNullOrWhiteSpace(d.Title)) text.Add(new M.Heading(3, M.Inlines.Plain(d.Title!), ""));
                    Split(d.Blocks, text, visuals);
                    break;
                default: text.Add(b); break;
            }
        }
    }

    // ---- Pieces ---------------------------------------------------------------------------------------

    private static string Number(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private P.PdfParagraph TitleBlock(string text, double size, Color colour, int number, bool thumbnail)
    {
        if (thumbnail)
            return new P.PdfParagraph(new P.TextRun(text)) { FontSize = size, Bold = true, Color = colour, LineHeight = 1.15, SpaceAfter = 0, Tag = new StructTag(StructRoles.H1) };
        return new P.PdfHeading(1, text, "slide-" + Number(number)) { FontSize = size, Color = colour, LineHeight = 1.15, SpaceBefore = 0, SpaceAfter = 0 };
    }

    /// <summary>Measures blocks outside any page (for splitting a region between text and pictures).</summary>
    private sealed class LayoutContextCache(FontFamily fonts)
    {
        private P.LayoutContext? _ctx;
        public double Height(List<P.PdfBlock> blocks, double width)
        {
            _ctx ??= new P.LayoutContext(FontSet.Load(fonts), H);
            return new P.Column(blocks).MeasureHeight(_ctx, width);
        }
    }
}

/// <summary>A single line of decorative text (slide numbers): drawn as an artifact so screen readers skip it.</summary>
internal sealed class SlideText(string text, double size, Color colour, TextAlign align = TextAlign.Left) : P.PdfBlock
{
    public override P.LayoutResult Layout(P.LayoutContext context, double width, double height, bool topOfPage)
    {
        var f = context.Fonts.Regular;
        var pt = size;
        var shaped = TextShaper.Shape(f, text, pt);
        // A long line (say, an organisation's footer text) is set smaller rather than run off the slide.
        if (shaped.Width > width && width > 0) { pt = Math.Max(6, pt * width / shaped.Width * 0.99); shaped = TextShaper.Shape(f, text, pt); }
        double asc = f.ToPoints(f.Ascender, pt), h = f.ToPoints(f.Ascender - f.Descender, pt);
        double dx = align switch { TextAlign.Right => width - shaped.Width, TextAlign.Center => (width - shaped.Width) / 2, _ => 0 };
        return P.LayoutResult.Complete(new P.DelegateFragment(h, (c, x, y) =>
        {
            c.BeginArtifact();
            c.DrawText(shaped, x + dx, y + asc, colour);
            c.EndArtifact();
        }));
    }
}
