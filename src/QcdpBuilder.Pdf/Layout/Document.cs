using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Images;
using QcdpBuilder.Pdf.Writer;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>Page number and count, known before anything is drawn because pagination completes first.</summary>
public readonly record struct PageInfo(int Number, int Count);

/// <summary>
/// A running header or footer line: optional logo, and left/centre/right text. The placeholders
/// <c>{page}</c> and <c>{pages}</c> are replaced per page ("Page {page} of {pages}").
/// </summary>
public sealed class RunningBand
{
    public string? Left { get; set; }
    public string? Center { get; set; }
    public string? Right { get; set; }
    public PdfImage? Logo { get; set; }
    public double LogoHeight { get; set; } = 20;
    public double FontSize { get; set; } = 8.5;
    public Color Color { get; set; } = Color.FromHex("#555555");
    /// <summary>Draws a thin rule between the band and the body (below a header, above a footer).</summary>
    public bool Rule { get; set; }
    public Color RuleColor { get; set; } = Color.LightGrey;

    internal static string Fill(string s, PageInfo p) =>
        s.Replace("{page}", p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))
         .Replace("{pages}", p.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal double Height(FontSet fonts)
    {
        var f = fonts.Regular;
        double text = f.ToPoints(f.Ascender - f.Descender, FontSize);
        return Math.Max(text, Logo != null ? LogoHeight : 0);
    }

    internal void Draw(ICanvas c, FontSet fonts, double x, double y, double width, PageInfo page, bool isHeader)
    {
        var f = fonts.Regular;
        double h = Height(fonts);
        double asc = f.ToPoints(f.Ascender, FontSize), textH = f.ToPoints(f.Ascender - f.Descender, FontSize);
        double baseline = y + (h - textH) / 2 + asc;
        double leftX = x;
        if (Logo != null)
        {
            double lw = Logo.NaturalSize.Width * LogoHeight / Logo.NaturalSize.Height;
            c.DrawImage(Logo, new Rect(x, y + (h - LogoHeight) / 2, lw, LogoHeight));
            leftX += lw + 8;
        }
        void Text(string? s, TextAlign align)
        {
            if (string.IsNullOrEmpty(s)) return;
            var shaped = TextShaper.Shape(f, Fill(s, page), FontSize);
            double tx = align switch { TextAlign.Center => x + (width - shaped.Width) / 2, TextAlign.Right => x + width - shaped.Width, _ => leftX };
            c.DrawText(shaped, tx, baseline, Color);
        }
        Text(Left, TextAlign.Left); Text(Center, TextAlign.Center); Text(Right, TextAlign.Right);
        if (Rule)
        {
            double ry = isHeader ? y + h + 4 : y - 4;
            c.DrawLine(x, ry, x + width, ry, 0.5, RuleColor);
        }
    }
}

/// <summary>Page geometry and running bands shared by all flow pages of a document.</summary>
public sealed class PageTemplate
{
    public PageSize Size { get; set; } = PageSize.A4;
    public Margins Margins { get; set; } = new(56.7, 64, 56.7, 64);
    public RunningBand? Header { get; set; }
    public RunningBand? Footer { get; set; }
    /// <summary>Distance from the top edge of the page to the top of the header.</summary>
    public double HeaderDistance { get; set; } = 28;
    /// <summary>Distance from the bottom edge of the page to the bottom of the footer.</summary>
    public double FooterDistance { get; set; } = 28;
    public double ContentWidth => Size.Width - Margins.Left - Margins.Right;
    public double ContentHeight => Size.Height - Margins.Top - Margins.Bottom;
}

/// <summary>The outcome of pagination for one page, before drawing.</summary>
public sealed class PlannedPage
{
    internal PlannedPage(PageSize size, Fragment? body, Action<ICanvas, double, double>? fixedDraw, bool bands)
    { Size = size; Body = body; FixedDraw = fixedDraw; ShowBands = bands; }
    public PageSize Size { get; }
    /// <summary>The section the page belongs to (null before the first <see cref="PdfDocument.AddSection"/>).</summary>
    public Section? Section { get; internal set; }
    /// <summary>True for the first page of <see cref="Section"/>.</summary>
    public bool StartsSection => Starts.Count > 0;
    /// <summary>Sections (with their numbers) that start on this page: more than one when a section opens with another.</summary>
    internal List<(Section Section, int Number)> Starts { get; } = new();
    /// <summary>True for a blank page inserted so that a section starts on an odd page.</summary>
    public bool IsBlank { get; internal set; }
    internal int SectionNumber { get; set; }
    internal Fragment? Body { get; }
    internal Action<ICanvas, double, double>? FixedDraw { get; }
    internal bool ShowBands { get; }
    /// <summary>Height used by flowing content (0 for fixed pages).</summary>
    public double BodyHeight => Body?.Height ?? 0;
}

/// <summary>
/// A document: metadata, fonts, page template and content (flowing blocks and fixed pages, in order).
/// <see cref="Paginate"/> plans all pages first, so "page X of Y" is exact; <see cref="Render"/> then draws
/// onto any <see cref="ICanvas"/>, and <see cref="Save(Stream)"/> renders to PDF.
/// </summary>
/// <example>
/// <code>
/// var doc = new PdfDocument(new DocumentInfo { Title = "Handout", Date = fixedDate }, FontFamily.AtkinsonHyperlegible(root));
/// doc.Page.Footer = new RunningBand { Left = "Course title", Right = "Page {page} of {pages}" };
/// doc.Add(new PdfHeading(1, "Welcome"));
/// doc.Add(new PdfParagraph("Some ", new TextRun("bold") { Bold = true }, " text."));
/// doc.Save("out.pdf");
/// </code>
/// </example>
public sealed class PdfDocument
{
    private readonly List<object> _content = new();

    public PdfDocument(DocumentInfo info, FontFamily fonts)
    {
        Info = info; Fonts = fonts;
    }

    public DocumentInfo Info { get; }
    public FontFamily Fonts { get; }
    public PageTemplate Page { get; set; } = new();

    /// <summary>Appends a flowing block.</summary>
    public PdfDocument Add(PdfBlock block) { _content.Add(block); return this; }
    /// <summary>Appends a fixed page; flowing content before and after starts on its own pages.</summary>
    public PdfDocument AddPage(FixedPage page) { _content.Add(page); return this; }
    /// <summary>Starts a new section: the content after it begins on a new page (see <see cref="Section"/>).</summary>
    public PdfDocument AddSection(Section section) { _content.Add(section); return this; }

    /// <summary>
    /// Print as a folded booklet: the pages are padded with blanks to a multiple of four and placed two-up, scaled,
    /// on sheets of the page size turned landscape, in imposition order (n, 1, 2, n−1, n−2, 3, …), so that the
    /// sheets printed double-sided (flip on the short edge), stacked and folded read in order.
    /// </summary>
    public bool Booklet { get; set; }

    /// <summary>Loaded font faces (for measuring text when building content).</summary>
    public FontSet LoadFonts() => FontSet.Load(Fonts);

    /// <summary>Splits all content into pages. Pure: calling it twice yields the same plan.</summary>
    public IReadOnlyList<PlannedPage> Paginate()
    {
        var fonts = LoadFonts();
        var pages = new List<PlannedPage>();
        var t = Page;
        var ctx = new LayoutContext(fonts, t.ContentHeight);
        var flow = new List<PdfBlock>();
        Section? section = null;
        int sectionNumber = 0;
        var pending = new List<(Section, int)>();
        void AddPlanned(PlannedPage p)
        {
            p.Section = section; p.SectionNumber = sectionNumber;
            p.Starts.AddRange(pending);
            pending.Clear();
            pages.Add(p);
        }
        void FlushFlow()
        {
            if (flow.Count == 0) return;
            PdfBlock? rest = new Column(flow.ToList());
            flow.Clear();
            int guard = 0;
            while (rest != null && guard++ < 10000)
            {
                var r = rest.Layout(ctx, t.ContentWidth, t.ContentHeight, true);
                if (r.Placed == null) break; // cannot happen with Column's progress guarantee
                AddPlanned(new PlannedPage(t.Size, r.Placed, null, true));
                rest = r.Remainder;
            }
        }
        foreach (var item in _content)
        {
            if (item is PdfBlock b) { flow.Add(b); continue; }
            FlushFlow();
            if (item is Section s)
            {
                // Pages so far are 1..Count, so an odd count means the next page would be even (a left-hand page).
                if (s.StartOnOddPage && pages.Count % 2 == 1)
                {
                    // The blank belongs to the previous section; sections already waiting start after it.
                    var waiting = pending.ToList();
                    pending.Clear();
                    AddPlanned(new PlannedPage(t.Size, null, BlankPage(s.BlankPageText, t.Size, fonts), false) { IsBlank = true });
                    pending.AddRange(waiting);
                }
                section = s; sectionNumber++; pending.Add((s, sectionNumber));
                continue;
            }
            var fp = (FixedPage)item;
            var size = fp.Size ?? t.Size;
            AddPlanned(new PlannedPage(size, null, fp.Plan(new LayoutContext(fonts, size.Height), size), fp.ShowRunningBands));
        }
        FlushFlow();
        return pages;
    }

    /// <summary>A blank page, with an optional centred note (an artifact: it is not part of the content).</summary>
    private static Action<ICanvas, double, double>? BlankPage(string? text, PageSize size, FontSet fonts)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var shaped = TextShaper.Shape(fonts.Italic, text, 10);
        return (c, x, y) =>
        {
            c.BeginArtifact();
            c.DrawText(shaped, x + (size.Width - shaped.Width) / 2, y + size.Height / 2, Color.Grey);
            c.EndArtifact();
        };
    }

    /// <summary>Paginates and draws every page onto <paramref name="canvas"/>.</summary>
    public void Render(ICanvas canvas)
    {
        var fonts = LoadFonts();
        var pages = Paginate();
        // First pass: find the page of every destination, so contents entries can print page numbers.
        // Always in reading order (also for booklets), so page numbers are the pages' own.
        var collector = new RecordingCanvas();
        DrawPages(collector, fonts, pages, booklet: false);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < collector.Pages.Count; i++)
            foreach (var d in collector.Pages[i].Items.Where(it => it.Kind == "dest")) map.TryAdd(d.Text!, i + 1);
        using (PageReferences.Use(map)) DrawPages(canvas, fonts, pages, Booklet);
    }

    private void DrawPages(ICanvas target, FontSet fonts, IReadOnlyList<PlannedPage> pages, bool booklet)
    {
        var canvas = new OutlineCanvas(target, reorder: booklet);
        // Page numbers as printed: from 1 in each run of pages that starts with a section restarting the numbering.
        var runStarts = Enumerable.Range(0, pages.Count).Where(i => i == 0 || pages[i].Starts.Any(s => s.Section.RestartPageNumbers)).ToList();
        var numbers = new PageInfo[pages.Count];
        for (int r = 0; r < runStarts.Count; r++)
        {
            int end = r + 1 < runStarts.Count ? runStarts[r + 1] : pages.Count;
            for (int i = runStarts[r]; i < end; i++) numbers[i] = new PageInfo(i - runStarts[r] + 1, end - runStarts[r]);
        }
        if (!booklet)
        {
            for (int i = 0; i < pages.Count; i++)
            {
                canvas.BeginPage(pages[i].Size);
                DrawPage(canvas, fonts, pages[i], i, numbers[i]);
                canvas.EndPage();
            }
            return;
        }
        // Booklet: sheets of the page size turned landscape, each holding two pages side by side, scaled to fit.
        int n = (pages.Count + 3) / 4 * 4;
        var sheet = Page.Size.Landscape();
        double half = sheet.Width / 2, scale = Math.Min(half / Page.Size.Width, sheet.Height / Page.Size.Height);
        double w = Page.Size.Width * scale, h = Page.Size.Height * scale;
        foreach (var (left, right) in BookletOrder(n))
        {
            canvas.BeginPage(sheet);
            foreach (var (index, x0) in new[] { (left, 0.0), (right, half) })
            {
                if (index >= pages.Count) continue; // padding: a blank half
                canvas.SaveState();
                canvas.Transform(x0 + (half - w) / 2, (sheet.Height - h) / 2, scale);
                DrawPage(canvas, fonts, pages[index], index, numbers[index]);
                canvas.RestoreState();
            }
            canvas.EndPage();
        }
        canvas.Flush();
    }

    /// <summary>
    /// The page pairs (0-based, left then right) of each sheet side of a saddle-stitched booklet of
    /// <paramref name="pageCount"/> pages (a multiple of four): n,1 / 2,n−1 / n−2,3 / 4,n−3 … in 1-based terms.
    /// </summary>
    public static IEnumerable<(int Left, int Right)> BookletOrder(int pageCount)
    {
        for (int i = 0; i < pageCount / 2; i++)
            yield return i % 2 == 0 ? (pageCount - 1 - i, i) : (i, pageCount - 1 - i);
    }

    private static string DestinationOf(Section s, int number) => s.Destination ?? $"section-{number}";

    private void DrawPage(OutlineCanvas canvas, FontSet fonts, PlannedPage p, int index, PageInfo info)
    {
        var t = Page;
        canvas.LogicalPage = index;
        var header = p.Section?.Header ?? t.Header;
        var footer = p.Section?.Footer ?? t.Footer;
        canvas.Scope = null;
        foreach (var (s, number) in p.Starts)
        {
            var dest = DestinationOf(s, number);
            canvas.AddDestination(dest, 0);
            if (s.Title != null) canvas.AddSectionOutline(s.OutlineLevel, s.Title, dest);
        }
        if (p.Section is { ScopeDestinations: true } scoped) canvas.Scope = DestinationOf(scoped, p.SectionNumber);
        canvas.Offset = p.Section is { Title: not null, NestHeadings: true } ns ? ns.OutlineLevel : 0;
        if (p.ShowBands && header != null)
        {
            canvas.BeginArtifact();
            header.Draw(canvas, fonts, t.Margins.Left, t.HeaderDistance, p.Size.Width - t.Margins.Left - t.Margins.Right, info, true);
            canvas.EndArtifact();
        }
        p.Body?.Draw(canvas, t.Margins.Left, t.Margins.Top);
        p.FixedDraw?.Invoke(canvas, 0, 0);
        if (p.ShowBands && footer != null)
        {
            canvas.BeginArtifact();
            double fh = footer.Height(fonts);
            footer.Draw(canvas, fonts, t.Margins.Left, p.Size.Height - t.FooterDistance - fh, p.Size.Width - t.Margins.Left - t.Margins.Right, info, false);
            canvas.EndArtifact();
        }
        canvas.Offset = 0;
        canvas.Scope = null;
    }

    /// <summary>Renders the document as PDF into <paramref name="output"/>.</summary>
    public void Save(Stream output) => output.Write(ToPdfBytes());

    /// <summary>Renders the document as PDF to a file (directories are created).</summary>
    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir != null) Directory.CreateDirectory(dir);
        using var fs = File.Create(path);
        Save(fs);
    }

    /// <summary>Renders the document as PDF bytes.</summary>
    public byte[] ToPdfBytes()
    {
        var canvas = new PdfCanvas(Info);
        Render(canvas);
        return canvas.ToBytes();
    }
}

/// <summary>
/// A plain-text description of the laid-out document (per page: each drawn item's kind, structure role,
/// rectangle rounded to 0.1 pt, and text). Stable across runs, so consumers can use it for golden-file tests.
/// </summary>
public static class LayoutDump
{
    public static string Write(PdfDocument document)
    {
        var rec = new RecordingCanvas();
        document.Render(rec);
        return rec.Dump();
    }
}
