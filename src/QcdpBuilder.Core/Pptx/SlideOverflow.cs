using QcdpBuilder.Branding;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;
using QcdpBuilder.Packaging;
using QcdpBuilder.Pdf.Fonts;
using static QcdpBuilder.Pptx.PptxXml;

namespace QcdpBuilder.Pptx;

/// <summary>
/// Finds slide text that will not fit its placeholder (rule QCDP503). The writer shrinks text
/// that is too long, in steps, down to 14pt for body text and 24pt for titles; past that
/// PowerPoint squeezes it further and LibreOffice lets it run off the box. This check puts
/// each slide's text in the same placeholders of the same reference deck, wraps it word by
/// word with the deck's real TrueType fonts at those smallest sizes, and reports by how much
/// the text is taller than the box.
/// </summary>
public sealed class SlideOverflow
{
    const double InsetsX = 14.4, InsetsY = 7.2;   // the placeholders' bodyPr insets, in points
    const double MinBodyPt = 14, MinTitlePt = 24; // the smallest sizes SlideComposer shrinks to
    readonly LayoutCatalogue catalogue;
    readonly FontSet fonts;
    readonly IReadOnlyDictionary<string, string>? layoutNames;

    public SlideOverflow(Brand brand, string? referenceDeckPath = null)
    {
        var package = referenceDeckPath is null ? ReferenceDeck.For(brand) : ReferenceDeck.Open(referenceDeckPath);
        var pres = Pml.Presentation(package) ?? throw new InvalidOperationException("The reference deck has no presentation part.");
        catalogue = LayoutCatalogue.Of(package, pres);
        layoutNames = brand.LayoutNames;  // the organisation's names for our layouts, as PptxWriter uses them
        fonts = FontSet.Load(new FontFamily(brand.Fonts.Regular, brand.Fonts.Bold, brand.Fonts.Italic, brand.Fonts.BoldItalic));
    }

    /// <summary>One box of text that is too tall: which, how tall it would be and how tall the box is, in points.</summary>
    public sealed record Finding(int Slide, string Slot, double NeededPt, double AvailablePt, double SizePt)
    {
        public double ExcessPt => NeededPt - AvailablePt;
    }

    /// <summary>Reports every overflowing box of <paramref name="deck"/> as a warning at its slide's line in <paramref name="file"/>.</summary>
    public void Check(Deck deck, string file, DiagnosticBag diagnostics)
    {
        foreach (var f in Measure(deck))
        {
            var slide = deck.Slides[f.Slide - 1];
            var name = slide.Title.Length > 0 ? slide.Title : "untitled";
            diagnostics.Report(Rules.SlideOverflow, new SourceSpan(file, Math.Max(1, slide.SourceLine), 1),
                $"slide {f.Slide} ('{name}'): the {f.Slot} is {f.ExcessPt:0}pt ({f.ExcessPt / f.AvailablePt:0%}) too tall for its placeholder even at {f.SizePt:0}pt",
                f.Slot == "title" ? "shorten the title" : "cut words (keep slides to a few short bullets), split the slide in two, or move the detail into the speaker notes");
        }
    }

    /// <summary>Every box of text in the deck that does not fit, with the slide's 1-based number.</summary>
    public List<Finding> Measure(Deck deck)
    {
        var findings = new List<Finding>();
        for (var i = 0; i < deck.Slides.Count; i++)
            foreach (var (slot, paras, rect, sizes, min) in Boxes(deck, deck.Slides[i]))
            {
                if (paras.Count == 0 || rect.Cx <= 0 || rect.Cy <= 0) continue;
                var smallest = Scaled(sizes, min);
                var needed = Height(paras, rect.WidthPt, smallest);
                // Half a point of slack: rounding in the placeholder sizes is not an overflow.
                if (needed > rect.HeightPt + 0.5) findings.Add(new Finding(i + 1, slot, needed, rect.HeightPt, smallest[0]));
            }
        return findings;
    }

    /// <summary>The boxes SlideComposer fills for this slide: the same layouts, placeholders and split of text from pictures and tables.</summary>
    IEnumerable<(string Slot, List<TextPara> Paras, Rect Rect, double[] Sizes, double Min)> Boxes(Deck deck, Slide slide)
    {
        var layout = catalogue.Find(slide.Layout, layoutNames);
        var phs = layout.Placeholders;
        var titlePh = phs.FirstOrDefault(p => p.IsTitle);
        var contents = phs.Where(p => p.IsContent).OrderBy(p => p.Rect.X).ThenBy(p => p.Rect.Y).ToList();
        var isTitle = slide.Layout == SlideLayout.Title;
        var title = isTitle && string.IsNullOrWhiteSpace(slide.Title) ? deck.Title : slide.Title;
        if (!string.IsNullOrWhiteSpace(title) && titlePh is not null)
        {
            var size = titlePh.Lvl1Size ?? catalogue.TitleSize;
            yield return ("title", [new TextPara(0, BulletKind.None, Inlines.Plain(title)) { Bold = true }], titlePh.Rect, [size], Math.Min(size, isTitle ? 28 : MinTitlePt));
        }

        IEnumerable<(string, List<TextPara>, Rect, double[], double)> Region(IReadOnlyList<Block> blocks, PlaceholderInfo? ph, string slot)
        {
            if (ph is null || blocks.Count == 0) yield break;
            var text = new List<Block>();
            var visuals = new List<Block>();
            SlideComposer.Split(blocks, text, visuals);
            var paras = TextBlocks.From(text);
            var sizes = catalogue.SizesFor(ph);
            var area = ph.Rect;
            // With a picture or table below, the writer gives text at most two fifths of the area.
            if (visuals.Count > 0) area = area with { Cy = area.Cy * 2 / 5 };
            yield return (slot, paras, area, sizes, Math.Min(MinBodyPt, sizes[0]));
        }

        switch (slide.Layout)
        {
            case SlideLayout.Title:
            case SlideLayout.SectionHeader:
            {
                var subtitle = slide.Subtitle ?? (isTitle ? deck.Subtitle : null);
                List<Block> blocks = subtitle is null ? [] : [new Paragraph(Inlines.Plain(subtitle))];
                blocks.AddRange(slide.Body);
                blocks.AddRange(slide.Right);
                foreach (var box in Region(blocks, phs.FirstOrDefault(p => p.Type == "subTitle") ?? contents.FirstOrDefault(), "text")) yield return box;
                break;
            }
            case SlideLayout.TwoContent or SlideLayout.Comparison:
            {
                var middle = catalogue.SlideWidth / 2;
                var left = contents.Where(p => p.Rect.X + p.Rect.Cx / 2 < middle).ToList();
                var right = contents.Where(p => p.Rect.X + p.Rect.Cx / 2 >= middle).ToList();
                if (left.Count == 0 || right.Count == 0)
                {
                    foreach (var box in Region(slide.Body.Concat(slide.Right).ToList(), contents.OrderByDescending(p => p.Rect.Area).FirstOrDefault(), "text")) yield return box;
                    break;
                }
                foreach (var (blocks, phsOfColumn, side) in new[] { (slide.Body, left, "left column"), (slide.Right, right, "right column") })
                {
                    var content = phsOfColumn.OrderByDescending(p => p.Rect.Area).First();
                    var heading = phsOfColumn.FirstOrDefault(p => p != content && p.Rect.Y < content.Rect.Y);
                    var rest = blocks.ToList();
                    if (slide.Layout == SlideLayout.Comparison && heading is not null && rest.FirstOrDefault() is Heading h)
                    {
                        rest.RemoveAt(0);
                        foreach (var box in Region([new Paragraph(h.Content)], heading, side + " heading")) yield return box;
                    }
                    foreach (var box in Region(rest, content, side)) yield return box;
                }
                break;
            }
            case SlideLayout.ContentWithCaption:
            {
                var picturePh = contents.FirstOrDefault(p => p.Type == "pic") ?? contents.OrderByDescending(p => p.Rect.Area).FirstOrDefault();
                var captionPh = contents.FirstOrDefault(p => p != picturePh);
                var body = slide.Body.Where(b => b is not Image).ToList();
                if (captionPh is not null) foreach (var box in Region(body, captionPh, "caption")) yield return box;
                break;
            }
            default:
            {
                var blocks = slide.Body.Concat(slide.Right).ToList();
                if (slide.Picture is not null) blocks.Add(slide.Picture);
                foreach (var box in Region(blocks, contents.OrderByDescending(p => p.Rect.Area).FirstOrDefault(), "text")) yield return box;
                break;
            }
        }
    }

    static double[] Scaled(double[] sizes, double min)
    {
        var top = sizes[0];
        return sizes.Select(s => Math.Min(s, Math.Max(min, Math.Round(s * min / top)))).ToArray();
    }

    /// <summary>The height of the paragraphs wrapped into <paramref name="widthPt"/>, with the real glyph widths of each run's face.</summary>
    double Height(IReadOnlyList<TextPara> paras, double widthPt, double[] sizes)
    {
        var total = InsetsY;
        for (var i = 0; i < paras.Count; i++)
        {
            var p = paras[i];
            var size = TextFitter.Size(sizes, p);
            var indents = catalogue.BodyIndents;
            var indent = p.Level == 0 && p.Bullet == BulletKind.None ? 0 : indents[Math.Min(p.Level, indents.Length - 1)];
            var width = Math.Max(size * 4, widthPt - InsetsX - indent);
            var face = fonts.Face(p.Bold, p.Italic);
            // Single line spacing: the font's ascent plus descent, and never less than the usual 1.2 em.
            var lineHeight = Math.Max(size * 1.2, (face.Ascender - face.Descender) / (double)face.UnitsPerEm * size);
            total += Lines(p, size, width) * lineHeight + (i == 0 ? 0 : size * 0.4);
        }
        return total;
    }

    /// <summary>Greedy word wrap, as PowerPoint and LibreOffice do; a word longer than the line breaks across lines.</summary>
    int Lines(TextPara p, double size, double width)
    {
        var lines = 1;
        var x = 0.0;
        foreach (var inline in p.Inlines)
        {
            if (inline is LineBreak) { lines++; x = 0; continue; }
            if (inline is not Run r) continue;
            var face = fonts.Face(p.Bold || r.Bold, p.Italic || r.Italic);
            var mono = p.Mono || r.Code;
            double Measure(string s) => mono ? s.Length * size * 0.6 : TextShaper.Measure(face, s, size);
            var space = Measure(" ");
            foreach (var (word, spaceBefore) in Words(r.Text))
            {
                var w = Measure(word);
                var gap = spaceBefore && x > 0 ? space : 0;
                if (x > 0 && x + gap + w > width) { lines++; x = 0; gap = 0; }
                while (w > width) { lines++; w -= width; }
                x += gap + w;
            }
        }
        return lines;
    }

    static IEnumerable<(string Word, bool SpaceBefore)> Words(string text)
    {
        var space = false;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isSpace = i == text.Length || char.IsWhiteSpace(text[i]);
            if (isSpace && start >= 0) { yield return (text[start..i], space); space = false; start = -1; }
            if (i == text.Length) break;
            if (isSpace) space = true;
            else if (start < 0) start = i;
        }
    }
}
