using QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.Pdf.Tests;

/// <summary>A fixed-size, unsplittable block that marks where it was drawn with a named destination.</summary>
internal sealed class MockBlock : PdfBlock
{
    public MockBlock(string name, double height, bool keepWithNext = false) { Name = name; Height = height; KeepWithNext = keepWithNext; }
    public string Name { get; }
    public double Height { get; }
    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage) =>
        Height > height && !topOfPage ? LayoutResult.Nothing(this)
            : LayoutResult.Complete(new DelegateFragment(Height, (c, x, y) => { c.AddDestination(Name, y); c.DrawRect(new Rect(x, y, width, Height), null); }));
}

public class LayoutTests
{
    private static PdfDocument NewDoc()
    {
        var doc = new PdfDocument(TestSupport.Info(), TestSupport.Family);
        doc.Page.Size = new PageSize(400, 500);
        doc.Page.Margins = new Margins(50); // content area 300 × 400
        return doc;
    }

    private static List<List<string>> MarkersPerPage(PdfDocument doc)
    {
        var rec = new RecordingCanvas();
        doc.Render(rec);
        return rec.Pages.Select(p => p.Items.Where(i => i.Kind == "dest").Select(i => i.Text!).ToList()).ToList();
    }

    [Fact]
    public void Blocks_flow_onto_new_pages_when_full()
    {
        var doc = NewDoc();
        for (int i = 0; i < 10; i++) doc.Add(new MockBlock($"b{i}", 100));
        var pages = MarkersPerPage(doc);
        Assert.Equal(3, pages.Count);
        Assert.Equal(["b0", "b1", "b2", "b3"], pages[0]);
        Assert.Equal(["b8", "b9"], pages[2]);
    }

    [Theory]
    [InlineData(1.0, 250, new[] { "filler" })]                      // default: a group that does not fit whole moves
    [InlineData(0.6, 250, new[] { "filler", "g0", "g1", "g2" })]    // 150 of 200 fits (75% >= 60%): split instead
    [InlineData(0.6, 300, new[] { "filler" })]                      // 100 of 200 fits (50% < 60%): move
    public void Keep_together_moves_or_splits_by_how_much_fits(double splitWhenFits, double filler, string[] firstPage)
    {
        var doc = NewDoc();
        doc.Add(new MockBlock("filler", filler));
        doc.Add(new KeepTogether(new MockBlock("g0", 50), new MockBlock("g1", 50), new MockBlock("g2", 50), new MockBlock("g3", 50)) { SplitWhenFits = splitWhenFits });
        var pages = MarkersPerPage(doc);
        Assert.Equal(firstPage, pages[0]);
        Assert.Equal(2, pages.Count);
    }

    [Fact]
    public void Explicit_page_break_starts_a_new_page_but_never_a_blank_one()
    {
        var doc = NewDoc();
        doc.Add(new MockBlock("a", 50)).Add(new PdfPageBreak()).Add(new PdfPageBreak()).Add(new MockBlock("b", 50));
        var pages = MarkersPerPage(doc);
        Assert.Equal(2, pages.Count);
        Assert.Equal(["b"], pages[1]);
    }

    [Fact]
    public void Keep_with_next_never_strands_a_heading_at_the_bottom()
    {
        var doc = NewDoc();
        doc.Add(new MockBlock("filler", 330));
        doc.Add(new MockBlock("heading", 30, keepWithNext: true)); // fits (360) but the next block would not
        doc.Add(new MockBlock("body", 60));
        var pages = MarkersPerPage(doc);
        Assert.Equal(["filler"], pages[0]);
        Assert.Equal(["heading", "body"], pages[1]);
    }

    [Fact]
    public void Chains_of_keep_with_next_blocks_move_together()
    {
        var doc = NewDoc();
        doc.Add(new MockBlock("filler", 300));
        doc.Add(new MockBlock("h1", 30, true));
        doc.Add(new MockBlock("h2", 30, true));
        doc.Add(new MockBlock("body", 60));
        var pages = MarkersPerPage(doc);
        Assert.Equal(["filler"], pages[0]);
        Assert.Equal(["h1", "h2", "body"], pages[1]);
    }

    [Fact]
    public void Real_heading_is_kept_with_following_paragraph()
    {
        var doc = NewDoc();
        doc.Add(new MockBlock("filler", 370));
        doc.Add(new PdfHeading(2, "Stranded?"));
        doc.Add(new PdfParagraph("Body text that follows the heading and needs a couple of lines to be shown on the page at all."));
        var rec = new RecordingCanvas();
        doc.Render(rec);
        Assert.DoesNotContain("Stranded?", rec.Pages[0].Text);
        Assert.StartsWith("Stranded?", rec.Pages[1].Text);
    }

    [Fact]
    public void Oversized_block_at_top_of_page_is_placed_rather_than_looping()
    {
        var doc = NewDoc();
        doc.Add(new MockBlock("small", 10)).Add(new MockBlock("huge", 900)).Add(new MockBlock("after", 10));
        var pages = MarkersPerPage(doc);
        Assert.Equal(3, pages.Count);
        Assert.Equal(["huge"], pages[1]);
    }

    private static PdfTable BigTable(int rows)
    {
        var t = new PdfTable(TableColumn.Fixed(50), TableColumn.Relative()) { HeaderRows = 0 };
        t.AddHeader("Col A", "Col B");
        for (int i = 0; i < rows; i++)
            t.AddRow($"R{i}", i % 5 == 0 ? $"Row {i} has long text that wraps over several lines in the cell so the row is tall." : $"Row {i}");
        return t;
    }

    [Fact]
    public void Table_header_repeats_on_every_page_and_rows_never_split()
    {
        var doc = NewDoc();
        doc.Add(BigTable(40));
        var rec = new RecordingCanvas();
        doc.Render(rec);
        Assert.True(rec.Pages.Count >= 3);
        for (int p = 0; p < rec.Pages.Count; p++)
        {
            var texts = rec.Pages[p].Items.Where(i => i.Kind == "text").ToList();
            Assert.Equal("Col A", texts[0].Text);
            Assert.Equal(p == 0, texts[0].Tag != "Artifact"); // repeated headers are artifacts
        }
        // Every row's cells (all lines) land on exactly one page.
        for (int i = 0; i < 40; i++)
        {
            var pagesWithRow = rec.Pages.Where(pg => pg.Items.Any(t => t.Text == $"R{i}")).ToList();
            Assert.Single(pagesWithRow);
            if (i % 5 == 0) Assert.Contains("cell so the row is tall.", pagesWithRow[0].Text);
        }
    }

    [Fact]
    public void Row_taller_than_a_page_is_split_by_lines()
    {
        var doc = NewDoc();
        var t = new PdfTable(TableColumn.Relative());
        t.AddRow(string.Join(" ", Enumerable.Range(0, 300).Select(i => $"w{i}")));
        doc.Add(t);
        var rec = new RecordingCanvas();
        doc.Render(rec);
        Assert.True(rec.Pages.Count >= 2);
        var all = string.Join(" ", rec.Pages.Select(p => p.Text.Replace("\n", " ")));
        Assert.Contains("w0 ", all);
        Assert.Contains("w299", all);
    }

    [Fact]
    public void Widow_and_orphan_control_keeps_two_lines_together()
    {
        var fonts = TestSupport.Fonts;
        var p = new PdfParagraph(string.Join(" ", Enumerable.Repeat("lorem ipsum dolor", 40))) { FontSize = 10, LineHeight = 1.5 }; // 15pt lines
        var ctx = new LayoutContext(fonts, 400);
        int total = (int)Math.Round(p.MeasureHeight(ctx, 300) / 15);
        Assert.True(total > 5);

        // Room for one line only: orphan -> nothing placed.
        Assert.Null(p.Layout(ctx, 300, 20, false).Placed);
        // Room for all but one line: widow -> carry two lines over.
        var r = p.Layout(ctx, 300, (total - 1) * 15 + 1, false);
        Assert.Equal((total - 2) * 15, r.Placed!.Height, 3);
        Assert.Equal(2 * 15, r.Remainder!.MeasureHeight(ctx, 300), 3);
        // At the top of a page something is always placed.
        Assert.NotNull(p.Layout(ctx, 300, 16, true).Placed);
    }

    [Fact]
    public void Page_x_of_y_uses_the_final_page_count()
    {
        var doc = NewDoc();
        doc.Page.Footer = new RunningBand { Right = "Page {page} of {pages}" };
        doc.Page.Header = new RunningBand { Left = "Header text" };
        for (int i = 0; i < 3; i++) { doc.Add(new MockBlock($"b{i}", 300)); }
        var rec = new RecordingCanvas();
        doc.Render(rec);
        Assert.Equal(3, rec.Pages.Count);
        for (int i = 0; i < 3; i++)
        {
            var footer = rec.Pages[i].Items.Single(t => t.Text?.StartsWith("Page ") == true);
            Assert.Equal($"Page {i + 1} of 3", footer.Text);
            Assert.Equal("Artifact", footer.Tag);
            Assert.True(footer.Rect.Y > 450); // in the bottom margin
        }
    }

    [Fact]
    public void Contents_entries_show_the_page_of_their_destination()
    {
        var doc = NewDoc();
        doc.Add(new ContentsEntry("Chapter two", "two"));
        doc.Add(new MockBlock("one", 300));
        doc.Add(new MockBlock("filler", 380));
        doc.Add(new PdfHeading(1, "Chapter two", "two"));
        doc.Add(new PdfParagraph("Text"));
        var rec = new RecordingCanvas();
        doc.Render(rec);
        Assert.Contains(rec.Pages[2].Items, i => i.Kind == "dest" && i.Text == "two");
        var texts = rec.Pages[0].Items.Where(i => i.Kind == "text").Select(i => i.Text).ToList();
        Assert.Equal(["Chapter two", "3"], texts);
        Assert.Contains(rec.Pages[0].Items, i => i.Kind == "link" && i.Text == "#two");
    }

    [Fact]
    public void Box_splits_across_pages_when_larger_than_a_page_and_moves_when_it_fits()
    {
        var doc = NewDoc();
        doc.Add(new MockBlock("filler", 300));
        doc.Add(new Box(new MockBlock("inbox", 150)) { Background = Color.LightGrey });
        doc.Add(new Box(new MockBlock("big1", 250), new MockBlock("big2", 250)) { Background = Color.LightGrey });
        var pages = MarkersPerPage(doc);
        Assert.Equal(["filler"], pages[0]);
        Assert.Equal(["inbox"], pages[1].Take(1));
        Assert.Contains("big1", pages.SelectMany(p => p));
        Assert.Contains(pages, p => p.Contains("big2") && !p.Contains("big1")); // the big box was split
    }

    [Fact]
    public void Layout_dump_is_stable_and_readable()
    {
        var doc = NewDoc();
        doc.Add(new PdfHeading(1, "Title"));
        doc.Add(new PdfParagraph("Hello world"));
        doc.Add(new PdfListBlock(false, "One", "Two"));
        var a = LayoutDump.Write(doc);
        Assert.Equal(a, LayoutDump.Write(doc));
        Assert.Contains("page 1 0.0 0.0 400.0 500.0", a);
        Assert.Contains("text H1 [50.0 ", a);
        Assert.Contains("\"Hello world\"", a);
        Assert.Contains("text Lbl", a);
        Assert.Contains("text P", a);
    }

    [Fact]
    public void Long_words_break_by_characters_and_lines_break_after_hyphens()
    {
        var fonts = TestSupport.Fonts;
        var ctx = new LayoutContext(fonts, 1000);
        var rec = new RecordingCanvas();
        rec.BeginPage(PageSize.A4);
        new PdfParagraph(new string('x', 200)).Layout(ctx, 100, 1000, true).Placed!.Draw(rec, 0, 0);
        var lines = rec.Pages[0].Items.Where(i => i.Kind == "text").ToList();
        Assert.True(lines.Count > 3);
        Assert.All(lines, l => Assert.True(l.Rect.Width <= 100.01));
        Assert.Equal(200, lines.Sum(l => l.Text!.Length));

        var rec2 = new RecordingCanvas();
        rec2.BeginPage(PageSize.A4);
        var w = TextShaper_Width("well-known");
        new PdfParagraph("aaaa well-known").Layout(ctx, TextShaper_Width("aaaa well-") + 1, 1000, true).Placed!.Draw(rec2, 0, 0);
        Assert.Equal(["aaaa well-", "known"], rec2.Pages[0].Items.Where(i => i.Kind == "text").Select(i => i.Text));
        double TextShaper_Width(string s) => Fonts.TextShaper.Measure(fonts.Regular, s, 11);
    }

    [Fact]
    public void Fixed_page_places_frames_and_shrinks_text_to_fit()
    {
        var doc = new PdfDocument(TestSupport.Info(), TestSupport.Family);
        doc.Page.Size = PageSize.Slide16x9;
        var page = new FixedPage();
        page.AddRect(new Rect(0, 0, 960, 80), Color.Black);
        page.AddBlock(new Rect(40, 100, 300, 60), new PdfParagraph(string.Join(" ", Enumerable.Repeat("shrink me", 12))) { FontSize = 24 }, shrinkToFit: true);
        doc.AddPage(page);
        var rec = new RecordingCanvas();
        doc.Render(rec);
        Assert.Single(rec.Pages);
        Assert.Equal(960, rec.Pages[0].Size.Width);
        var texts = rec.Pages[0].Items.Where(i => i.Kind == "text").ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.True(t.Rect.X >= 39.9 && t.Rect.Right <= 340.5, t.Rect.ToString()));
        Assert.True(texts.Max(t => t.Rect.Bottom) <= 162, "shrunk to fit the frame");
        Assert.True(texts[0].Rect.Height < 24 * 1.2, "text was scaled down");
    }
}
