using System.IO.Compression;
using System.Xml.Linq;
using QcdpBuilder.Documents;
using QcdpBuilder.Docx;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Docx;

public class DocxWriterTests
{
    static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static readonly XNamespace W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    static readonly XNamespace WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

    static byte[] Write(Document doc, DocxKind kind, string? reference = null) =>
        DocxWriter.Write(doc, DocxSamples.Brand(), new DocxOptions(kind) { ReferenceDocxPath = reference });

    /// <summary>Set QCDP_DOCX_SAMPLES to a folder to keep the samples for a look in Word or LibreOffice.</summary>
    static void Keep(string name, byte[] bytes)
    {
        var folder = Environment.GetEnvironmentVariable("QCDP_DOCX_SAMPLES");
        if (folder is not null) File.WriteAllBytes(Path.Combine(folder, name + ".docx"), bytes);
    }

    static XDocument Part(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var s = zip.GetEntry(name)!.Open();
        return XDocument.Load(s);
    }

    static IEnumerable<string> StylesUsed(XDocument document) =>
        document.Descendants(W + "pStyle").Select(e => e.Attribute(W + "val")!.Value);

    [Fact]
    public void Guide_is_valid_and_matches_golden()
    {
        var bytes = Write(DocxSamples.Guide(), DocxKind.Guide);
        OpenXmlAssert.Valid(bytes, "docx");
        Keep("sample-guide", bytes);
        Golden.Verify("docx-guide", OoxmlDump.Dump(bytes));
    }

    [Fact]
    public void Handout_is_valid_and_matches_golden()
    {
        var bytes = Write(DocxSamples.Handout(), DocxKind.Handout);
        OpenXmlAssert.Valid(bytes, "docx");
        Keep("sample-handout", bytes);
        Golden.Verify("docx-handout", OoxmlDump.Dump(bytes));
    }

    [Fact]
    public void Form_is_valid_and_matches_golden()
    {
        var bytes = Write(DocxSamples.Form(), DocxKind.Form);
        OpenXmlAssert.Valid(bytes, "docx");
        Keep("sample-form", bytes);
        Golden.Verify("docx-form", OoxmlDump.Dump(bytes));
    }

    [Fact]
    public void Handout_as_form_is_valid()
    {
        // Every fill-in element as a content control (rating scales, fill tables, writing lines).
        var bytes = Write(DocxSamples.Handout(), DocxKind.Form);
        Keep("sample-handout-form", bytes);
        OpenXmlAssert.Valid(bytes, "docx");
    }

    [Fact]
    public void Writing_twice_gives_identical_bytes()
    {
        foreach (var kind in Enum.GetValues<DocxKind>())
        {
            var doc = kind == DocxKind.Guide ? DocxSamples.Guide() : DocxSamples.Form();
            Assert.Equal(Write(doc, kind), Write(doc, kind));
        }
    }

    [Fact]
    public void Headings_use_word_heading_styles_with_bookmarks()
    {
        var document = Part(Write(DocxSamples.Guide(), DocxKind.Guide), "word/document.xml");
        var used = StylesUsed(document).ToList();
        Assert.Equal(3, used.Count(s => s == "Heading1"));
        Assert.Equal(2, used.Count(s => s == "Heading2"));
        Assert.Equal(1, used.Count(s => s == "Heading3"));
        var bookmarks = document.Descendants(W + "bookmarkStart").Select(b => b.Attribute(W + "name")!.Value).ToList();
        Assert.Contains("the_timetable", bookmarks);
        // The internal link and the TOC entries point at the bookmarks.
        var anchors = document.Descendants(W + "hyperlink").Select(h => (string?)h.Attribute(W + "anchor")).OfType<string>().ToList();
        Assert.All(anchors, a => Assert.Contains(a, bookmarks));
        Assert.Contains(document.Descendants(W + "instrText"), t => t.Value.Contains("TOC \\o \"1-3\" \\h \\z \\u"));
        Assert.Equal(6, used.Count(s => s.StartsWith("TOC") && s != "TOCHeading"));
        Assert.Equal(6, document.Descendants(W + "instrText").Count(t => t.Value.Contains("PAGEREF")));
    }

    [Fact]
    public void Sections_starting_at_level_two_become_heading_1()
    {
        var doc = new Document("Shifted", [new Heading(2, Inlines.Plain("Top"), "top"), new Heading(3, Inlines.Plain("Inner"), "inner")]);
        var used = StylesUsed(Part(Write(doc, DocxKind.Guide), "word/document.xml")).ToList();
        Assert.Contains("Heading1", used);
        Assert.Contains("Heading2", used);
        Assert.Contains("TOC1", used);
    }

    [Fact]
    public void Guide_cover_without_version_shows_the_build_month()
    {
        var doc = DocxSamples.Guide() with { Meta = new Dictionary<string, string>() };
        var document = Part(Write(doc, DocxKind.Guide), "word/document.xml");
        Assert.Contains(document.Descendants(W + "t"), t => t.Value == "January 2026");
    }

    [Fact]
    public void Images_carry_alt_text_but_never_the_path()
    {
        var bytes = Write(DocxSamples.Guide(), DocxKind.Guide);
        var document = Part(bytes, "word/document.xml");
        var docPr = document.Descendants(WP + "docPr").ToList();
        Assert.Equal(2, docPr.Count); // cover logo and the diagram
        Assert.Contains(docPr, d => d.Attribute("descr")!.Value.StartsWith("Driver diagram"));
        Assert.All(docPr, d => Assert.Matches("^Picture \\d+$", d.Attribute("name")!.Value));
        var text = OoxmlDump.Dump(bytes);
        Assert.DoesNotContain(DocxSamples.ImagePath, text);
        Assert.DoesNotContain("qi-driver-diagram", text);
        // Scaled to the text width, keeping the 16:9 aspect ratio.
        var extent = document.Descendants(WP + "extent").Last();
        var cx = long.Parse(extent.Attribute("cx")!.Value);
        var cy = long.Parse(extent.Attribute("cy")!.Value);
        Assert.True(cx <= (11906 - 2 * 1247) * 635L, $"{cx} wider than the text");
        Assert.Equal(900.0 / 1600, cy / (double)cx, 3);
    }

    [Fact]
    public void Form_has_one_content_control_per_fill_in()
    {
        var doc = DocxSamples.Form();
        var document = Part(Write(doc, DocxKind.Form), "word/document.xml");
        var sdts = document.Descendants(W + "sdt").ToList();
        var fields = doc.Blocks.OfType<FormField>().ToList();
        var checkboxes = doc.Blocks.OfType<ListBlock>().SelectMany(l => l.Items).Count(i => i.Checkbox is not null);
        var signatures = doc.Blocks.OfType<SignatureLine>().Count();
        var writing = doc.Blocks.OfType<WritingLines>().Count();
        Assert.Equal(fields.Count + checkboxes + 2 * signatures + writing, sdts.Count);

        string? Tag(XElement sdt) => sdt.Element(W + "sdtPr")!.Element(W + "tag")?.Attribute(W + "val")?.Value;
        foreach (var f in fields)
        {
            var sdt = Assert.Single(sdts, s => Tag(s) == f.Id);
            var pr = sdt.Element(W + "sdtPr")!;
            Assert.Equal(f.Label, pr.Element(W + "alias")!.Attribute(W + "val")!.Value);
            if (f.Kind == FieldKind.Date)
            {
                var date = pr.Element(W + "date")!;
                Assert.Equal("dd/MM/yyyy", date.Element(W + "dateFormat")!.Attribute(W + "val")!.Value);
                Assert.Equal("en-GB", date.Element(W + "lid")!.Attribute(W + "val")!.Value);
            }
            else
            {
                Assert.NotNull(pr.Element(W + "text"));
                Assert.Contains("Click or tap to enter text", sdt.Value);
            }
        }
        var boxes = sdts.Where(s => s.Element(W + "sdtPr")!.Element(W14 + "checkbox") is not null).ToList();
        Assert.Equal(checkboxes, boxes.Count);
        Assert.Single(boxes, b => b.Value == "\u2612");
        Assert.All(boxes, b => Assert.NotNull(b.Descendants(W14 + "uncheckedState").Single().Attribute(W14 + "font")));
        Assert.Equal(signatures, sdts.Count(s => Tag(s)!.EndsWith("-date") && s.Descendants(W + "date").Any()));
        Assert.Single(sdts, s => s.Element(W + "sdtPr")!.Element(W + "richText") is not null);
    }

    [Fact]
    public void Handout_prints_fill_ins_without_content_controls()
    {
        var document = Part(Write(DocxSamples.Handout(), DocxKind.Handout), "word/document.xml");
        Assert.Empty(document.Descendants(W + "sdt"));
        var used = StylesUsed(document).ToList();
        Assert.Equal("Title", used[0]);
        Assert.Equal(4 + 1 + 1, used.Count(s => s == "WritingLine")); // four lines, the text field and the date
        // Fill table: header row repeats, rows have writing height and cannot split.
        var fill = document.Descendants(W + "tbl").Single(t => t.Descendants(W + "tr").Count() == 6);
        Assert.NotNull(fill.Descendants(W + "tr").First().Element(W + "trPr")!.Element(W + "tblHeader"));
        Assert.All(fill.Descendants(W + "tr"), tr => Assert.NotNull(tr.Element(W + "trPr")!.Element(W + "cantSplit")));
    }

    [Fact]
    public void Settings_update_fields_and_styles_are_en_GB()
    {
        var bytes = Write(DocxSamples.Guide(), DocxKind.Guide);
        Assert.Equal("true", Part(bytes, "word/settings.xml").Root!.Element(W + "updateFields")!.Attribute(W + "val")!.Value);
        var lang = Part(bytes, "word/styles.xml").Descendants(W + "lang").First();
        Assert.Equal("en-GB", lang.Attribute(W + "val")!.Value);
        var core = Part(bytes, "docProps/core.xml").ToString();
        Assert.Contains("2026-01-01T00:00:00Z", core);
        Assert.Contains("Northfield &amp; District NHS Foundation Trust", core);
    }

    [Fact]
    public void Reference_document_styles_are_used_by_name()
    {
        var original = Write(DocxSamples.Handout(), DocxKind.Handout);
        // Edit the reference: heading 1 turns red and gets another id, as a translated Word would have.
        // (The handout's ## sections are its top level, so they are written as Heading 1.)
        var reference = Path.Combine(Path.GetTempPath(), $"qcdp-reference-{Guid.NewGuid():N}.docx");
        try
        {
            File.WriteAllBytes(reference, original);
            using (var zip = ZipFile.Open(reference, ZipArchiveMode.Update))
            {
                var entry = zip.GetEntry("word/styles.xml")!;
                XDocument styles;
                using (var s = entry.Open()) styles = XDocument.Load(s);
                var h2 = styles.Root!.Elements(W + "style").Single(s => s.Element(W + "name")!.Attribute(W + "val")!.Value == "heading 1");
                h2.SetAttributeValue(W + "styleId", "berschrift1");
                h2.Descendants(W + "color").Single().SetAttributeValue(W + "val", "FF0000");
                // And drop a style so the built-in one is merged back in.
                styles.Root.Elements(W + "style").Single(s => s.Element(W + "name")!.Attribute(W + "val")!.Value == "Field Label").Remove();
                entry.Delete();
                using var w = zip.CreateEntry("word/styles.xml").Open();
                styles.Save(w);
            }
            var bytes = Write(DocxSamples.Handout(), DocxKind.Handout, reference);
            OpenXmlAssert.Valid(bytes, "docx");
            var used = StylesUsed(Part(bytes, "word/document.xml")).ToList();
            Assert.Contains("berschrift1", used);
            Assert.DoesNotContain("Heading1", used);
            Assert.Contains("FieldLabel", used);
            var outStyles = Part(bytes, "word/styles.xml");
            var red = outStyles.Root!.Elements(W + "style").Single(s => s.Attribute(W + "styleId")!.Value == "berschrift1");
            Assert.Equal("FF0000", red.Descendants(W + "color").Single().Attribute(W + "val")!.Value);
        }
        finally
        {
            File.Delete(reference);
        }
    }

    [Fact]
    public void Letter_paper_without_logo_is_valid()
    {
        var brand = DocxSamples.Brand(logo: false) with { Paper = QcdpBuilder.Branding.PaperSize.Letter };
        foreach (var kind in Enum.GetValues<DocxKind>())
        {
            var bytes = DocxWriter.Write(DocxSamples.Guide(), brand, new DocxOptions(kind));
            OpenXmlAssert.Valid(bytes, "docx");
            var pgSz = Part(bytes, "word/document.xml").Descendants(W + "pgSz").Single();
            Assert.Equal("12240", pgSz.Attribute(W + "w")!.Value);
        }
    }

    [Fact]
    public void Form_placeholders_live_in_the_glossary()
    {
        var bytes = Write(DocxSamples.Form(), DocxKind.Form);
        var glossary = Part(bytes, "word/glossary/document.xml");
        var names = glossary.Descendants(W + "docPartPr").Select(p => p.Element(W + "name")!.Attribute(W + "val")!.Value).ToList();
        var used = Part(bytes, "word/document.xml").Descendants(W + "placeholder").Select(p => p.Element(W + "docPart")!.Attribute(W + "val")!.Value).Distinct();
        Assert.All(used, u => Assert.Contains(u, names));
        Assert.Contains("Click or tap to enter text", glossary.ToString());
    }
}
