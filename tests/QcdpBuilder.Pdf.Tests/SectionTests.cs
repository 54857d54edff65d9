using QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.Pdf.Tests;

/// <summary>Sections (odd-page starts, blank versos, bookmarks, bands) and booklet imposition, with mock blocks.</summary>
public class SectionTests
{
    private static PdfDocument NewDoc()
    {
        var doc = new PdfDocument(TestSupport.Info(), TestSupport.Family);
        doc.Page.Size = new PageSize(400, 500);
        doc.Page.Margins = new Margins(50); // content area 300 × 400
        return doc;
    }

    private static RecordingCanvas Render(PdfDocument doc)
    {
        var rec = new RecordingCanvas();
        doc.Render(rec);
        return rec;
    }

    private static int PageOf(RecordingCanvas rec, string kind, string text) =>
        rec.Pages.FindIndex(p => p.Items.Any(i => i.Kind == kind && i.Text == text));

    [Fact]
    public void Each_section_starts_on_an_odd_page_with_a_marked_blank_verso_when_needed()
    {
        var doc = NewDoc();
        doc.Page.Footer = new RunningBand { Right = "Page {page}" };
        doc.AddSection(new Section { Title = "One", StartOnOddPage = true, BlankPageText = "Intentionally blank" });
        doc.Add(new MockBlock("a", 100));                                 // page 1
        doc.AddSection(new Section { Title = "Two", StartOnOddPage = true, BlankPageText = "Intentionally blank" });
        doc.Add(new MockBlock("b1", 300)).Add(new MockBlock("b2", 300)); // pages 3–4 (page 2 blank)
        doc.AddSection(new Section { Title = "Three", StartOnOddPage = true, BlankPageText = "Intentionally blank" });
        doc.Add(new MockBlock("c", 100));                                 // page 5: no blank needed
        doc.AddSection(new Section { Title = "Four", StartOnOddPage = false });
        doc.Add(new MockBlock("d", 100));                                 // page 6: even is fine here
        var rec = Render(doc);

        Assert.Equal(6, rec.Pages.Count);
        Assert.Equal(0, PageOf(rec, "outline", "1 One"));
        Assert.Equal(2, PageOf(rec, "outline", "1 Two"));
        Assert.Equal(4, PageOf(rec, "outline", "1 Three"));
        Assert.Equal(5, PageOf(rec, "outline", "1 Four"));
        var blank = rec.Pages[1];
        Assert.Equal(["Intentionally blank"], blank.Items.Where(i => i.Kind == "text").Select(i => i.Text));
        Assert.All(blank.Items, i => Assert.Equal("Artifact", i.Tag));
        // The blank page still counts, so later pages keep their real numbers.
        Assert.Contains(rec.Pages[2].Items, i => i.Text == "Page 3");
        Assert.Contains(rec.Pages[2].Items, i => i.Kind == "dest" && i.Text == "section-2");
    }

    [Fact]
    public void Headings_bookmarks_nest_under_their_section()
    {
        var doc = NewDoc();
        doc.Add(new PdfHeading(1, "Before", "before"));
        doc.AddSection(new Section { Title = "Part A", Destination = "part-a" });
        doc.Add(new PdfHeading(1, "Chapter", "chapter")).Add(new PdfHeading(2, "Detail", "detail"));
        doc.AddSection(new Section { Title = "Part B", OutlineLevel = 2, NestHeadings = false });
        doc.Add(new PdfHeading(1, "Flat", "flat"));
        var rec = Render(doc);
        var outline = rec.Pages.SelectMany(p => p.Items).Where(i => i.Kind == "outline").Select(i => i.Text).ToList();
        Assert.Equal(["1 Before", "1 Part A", "2 Chapter", "3 Detail", "2 Part B", "1 Flat"], outline);
        Assert.Equal(1, PageOf(rec, "dest", "part-a"));
    }

    [Fact]
    public void A_section_can_replace_the_running_bands()
    {
        var doc = NewDoc();
        doc.Page.Header = new RunningBand { Left = "Document header" };
        doc.Add(new MockBlock("a", 100));
        doc.AddSection(new Section { Header = new RunningBand { Left = "Section header" } });
        doc.Add(new MockBlock("b", 100));
        var rec = Render(doc);
        Assert.Contains(rec.Pages[0].Items, i => i.Text == "Document header");
        Assert.Contains(rec.Pages[1].Items, i => i.Text == "Section header");
        Assert.DoesNotContain(rec.Pages[1].Items, i => i.Text == "Document header");
    }

    [Theory]
    [InlineData(4, "3,0 1,2")]
    [InlineData(8, "7,0 1,6 5,2 3,4")]
    public void Booklet_order_pairs_outer_pages_first(int pages, string expected) =>
        Assert.Equal(expected, string.Join(" ", PdfDocument.BookletOrder(pages).Select(p => $"{p.Left},{p.Right}")));

    [Fact]
    public void Booklet_puts_two_scaled_pages_on_each_landscape_sheet_and_keeps_bookmarks_in_reading_order()
    {
        var doc = NewDoc();
        doc.Booklet = true;
        for (int i = 1; i <= 5; i++)
        {
            doc.AddSection(new Section { Title = $"S{i}" });
            doc.Add(new MockBlock($"p{i}", 100));
        }
        var rec = Render(doc);
        // 5 pages → 8 (padded) → 4 sheet sides, each the page size turned landscape.
        Assert.Equal(4, rec.Pages.Count);
        Assert.All(rec.Pages, p => Assert.Equal(new PageSize(500, 400), p.Size));
        // Sides: 8|1, 2|7, 6|3, 4|5 (pages 6–8 are blank padding).
        var p1 = rec.Pages[0].Items.Single(i => i.Kind == "dest" && i.Text == "p1");
        Assert.True(p1.Rect.X >= 250, "page 1 is on the right half");
        Assert.Contains(rec.Pages[1].Items, i => i.Text == "p2");
        Assert.Contains(rec.Pages[2].Items, i => i.Text == "p3");  // beside blank page 6
        Assert.Contains(rec.Pages[3].Items, i => i.Text == "p4");
        Assert.Contains(rec.Pages[3].Items, i => i.Text == "p5");
        // Bookmarks come out in reading order although pages are drawn in imposition order.
        var outline = rec.Pages.SelectMany(p => p.Items).Where(i => i.Kind == "outline").Select(i => i.Text).ToList();
        Assert.Equal(["1 S1", "1 S2", "1 S3", "1 S4", "1 S5"], outline);
    }

    [Fact]
    public void Scoped_sections_keep_same_named_destinations_apart()
    {
        var doc = NewDoc();
        doc.AddSection(new Section { Title = "A", Destination = "a", ScopeDestinations = true });
        doc.Add(new PdfHeading(1, "Title", "title"));
        doc.AddSection(new Section { Title = "B", Destination = "b", ScopeDestinations = true });
        doc.Add(new PdfHeading(1, "Title", "title"));
        var rec = Render(doc);
        Assert.Equal(0, PageOf(rec, "dest", "a/title"));
        Assert.Equal(1, PageOf(rec, "dest", "b/title"));
        Assert.Equal(1, PageOf(rec, "dest", "b")); // the section's own destination is not scoped
    }

    [Fact]
    public void A_section_opening_with_another_section_shares_its_first_page()
    {
        var doc = NewDoc();
        doc.Add(new MockBlock("before", 100));
        doc.AddSection(new Section { Title = "Copy 1", StartOnOddPage = true, NestHeadings = false });
        doc.AddSection(new Section { Title = "Cover", OutlineLevel = 2, StartOnOddPage = true });
        doc.Add(new MockBlock("cover", 100));
        var rec = Render(doc);
        Assert.Equal(3, rec.Pages.Count); // before, blank, cover
        Assert.Equal(2, PageOf(rec, "outline", "1 Copy 1"));
        Assert.Equal(2, PageOf(rec, "outline", "2 Cover"));
    }

    [Fact]
    public void A_section_can_restart_the_page_numbers_for_the_pages_up_to_the_next_restart()
    {
        var doc = NewDoc();
        doc.Page.Footer = new RunningBand { Right = "Page {page} of {pages}" };
        for (int copy = 1; copy <= 2; copy++)
        {
            doc.AddSection(new Section { Title = $"Copy {copy}", StartOnOddPage = true, RestartPageNumbers = true });
            doc.Add(new MockBlock($"c{copy}a", 300)).Add(new MockBlock($"c{copy}b", 300)).Add(new MockBlock($"c{copy}c", 300));
        }
        var rec = Render(doc);
        var footers = rec.Pages.Select(p => p.Items.FirstOrDefault(i => i.Text?.StartsWith("Page ") == true)?.Text).ToList();
        // Copy 1 is pages 1–3 plus a blank verso (no bands), copy 2 pages 5–7 of the file.
        Assert.Equal(["Page 1 of 4", "Page 2 of 4", "Page 3 of 4", null, "Page 1 of 3", "Page 2 of 3", "Page 3 of 3"], footers);
    }
}
