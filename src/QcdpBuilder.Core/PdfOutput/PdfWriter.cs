using QcdpBuilder.Branding;
using QcdpBuilder.Decks;
using QcdpBuilder.Pdf;
using QcdpBuilder.Pdf.Forms;
using QcdpBuilder.Pdf.Writer;
using M = QcdpBuilder.Documents;
using P = QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.PdfOutput;

/// <summary>What a document PDF is for: a facilitator guide (cover + linked contents), a printed handout, or the
/// fillable applicant contract (real AcroForm fields).</summary>
public enum PdfKind { Guide, Handout, Form }

/// <summary>
/// Writes course documents and decks as tagged, font-embedded, deterministic PDFs with the brand applied.
/// Every <c>Build…</c> method returns the engine document (for golden layout dumps via <see cref="Dump(P.PdfDocument)"/>);
/// the other methods render it to bytes. The output depends only on the inputs (the date is
/// <see cref="Brand.BuildDate"/>), so the same input always gives the same bytes.
/// </summary>
public static class PdfWriter
{
    public static byte[] Write(M.Document doc, Brand brand, PdfKind kind) => Build(doc, brand, kind).ToPdfBytes();

    /// <summary>
    /// What is wrong with a font face an organisation names (message and hint), or null if it loads: every PDF
    /// embeds the brand's faces, so one that cannot be read is reported on the profile's line, not in each PDF.
    /// </summary>
    public static (string Message, string Hint)? CheckFont(string path)
    {
        try
        {
            Pdf.Fonts.TrueTypeFont.Load(path);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = e is NotSupportedException or InvalidDataException ? e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 1)..].Trim() : "the file is damaged, cut short or of another kind";
            return ($"is not a readable TrueType font ({reason.TrimEnd('.')})", "use the .ttf files of the font family (OpenType .otf with PostScript outlines is not supported)");
        }
    }
    public static byte[] Slides(Deck deck, Brand brand) => BuildSlides(deck, brand).ToPdfBytes();
    public static byte[] NotesHandout(Deck deck, Brand brand) => BuildNotesHandout(deck, brand).ToPdfBytes();
    public static byte[] SpeakerNotes(Deck deck, Brand brand) => BuildSpeakerNotes(deck, brand).ToPdfBytes();

    /// <summary>The laid-out pages as text (see <see cref="P.LayoutDump"/>), for golden tests.</summary>
    public static string Dump(P.PdfDocument pdf) => P.LayoutDump.Write(pdf);
    public static string Dump(M.Document doc, Brand brand, PdfKind kind) => Dump(Build(doc, brand, kind));

    // ---- Documents --------------------------------------------------------------------------------------

    public static P.PdfDocument Build(M.Document doc, Brand brand, PdfKind kind)
    {
        var theme = new PdfTheme(brand);
        var pdf = NewDocument(theme, doc.Title, kind switch
        {
            PdfKind.Guide => "Facilitator guide", PdfKind.Form => "Form", _ => "Handout",
        });
        var conv = new BlockConverter(theme, BlockStyle.Print with { Interactive = kind == PdfKind.Form });
        var body = kind == PdfKind.Guide ? conv.Convert(doc.Blocks) : Sections(conv, doc.Blocks);
        if (kind == PdfKind.Guide)
        {
            pdf.Page.Header = new P.RunningBand { Logo = theme.Logo, Left = $"{brand.ShortName} \u00B7 {doc.Title}", Rule = true };
            pdf.Page.Footer = new P.RunningBand { Left = brand.FooterText, Right = "Page {page} of {pages}", Rule = true };
            pdf.AddPage(Cover(theme, doc));
            // The two top heading levels present (documents that start at H2 get H2 entries at the first level).
            var all = Headings(doc.Blocks).ToList();
            int top = all.Count == 0 ? 1 : all.Min(h => h.Level);
            var headings = all.Where(h => h.Level <= top + 1).ToList();
            if (headings.Count > 0)
            {
                pdf.Add(new P.PdfHeading(1, "Contents", "contents") { InOutline = false, Color = theme.Primary, FontSize = 20, SpaceBefore = 0, SpaceAfter = 14 });
                foreach (var h in headings)
                {
                    int level = h.Level - top + 1;
                    pdf.Add(new P.ContentsEntry(h.Text, BlockConverter.DestinationOf(h), level)
                    {
                        Bold = level == 1, Color = theme.Text, FontSize = level == 1 ? 11.5 : 10.5,
                        SpaceBefore = level == 1 ? 6 : 0,
                    });
                }
                pdf.Add(new P.PdfPageBreak());
            }
        }
        else
        {
            pdf.Page.Header = new P.RunningBand { Logo = theme.Logo, Left = brand.OrganisationName, Rule = true };
            pdf.Page.Footer = new P.RunningBand { Left = brand.FooterText, Right = "Page {page} of {pages}", Rule = true };
            TitleBlock(pdf, theme, doc);
        }
        foreach (var b in body) pdf.Add(b);
        return pdf;
    }

    /// <summary>
    /// Appends a document laid out as a handout (title, subtitle, rule, then the body with short sections kept
    /// together) to <paramref name="pdf"/>, so a bigger document (a session pack) can hold it as one of its sections.
    /// </summary>
    internal static void AppendHandout(P.PdfDocument pdf, PdfTheme theme, M.Document doc, bool titleInOutline = true)
    {
        TitleBlock(pdf, theme, doc, titleInOutline);
        foreach (var b in Sections(new BlockConverter(theme, BlockStyle.Print), doc.Blocks)) pdf.Add(b);
    }

    private static void TitleBlock(P.PdfDocument pdf, PdfTheme theme, M.Document doc, bool inOutline = true)
    {
        pdf.Add(new P.PdfHeading(1, doc.Title, "document-title") { Color = theme.Primary, FontSize = 22, SpaceBefore = 0, SpaceAfter = 4, InOutline = inOutline });
        if (!string.IsNullOrWhiteSpace(doc.Subtitle))
            pdf.Add(new P.PdfParagraph(doc.Subtitle!) { FontSize = 13, Color = theme.Muted, SpaceAfter = 4, KeepWithNext = true });
        pdf.Add(new P.HorizontalRule { Color = theme.Accent, Thickness = 2, SpaceBefore = 4, SpaceAfter = 12 });
    }

    /// <summary>
    /// Worksheets read best when a short section (a heading, its prompt and its writing space)
    /// stays on one page, so each short section is kept together; long ones flow as usual.
    /// </summary>
    private static List<P.PdfBlock> Sections(BlockConverter conv, IReadOnlyList<M.Block> blocks)
    {
        const int ShortSection = 10;
        var result = new List<P.PdfBlock>();
        var section = new List<M.Block>();
        void Flush()
        {
            if (section.Count == 0) return;
            var converted = conv.Convert(section);
            // Pictures, tables and boxes are big: moving them whole would leave half-empty pages.
            var small = section.Count <= ShortSection && !section.Any(b => b is M.Image or M.Table or M.Div or M.CodeBlock or M.Quote);
            if (section[0] is M.Heading && small && converted.Count > 1)
                result.Add(new P.KeepTogether(converted.ToArray()) { SpaceBefore = converted[0].SpaceBefore, SplitWhenFits = 0.6 });
            else result.AddRange(converted);
            section.Clear();
        }
        foreach (var b in blocks)
        {
            if (b is M.Heading) Flush();
            // A page break ends the section: inside a keep-together group it would be lost.
            if (b is M.PageBreak) { Flush(); result.AddRange(conv.Convert(b)); continue; }
            section.Add(b);
        }
        Flush();
        return result;
    }

    internal static P.PdfDocument NewDocument(PdfTheme theme, string title, string subject)
    {
        var info = new DocumentInfo
        {
            Title = title, Author = theme.Brand.OrganisationName, Subject = subject, Date = theme.Brand.BuildDate,
            Keywords = theme.Brand.ProgrammeTitle, Language = "en-GB",
        };
        var pdf = new P.PdfDocument(info, theme.Fonts);
        pdf.Page.Size = theme.Paper;
        pdf.Page.Margins = theme.Margins;
        return pdf;
    }

    /// <summary>Headings in reading order, including those inside divs (callouts, columns).</summary>
    private static IEnumerable<M.Heading> Headings(IEnumerable<M.Block> blocks)
    {
        foreach (var b in blocks)
        {
            if (b is M.Heading h) yield return h;
            else if (b is M.Div d && d.Class != "activity" && d.Class != "callout")
                foreach (var x in Headings(d.Blocks)) yield return x;
        }
    }

    /// <summary>The guide's cover: title band in Primary, logo, organisation, programme and version.</summary>
    private static P.FixedPage Cover(PdfTheme theme, M.Document doc)
    {
        var size = theme.Paper;
        double left = theme.Margins.Left, width = size.Width - 2 * left, band = Math.Round(size.Height * 0.46);
        var page = new P.FixedPage { Size = size };
        page.AddRect(new Rect(0, 0, size.Width, band), theme.Primary);
        page.AddRect(new Rect(0, band, size.Width, 6), theme.Accent);
        page.AddBlock(new Rect(left, 90, width, band - 90 - 110), new P.PdfParagraph(new P.TextRun(doc.Title))
        {
            FontSize = 34, Bold = true, Color = Color.White, LineHeight = 1.15, SpaceAfter = 0,
            Tag = new Pdf.Tagging.StructTag(Pdf.Tagging.StructRoles.H1),
        }, shrinkToFit: true, VerticalAlign.Bottom);
        if (!string.IsNullOrWhiteSpace(doc.Subtitle))
            page.AddBlock(new Rect(left, band - 100, width, 80), new P.PdfParagraph(doc.Subtitle!)
                { FontSize = 17, Color = Color.White, SpaceAfter = 0 }, shrinkToFit: true);
        double y = band + 40;
        if (theme.Logo is { } logo)
        {
            page.AddImage(new Rect(left, y, Math.Min(width, 240), 70), logo, theme.Brand.OrganisationName + " logo", TextAlign.Left);
            y += 100;
        }
        var lines = new P.Column();
        lines.Add(new P.PdfParagraph(new P.TextRun(theme.Brand.OrganisationName) { Bold = true }) { FontSize = 15, Color = theme.Text, SpaceAfter = 4 });
        lines.Add(new P.PdfParagraph(theme.Brand.ProgrammeTitle) { FontSize = 13, Color = theme.Primary, SpaceAfter = 14 });
        if (doc.Meta.TryGetValue("version", out var version) && !string.IsNullOrWhiteSpace(version))
            lines.Add(new P.PdfParagraph("Version " + version) { FontSize = 11, Color = theme.Muted, SpaceAfter = 0 });
        page.AddBlock(new Rect(left, y, width, size.Height - y - 60), lines);
        return page;
    }

    // ---- Decks ------------------------------------------------------------------------------------------

    /// <summary>One 16:9 page per slide, mirroring the PPTX design; each slide title is a bookmark.</summary>
    public static P.PdfDocument BuildSlides(Deck deck, Brand brand)
    {
        var theme = new PdfTheme(brand);
        var pdf = NewDocument(theme, deck.Title, "Slides");
        pdf.Page.Size = PageSize.Slide16x9;
        var slides = new SlideRenderer(theme, deck);
        for (int i = 0; i < deck.Slides.Count; i++) pdf.AddPage(slides.Render(deck.Slides[i], i + 1, thumbnail: false));
        return pdf;
    }

    /// <summary>Three slides per page, each with ruled lines beside it for the participant's notes.</summary>
    public static P.PdfDocument BuildNotesHandout(Deck deck, Brand brand)
    {
        var theme = new PdfTheme(brand);
        var pdf = NewDocument(theme, deck.Title + " \u2013 notes pages", "Notes handout");
        DeckBands(pdf, theme, deck);
        pdf.Add(new P.PdfHeading(1, deck.Title, "document-title") { Color = theme.Primary, FontSize = 16, SpaceBefore = 0, SpaceAfter = 8 });
        AppendNotesHandout(pdf, theme, deck);
        return pdf;
    }

    /// <summary>Appends the three-slides-a-page table with writing lines (no title) to <paramref name="pdf"/>.</summary>
    internal static void AppendNotesHandout(P.PdfDocument pdf, PdfTheme theme, Deck deck)
    {
        var slides = new SlideRenderer(theme, deck);
        double width = pdf.Page.ContentWidth, thumbW = Math.Round(width * 0.56);
        var table = new P.PdfTable(P.TableColumn.Fixed(thumbW + 10), P.TableColumn.Relative())
        { BorderWidth = 0, CellPadding = 5, SpaceAfter = 0 };
        for (int i = 0; i < deck.Slides.Count; i++)
        {
            var slide = deck.Slides[i];
            var label = new P.PdfParagraph(new P.TextRun($"Slide {i + 1}") { Bold = true }) { FontSize = 9, Color = theme.Muted, SpaceAfter = 3 };
            var thumb = new P.FixedPageThumbnail(slides.Render(slide, i + 1, thumbnail: true), PageSize.Slide16x9) { MaxWidth = thumbW, SpaceAfter = 0 };
            var lines = new PdfWritingLines(7, 26)
            {
                LineColor = theme.LineColour, Description = $"Notes on slide {i + 1}", SpaceAfter = 0,
            };
            var notesLabel = new P.PdfParagraph("Notes") { FontSize = 9, Color = theme.Muted, SpaceAfter = 0 };
            table.Rows.Add(new P.PdfTableRow(new P.TableCell(label, thumb), new P.TableCell(notesLabel, lines)) { MinHeight = 205 });
        }
        pdf.Add(table);
    }

    /// <summary>For the facilitator: each slide at the top of a page with its speaker notes below.</summary>
    public static P.PdfDocument BuildSpeakerNotes(Deck deck, Brand brand)
    {
        var theme = new PdfTheme(brand);
        var pdf = NewDocument(theme, deck.Title + " \u2013 speaker notes", "Speaker notes");
        DeckBands(pdf, theme, deck);
        AppendSpeakerNotes(pdf, theme, deck);
        return pdf;
    }

    /// <summary>Appends one page per slide (a level-2 heading, the slide, its speaker notes) to <paramref name="pdf"/>.</summary>
    internal static void AppendSpeakerNotes(P.PdfDocument pdf, PdfTheme theme, Deck deck, bool breakBeforeFirst = false)
    {
        var slides = new SlideRenderer(theme, deck);
        var conv = new BlockConverter(theme, BlockStyle.Print);
        for (int i = 0; i < deck.Slides.Count; i++)
        {
            var slide = deck.Slides[i];
            if (i > 0 || breakBeforeFirst) pdf.Add(new P.PdfPageBreak());
            var title = string.IsNullOrWhiteSpace(slide.Title) ? (slide.Layout == SlideLayout.Title ? deck.Title : "Untitled slide") : slide.Title;
            pdf.Add(new P.PdfHeading(2, $"Slide {i + 1}: {title}", $"notes-slide-{i + 1}") { Color = theme.Primary, FontSize = 13, SpaceBefore = 0, SpaceAfter = 8 });
            pdf.Add(new P.FixedPageThumbnail(slides.Render(slide, i + 1, thumbnail: true), PageSize.Slide16x9) { SpaceAfter = 16 });
            var notes = conv.Convert(slide.Notes);
            if (notes.Count == 0)
                notes.Add(new P.PdfParagraph(new P.TextRun("No speaker notes for this slide.") { Italic = true }) { Color = theme.Muted });
            foreach (var b in notes) pdf.Add(b);
        }
    }

    private static void DeckBands(P.PdfDocument pdf, PdfTheme theme, Deck deck)
    {
        pdf.Page.Header = new P.RunningBand { Logo = theme.Logo, Left = deck.Title, Right = theme.Brand.ShortName, Rule = true };
        pdf.Page.Footer = new P.RunningBand { Left = theme.Brand.FooterText, Right = "Page {page} of {pages}", Rule = true };
    }
}
