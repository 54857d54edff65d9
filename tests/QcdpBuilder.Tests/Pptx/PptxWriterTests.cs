using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using QcdpBuilder.Decks;
using QcdpBuilder.Pptx;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pptx;

public class PptxWriterTests
{
    static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    static readonly XNamespace P = "http://schemas.openxmlformats.org/presentationml/2006/main";

    static readonly Lazy<byte[]> SampleBytes = new(() => PptxWriter.Write(SampleDecks.Sample(), SampleDecks.Brand()));

    [Fact]
    public void Sample_deck_passes_the_OpenXml_validator()
    {
        OpenXmlAssert.Valid(SampleBytes.Value, "pptx");
    }

    [Fact]
    public void Sample_deck_without_a_logo_passes_the_validator()
    {
        OpenXmlAssert.Valid(PptxWriter.Write(SampleDecks.Sample(), SampleDecks.Brand(logo: false)), "pptx");
    }

    [Fact]
    public void Sample_deck_matches_the_golden_dump()
    {
        Golden.Verify("pptx-sample", OoxmlDump.Dump(SampleBytes.Value));
    }

    [Fact]
    public void Writing_twice_gives_identical_bytes()
    {
        var again = PptxWriter.Write(SampleDecks.Sample(), SampleDecks.Brand());
        Assert.Equal(SampleBytes.Value, again);
    }

    [Fact]
    public void Default_reference_deck_has_the_seven_named_layouts()
    {
        using var doc = Open(SampleBytes.Value);
        var names = doc.PresentationPart!.SlideMasterParts.Single().SlideLayoutParts
            .Select(LayoutName).OrderBy(n => n).ToList();
        Assert.Equal(
            new[] { "Blank", "Comparison", "Content with Caption", "Section Header", "Title Slide", "Title and Content", "Two Content" },
            names);
    }

    [Fact]
    public void Each_slide_uses_the_layout_named_for_its_kind()
    {
        var deck = SampleDecks.Sample();
        Assert.Equal(deck.Slides.Select(s => SlideLayoutNames.Of(s.Layout)), SlideLayouts(SampleBytes.Value));
    }

    [Fact]
    public void Pictures_carry_the_alt_text_and_never_the_path()
    {
        using var doc = Open(SampleBytes.Value);
        var pictures = Slides(doc).SelectMany(s => Xml(s).Descendants(P + "pic")).ToList();
        Assert.Equal(2, pictures.Count);
        foreach (var pic in pictures)
        {
            var nv = pic.Element(P + "nvPicPr")!.Element(P + "cNvPr")!;
            Assert.Equal(SampleDecks.PictureAlt, (string?)nv.Attribute("descr"));
            Assert.Matches(@"^Picture \d+$", (string?)nv.Attribute("name"));
        }
        var everything = OoxmlDump.Dump(SampleBytes.Value);
        Assert.DoesNotContain("secret-chart-file-name", everything);
        Assert.DoesNotContain(TestImages.Folder, everything);
    }

    [Fact]
    public void The_same_image_on_two_slides_is_stored_once()
    {
        using var zip = new ZipArchive(new MemoryStream(SampleBytes.Value), ZipArchiveMode.Read);
        Assert.Equal(2, zip.Entries.Count(e => e.FullName.StartsWith("ppt/media/"))); // logo + chart
    }

    [Fact]
    public void Pictures_keep_their_aspect_ratio()
    {
        using var doc = Open(SampleBytes.Value);
        foreach (var pic in Slides(doc).SelectMany(s => Xml(s).Descendants(P + "pic")))
        {
            var ext = pic.Descendants(A + "ext").First();
            var ratio = (double)(long)ext.Attribute("cx")! / (long)ext.Attribute("cy")!;
            Assert.InRange(ratio, 64 / 48.0 - 0.01, 64 / 48.0 + 0.01);
        }
    }

    [Fact]
    public void Text_is_native_and_in_placeholders()
    {
        using var doc = Open(SampleBytes.Value);
        var content = Xml(Slides(doc)[2]);
        var phs = content.Descendants(P + "ph").ToList();
        Assert.Contains(phs, ph => (string?)ph.Attribute("type") == "title");
        Assert.Contains(phs, ph => (string?)ph.Attribute("idx") == "1");
        var texts = content.Descendants(A + "t").Select(t => t.Value).ToList();
        Assert.Contains("outcome", texts);
        Assert.Contains("e.g. waiting time", texts);
        // Nested list item is one level down; bold/italic/code runs are styled.
        var nested = content.Descendants(A + "p").First(p => p.Descendants(A + "t").Any(t => t.Value == "e.g. waiting time"));
        Assert.Equal("1", (string?)nested.Element(A + "pPr")?.Attribute("lvl"));
        Assert.Contains(content.Descendants(A + "rPr"), r => (string?)r.Attribute("b") == "1");
        Assert.Contains(content.Descendants(A + "rPr"), r => (string?)r.Attribute("i") == "1");
        Assert.Contains(content.Descendants(A + "latin"), l => (string?)l.Attribute("typeface") == "Consolas");
    }

    [Fact]
    public void Links_are_external_hyperlink_relationships()
    {
        using var doc = Open(SampleBytes.Value);
        var slide = Slides(doc)[2];
        var link = Assert.Single(slide.HyperlinkRelationships);
        Assert.True(link.IsExternal);
        Assert.Equal("https://example.org/qi?a=1&b=2", link.Uri.OriginalString);
        Assert.Contains(Xml(slide).Descendants(A + "hlinkClick"), h => h.Attributes().Any(a => a.Value == link.Id));
    }

    [Fact]
    public void Tables_are_native_with_a_styled_header_row()
    {
        using var doc = Open(SampleBytes.Value);
        var tbl = Assert.Single(Slides(doc).SelectMany(s => Xml(s).Descendants(A + "tbl")));
        var rows = tbl.Elements(A + "tr").ToList();
        Assert.Equal(4, rows.Count);
        var headerCell = rows[0].Elements(A + "tc").First();
        Assert.Equal("005EB8", (string?)headerCell.Element(A + "tcPr")!.Element(A + "solidFill")!.Element(A + "srgbClr")!.Attribute("val"));
        Assert.Contains(headerCell.Descendants(A + "rPr"), r => (string?)r.Attribute("b") == "1");
    }

    [Fact]
    public void Every_slide_has_a_notes_page_with_its_notes()
    {
        var deck = SampleDecks.Sample();
        using var doc = Open(SampleBytes.Value);
        var slides = Slides(doc);
        Assert.NotNull(doc.PresentationPart!.NotesMasterPart);
        Assert.Equal(deck.Slides.Count, slides.Count);
        for (var i = 0; i < slides.Count; i++)
        {
            var notes = slides[i].NotesSlidePart;
            Assert.NotNull(notes);
            var text = string.Concat(Xml(notes!).Descendants(A + "t").Select(t => t.Value));
            var expected = string.Concat(Documents.Inlines.PlainText(
                deck.Slides[i].Notes.OfType<Documents.Paragraph>().FirstOrDefault()?.Content ?? []));
            Assert.Contains(expected, text);
        }
        var bulletNotes = Xml(slides[2].NotesSlidePart!);
        Assert.Contains(bulletNotes.Descendants(A + "buChar"), _ => true);
    }

    [Fact]
    public void Long_text_is_shrunk_to_fit_but_not_below_14pt()
    {
        var deck = new Deck("Long", null, [SampleDecks.LongSlide()]);
        var bytes = PptxWriter.Write(deck, SampleDecks.Brand());
        using var doc = Open(bytes);
        var body = Xml(Slides(doc)[0]).Descendants(P + "sp")
            .First(sp => sp.Descendants(P + "ph").Any(ph => (string?)ph.Attribute("idx") == "1"));
        var sizes = body.Descendants(A + "rPr").Select(r => (int?)r.Attribute("sz")).ToList();
        Assert.All(sizes, s => Assert.NotNull(s));
        Assert.All(sizes, s => Assert.InRange(s!.Value, 1400, 2300));
    }

    [Fact]
    public void Short_text_keeps_the_layout_sizes()
    {
        using var doc = Open(SampleBytes.Value);
        var content = Xml(Slides(doc)[3]);
        Assert.All(content.Descendants(A + "r"), r => Assert.Null(r.Element(A + "rPr")!.Attribute("sz")));
    }

    [Fact]
    public void Document_properties_use_the_build_date()
    {
        using var doc = Open(SampleBytes.Value);
        var core = Xml(doc.CoreFilePropertiesPart!);
        Assert.Contains("2026-01-01T00:00:00Z", core.ToString());
        Assert.Contains("<dc:title>Improving Flow</dc:title>", core.ToString());
    }

    [Fact]
    public void A_supplied_reference_deck_is_used_and_its_slides_cleared()
    {
        var path = Path.Combine(TestImages.Folder, "reference-roundtrip.pptx");
        Directory.CreateDirectory(TestImages.Folder);
        File.WriteAllBytes(path, SampleBytes.Value);
        var deck = SampleDecks.Sample();
        var bytes = PptxWriter.Write(deck, SampleDecks.Brand(), path);
        OpenXmlAssert.Valid(bytes, "pptx");
        Assert.Equal(deck.Slides.Select(s => SlideLayoutNames.Of(s.Layout)), SlideLayouts(bytes));
        using var doc = Open(bytes);
        Assert.Equal(deck.Slides.Count, doc.PresentationPart!.SlideParts.Count());
        Assert.Single(doc.PresentationPart.SlideMasterParts);
    }

    [Fact]
    public void A_missing_layout_falls_back_to_title_and_content_then_the_first()
    {
        var renamed = RenameLayouts(SampleBytes.Value, new() { ["Comparison"] = "Vergleich", ["Two Content"] = "Zwei Inhalte" });
        var path = Path.Combine(TestImages.Folder, "reference-renamed.pptx");
        Directory.CreateDirectory(TestImages.Folder);
        File.WriteAllBytes(path, renamed);
        var deck = SampleDecks.Sample();
        var bytes = PptxWriter.Write(deck, SampleDecks.Brand(), path);
        OpenXmlAssert.Valid(bytes, "pptx");
        var expected = deck.Slides.Select(s => s.Layout switch
        {
            SlideLayout.Comparison or SlideLayout.TwoContent => "Title and Content",
            _ => SlideLayoutNames.Of(s.Layout),
        });
        Assert.Equal(expected, SlideLayouts(bytes));
        // Both columns still reach the slide.
        using var doc = Open(bytes);
        var comparison = string.Concat(Xml(Slides(doc)[4]).Descendants(A + "t").Select(t => t.Value));
        Assert.Contains("Paper referrals", comparison);
        Assert.Contains("Two week wait", comparison);

        var noContent = RenameLayouts(renamed, new() { ["Title and Content"] = "Titel und Inhalt" });
        File.WriteAllBytes(path, noContent);
        var first = SlideLayouts(PptxWriter.Write(deck, SampleDecks.Brand(), path));
        Assert.Equal("Title Slide", first[4]);
    }

    [Fact]
    public void A_reference_deck_with_its_own_slides_keeps_none_of_them()
    {
        // A finished deck (slides with notes and pictures) used as the template: its slides, their notes
        // pages and the chart only they showed go; the master's logo stays. Written twice to the same path
        // with different content, the second version is the one used.
        var path = Path.Combine(Path.GetTempPath(), $"qcdp-reference-{Guid.NewGuid():N}.pptx");
        try
        {
            var deck = SampleDecks.Sample();
            File.WriteAllBytes(path, SampleBytes.Value);
            var bytes = PptxWriter.Write(deck, SampleDecks.Brand(), path);
            OpenXmlAssert.Valid(bytes, "pptx");
            Assert.Equal(OoxmlDump.Dump(SampleBytes.Value), OoxmlDump.Dump(bytes));

            File.WriteAllBytes(path, RenameLayouts(SampleBytes.Value, new() { ["Blank"] = "Leer" }));
            var renamed = SlideLayouts(PptxWriter.Write(deck, SampleDecks.Brand(), path));
            Assert.Contains("Blank", SlideLayouts(SampleBytes.Value));
            Assert.DoesNotContain("Blank", renamed);
        }
        finally { File.Delete(path); }
    }

    // ---- helpers ----

    static PresentationDocument Open(byte[] bytes) => PresentationDocument.Open(new MemoryStream(bytes), false);

    static List<SlidePart> Slides(PresentationDocument doc)
    {
        var pres = doc.PresentationPart!;
        return Xml(pres).Descendants(P + "sldId")
            .Select(e => (SlidePart)pres.GetPartById((string)e.Attribute(XName.Get("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"))!))
            .ToList();
    }

    static XDocument Xml(OpenXmlPart part)
    {
        using var s = part.GetStream();
        return XDocument.Load(s);
    }

    static string LayoutName(SlideLayoutPart layout) => (string)Xml(layout).Root!.Element(P + "cSld")!.Attribute("name")!;

    static List<string> SlideLayouts(byte[] bytes)
    {
        using var doc = Open(bytes);
        return Slides(doc).Select(s => LayoutName(s.SlideLayoutPart!)).ToList();
    }

    static byte[] RenameLayouts(byte[] package, Dictionary<string, string> renames)
    {
        var ms = new MemoryStream();
        ms.Write(package);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("ppt/slideLayouts/") && e.FullName.EndsWith(".xml")).ToList())
            {
                string text;
                using (var r = new StreamReader(entry.Open())) text = r.ReadToEnd();
                var changed = renames.Aggregate(text, (t, kv) => t.Replace($"name=\"{kv.Key}\"", $"name=\"{kv.Value}\""));
                if (changed == text) continue;
                var name = entry.FullName;
                entry.Delete();
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(changed);
            }
        }
        return ms.ToArray();
    }
}

public class PptxSampleOutput
{
    /// <summary>Set QCDP_PPTX_SAMPLE=/tmp/sample.pptx to write the sample deck for a visual check.</summary>
    [Fact]
    public void Write_sample_when_asked()
    {
        var path = Environment.GetEnvironmentVariable("QCDP_PPTX_SAMPLE");
        if (string.IsNullOrEmpty(path)) return;
        File.WriteAllBytes(path, PptxWriter.Write(SampleDecks.Sample(), SampleDecks.Brand()));
        File.WriteAllBytes(Path.ChangeExtension(path, ".stress.pptx"), PptxWriter.Write(SampleDecks.Stress(), SampleDecks.Brand()));
        // QCDP_PPTX_REFERENCE=/some/template.pptx also writes the sample on that template.
        var reference = Environment.GetEnvironmentVariable("QCDP_PPTX_REFERENCE");
        if (string.IsNullOrEmpty(reference)) return;
        var bytes = PptxWriter.Write(SampleDecks.Sample(), SampleDecks.Brand(), reference);
        File.WriteAllBytes(Path.ChangeExtension(path, ".ref.pptx"), bytes);
        OpenXmlAssert.Valid(bytes, "pptx");
    }
}
