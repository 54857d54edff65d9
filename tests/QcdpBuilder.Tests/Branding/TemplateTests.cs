using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Docx;
using QcdpBuilder.Pptx;
using QcdpBuilder.Tests.Docx;
using QcdpBuilder.Tests.Pptx;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.BrandingTests;

/// <summary>Organisations' own Office templates: .potx/.dotx, layout names mapped or missing, and the theme they end up with.</summary>
public class TemplateTests
{
    static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    static readonly XNamespace P = "http://schemas.openxmlformats.org/presentationml/2006/main";
    static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const string PresentationMain = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

    [Fact]
    public void Write_three_rivers_template_when_asked()
    {
        if (Environment.GetEnvironmentVariable("QCDP_WRITE_TEMPLATE") != "1") return;
        File.WriteAllBytes(ThreeRiversTemplate.PotxPath, ThreeRiversTemplate.Build());
    }

    [Fact]
    public void The_three_rivers_template_is_a_valid_template_with_its_own_layout_names()
    {
        var bytes = File.ReadAllBytes(ThreeRiversTemplate.PotxPath);
        using (var doc = PresentationDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Equal(PresentationDocumentType.Template, doc.DocumentType);
            OpenXmlAssert.Valid(doc);
            var names = doc.PresentationPart!.SlideMasterParts.Single().SlideLayoutParts.Select(LayoutName).Order().ToList();
            Assert.Equal(ThreeRiversTemplate.LayoutNames.Values.Order(), names);
        }
        var theme = Part(bytes, "ppt/theme/theme1.xml");
        Assert.Equal("0B5563", Scheme(theme, "accent1"));
        Assert.Equal("Liberation Sans", (string?)theme.Descendants(A + "majorFont").Single().Element(A + "latin")!.Attribute("typeface"));
    }

    [Fact]
    public void A_potx_template_with_layout_names_gives_a_valid_presentation_on_its_layouts()
    {
        var deck = SampleDecks.Sample();
        var brand = ThreeRiversTemplate.Brand() with { LayoutNames = ThreeRiversTemplate.LayoutNames };
        var bytes = PptxWriter.Write(deck, brand, ThreeRiversTemplate.PotxPath);
        OpenXmlAssert.Valid(bytes, "pptx");
        Assert.Contains($"ContentType=\"{PresentationMain}\"", Text(bytes, "[Content_Types].xml"));
        using var doc = PresentationDocument.Open(new MemoryStream(bytes), false);
        Assert.Equal(PresentationDocumentType.Presentation, doc.DocumentType);
        var used = Slides(doc).Select(s => LayoutName(s.SlideLayoutPart!)).ToList();
        Assert.Equal(deck.Slides.Select(s => ThreeRiversTemplate.LayoutNames[SlideLayoutNames.Of(s.Layout)]), used);
        // The template's master (with its side band) is the one the slides sit on.
        Assert.Contains("Side Band", Text(bytes, "ppt/slideMasters/slideMaster1.xml"));
    }

    [Fact]
    public void Without_the_mapping_each_missing_layout_is_one_warning_naming_the_available_ones()
    {
        var bag = new DiagnosticBag();
        var at = new SourceSpan("organisations/x/organisation.yaml", 9, 17);
        var partial = ThreeRiversTemplate.LayoutNames.Where(kv => kv.Key != "Comparison").ToDictionary();
        TemplateCheck.Check(ThreeRiversTemplate.PotxPath, partial, at, bag);
        var w = Assert.Single(bag.Items);
        Assert.Equal(Severity.Warning, w.Severity);
        Assert.Equal("organisations/x/organisation.yaml:9:17: warning QCDP872: the PowerPoint template has no layout named \"Comparison\" (for our \"Comparison\" slides); they use \"Bullets\" instead", w.Headline);
        Assert.Equal("its layouts are \"Cover\", \"Divider\", \"Bullets\", \"Two Columns\", \"Side by Side\", \"Picture with Caption\", \"Empty\"; map one with layout_names: { \"Comparison\": \"…\" }", w.Hint);

        // The writer falls back the same way: comparison slides land on "Bullets".
        var deck = SampleDecks.Sample();
        var bytes = PptxWriter.Write(deck, ThreeRiversTemplate.Brand() with { LayoutNames = partial }, ThreeRiversTemplate.PotxPath);
        OpenXmlAssert.Valid(bytes, "pptx");
        using var doc = PresentationDocument.Open(new MemoryStream(bytes), false);
        var used = Slides(doc).Select(s => LayoutName(s.SlideLayoutPart!)).ToList();
        var comparison = deck.Slides.Select((s, i) => (s, i)).First(x => x.s.Layout == SlideLayout.Comparison).i;
        Assert.Equal("Bullets", used[comparison]);

        // A mapping to a name the template does not have is reported with that name.
        var wrong = new DiagnosticBag();
        TemplateCheck.Check(ThreeRiversTemplate.PotxPath, new Dictionary<string, string>(ThreeRiversTemplate.LayoutNames) { ["Blank"] = "Nothing" }, at, wrong);
        Assert.StartsWith("the PowerPoint template has no layout named \"Nothing\" (for our \"Blank\" slides)", Assert.Single(wrong.Items).Message);
    }

    [Fact]
    public void A_dotx_reference_document_supplies_styles_and_the_output_is_a_document()
    {
        var reference = Path.Combine(Path.GetTempPath(), $"qcdp-reference-{Guid.NewGuid():N}.dotx");
        try
        {
            // A Word template: a document whose heading 1 is plum, saved as .dotx.
            var ms = new MemoryStream();
            ms.Write(DocxWriter.Write(DocxSamples.Handout(), DocxSamples.Brand(), new DocxOptions(DocxKind.Handout)));
            using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
            {
                var entry = zip.GetEntry("word/styles.xml")!;
                XDocument styles;
                using (var s = entry.Open()) styles = XDocument.Load(s);
                var h1 = styles.Root!.Elements(W + "style").Single(s => s.Element(W + "name")!.Attribute(W + "val")!.Value == "heading 1");
                h1.Descendants(W + "color").Single().SetAttributeValue(W + "val", "5B2A5C");
                entry.Delete();
                using var w = zip.CreateEntry("word/styles.xml").Open();
                styles.Save(w);
            }
            ms.Position = 0;
            using (var doc = WordprocessingDocument.Open(ms, true)) doc.ChangeDocumentType(DocumentFormat.OpenXml.WordprocessingDocumentType.Template);
            File.WriteAllBytes(reference, ms.ToArray());
            Assert.Contains("wordprocessingml.template.main+xml", Text(File.ReadAllBytes(reference), "[Content_Types].xml"));

            var bytes = DocxWriter.Write(DocxSamples.Handout(), DocxSamples.Brand(), new DocxOptions(DocxKind.Handout) { ReferenceDocxPath = reference });
            OpenXmlAssert.Valid(bytes, "docx");
            Assert.Contains("wordprocessingml.document.main+xml", Text(bytes, "[Content_Types].xml"));
            var h = Part(bytes, "word/styles.xml").Root!.Elements(W + "style").Single(s => s.Element(W + "name")!.Attribute(W + "val")!.Value == "heading 1");
            Assert.Equal("5B2A5C", h.Descendants(W + "color").Single().Attribute(W + "val")!.Value);
        }
        finally { File.Delete(reference); }
    }

    [Fact]
    public void The_generated_theme_carries_the_organisations_colours_and_fonts()
    {
        var brand = ThreeRiversTemplate.Brand();
        var theme = Part(PptxWriter.Write(SampleDecks.Sample(), brand), "ppt/theme/theme1.xml");
        Assert.Equal("0B5563", Scheme(theme, "accent1"));
        Assert.Equal("5B2A5C", Scheme(theme, "accent2"));
        Assert.Equal("D9A441", Scheme(theme, "accent3"));
        Assert.Equal("1E2B2F", Scheme(theme, "dk1"));
        Assert.Equal("E4F0F1", Scheme(theme, "lt2"));
        Assert.Equal("Liberation Sans", (string?)theme.Descendants(A + "majorFont").Single().Element(A + "latin")!.Attribute("typeface"));
        Assert.Equal("Liberation Sans", (string?)theme.Descendants(A + "minorFont").Single().Element(A + "latin")!.Attribute("typeface"));
        Assert.DoesNotContain("005EB8", theme.ToString());
        // The footer text reaches the master.
        Assert.Contains("Three Rivers Health and Care Partnership · Quality Coach", Text(PptxWriter.Write(SampleDecks.Sample(), brand), "ppt/slideMasters/slideMaster1.xml"));
    }

    [Fact]
    public void Template_kinds_and_layout_names_are_checked_in_the_profile()
    {
        using var repo = new MiniRepo();
        repo.Write("organisations/smith-jones/brand/deck.key", "not a pptx");
        File.Copy(ThreeRiversTemplate.PotxPath, repo.PathOf("organisations/smith-jones/brand/template.potx"));
        repo.Edit(MiniRepo.Profile, t => t + "reference_deck: brand/deck.key\nlayout_names:\n  Title Slid: Cover\n");
        var bag = new DiagnosticBag();
        new ContentLoader(repo.Root, bag).LoadOrganisation(repo.PathOf(MiniRepo.Profile));
        var errors = bag.Items.Select(d => d.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("error QCDP873: 'reference_deck' must be a .pptx or .potx file, not deck.key"));
        Assert.Contains(errors, e => e.Contains("error QCDP102: unknown key 'Title Slid'") && e.Contains("did you mean 'Title Slide'?"));

        repo.Edit(MiniRepo.Profile, t => t.Replace("deck.key", "template.potx").Replace("Title Slid:", "Title Slide:"));
        var ok = new DiagnosticBag();
        var org = new ContentLoader(repo.Root, ok).LoadOrganisation(repo.PathOf(MiniRepo.Profile))!;
        Assert.False(ok.HasErrors, string.Join("\n", ok.Items));
        Assert.Equal("Cover", org.LayoutNames["Title Slide"]);
        Assert.EndsWith("template.potx", org.ReferenceDeck);
    }

    [Fact]
    public void The_three_rivers_package_uses_its_template_brand_file_and_calendar()
    {
        var plan = QcdpBuilder.Build.PackageBuilder.Plan(new QcdpBuilder.Build.BuildOptions(RepoPaths.Root) { Profile = "three-rivers", Write = false });
        Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
        // Its colours pass the contrast check and every layout is found through layout_names.
        Assert.DoesNotContain(plan.Diagnostics.Items, d => d.Rule is "QCDP871" or "QCDP872");
        var org = plan.Organisation!;
        Assert.Equal("#0B5563", org.Colours["primary"]);
        Assert.Equal("organisations/three-rivers/brand/_brand.yml", org.ColourAt["primary"].File);
        Assert.Equal("Liberation Sans", org.BodyFont);
        Assert.EndsWith("LiberationSans-Bold.ttf", org.FontFiles!.Bold);

        var deck = plan.Artefacts.First(a => a.Path.EndsWith("5.1-stance-and-contracting.pptx"));
        var bytes = deck.Render();
        OpenXmlAssert.Valid(bytes, "pptx");
        using (var doc = PresentationDocument.Open(new MemoryStream(bytes), false))
        {
            var used = Slides(doc).Select(s => LayoutName(s.SlideLayoutPart!)).Distinct().ToList();
            Assert.Contains("Cover", used);
            Assert.Contains("Divider", used);
            Assert.All(used, n => Assert.Contains(n, ThreeRiversTemplate.LayoutNames.Values));
        }
        Assert.Equal("0B5563", Scheme(Part(bytes, "ppt/theme/theme1.xml"), "accent1"));

        var ics = System.Text.Encoding.UTF8.GetString(plan.Artefacts.Single(a => a.Kind == "calendar").Render());
        Assert.Equal(14, ics.Split("BEGIN:VEVENT").Length - 1); // seven workshop days and seven webinars
        Assert.Contains("LOCATION:https://meet.example.org/three-rivers/qcdp-day-1\r\n", ics);
    }

    // ---- helpers ----

    static string LayoutName(SlideLayoutPart layout)
    {
        using var s = layout.GetStream();
        return (string)XDocument.Load(s).Root!.Element(P + "cSld")!.Attribute("name")!;
    }

    static List<SlidePart> Slides(PresentationDocument doc)
    {
        var pres = doc.PresentationPart!;
        using var s = pres.GetStream();
        return XDocument.Load(s).Descendants(P + "sldId")
            .Select(e => (SlidePart)pres.GetPartById((string)e.Attribute(XName.Get("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"))!))
            .ToList();
    }

    static string? Scheme(XDocument theme, string name) =>
        (string?)theme.Descendants(A + "clrScheme").Single().Element(A + name)!.Element(A + "srgbClr")?.Attribute("val");

    static string Text(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var r = new StreamReader(zip.GetEntry(name)!.Open());
        return r.ReadToEnd();
    }

    static XDocument Part(byte[] package, string name) => XDocument.Parse(Text(package, name));
}
