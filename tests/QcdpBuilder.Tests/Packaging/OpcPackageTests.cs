using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using QcdpBuilder.Packaging;
using QcdpBuilder.Pptx;
using QcdpBuilder.Tests.BrandingTests;
using QcdpBuilder.Tests.Pptx;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.PackagingTests;

/// <summary>The Open Packaging Conventions layer the PowerPoint writer uses instead of the Open XML SDK.</summary>
public class OpcPackageTests
{
    const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    const string Pml = "application/vnd.openxmlformats-officedocument.presentationml.";
    static readonly XNamespace Ct = "http://schemas.openxmlformats.org/package/2006/content-types";
    static readonly XNamespace Rels = "http://schemas.openxmlformats.org/package/2006/relationships";

    static byte[] Xml(string root) => Encoding.UTF8.GetBytes($"<{root}/>");

    /// <summary>A presentation with one layout and two slides; slide 1 has notes and a picture, slide 2 shows a logo also on the layout.</summary>
    static (OpcPackage Package, OpcPart Pres, OpcPart Layout, OpcPart Slide1, OpcPart Notes1, OpcPart Picture, OpcPart Slide2, OpcPart Logo) Deck()
    {
        var p = new OpcPackage();
        var pres = p.AddPart("ppt/presentation.xml", Pml + "presentation.main+xml", Xml("presentation"));
        p.Relate(null, pres, Rel + "officeDocument", "rId1");
        var layout = p.AddPart("ppt/slideLayouts/slideLayout1.xml", Pml + "slideLayout+xml", Xml("sldLayout"));
        p.Relate(pres, layout, Rel + "slideLayout", "rId1");
        var logo = p.AddPart("ppt/media/logo.png", "image/png", [1, 2, 3]);
        p.Relate(layout, logo, Rel + "image", "rId1");
        var slide1 = p.AddPart(p.NewPartName("ppt/slides", "slide", "xml"), Pml + "slide+xml", Xml("sld"));
        var notes1 = p.AddPart(p.NewPartName("ppt/notesSlides", "notesSlide", "xml"), Pml + "notesSlide+xml", Xml("notes"));
        var picture = p.AddPart(p.NewPartName("ppt/media", "image", "png", unnumberedFirst: true), "image/png", [4, 5, 6]);
        p.Relate(pres, slide1, Rel + "slide", "rIdSlide1");
        p.Relate(slide1, layout, Rel + "slideLayout", "rId1");
        p.Relate(slide1, notes1, Rel + "notesSlide", "rId2");
        p.Relate(notes1, slide1, Rel + "slide", "rId1"); // a cycle, as in every deck
        p.Relate(slide1, picture, Rel + "image", "rId3");
        p.RelateExternal(slide1, Rel + "hyperlink", "https://example.org/?a=1&b=2", "rId4");
        var slide2 = p.AddPart(p.NewPartName("ppt/slides", "slide", "xml"), Pml + "slide+xml", Xml("sld"));
        p.Relate(pres, slide2, Rel + "slide", "rIdSlide2");
        p.Relate(slide2, layout, Rel + "slideLayout", "rId1");
        p.Relate(slide2, logo, Rel + "image", "rId2");
        return (p, pres, layout, slide1, notes1, picture, slide2, logo);
    }

    static string Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void New_part_names_take_the_lowest_free_number_across_folders()
    {
        var d = Deck();
        Assert.Equal("ppt/slides/slide1.xml", d.Slide1.Name);
        Assert.Equal("ppt/slides/slide2.xml", d.Slide2.Name);
        Assert.Equal("ppt/media/image.png", d.Picture.Name);
        Assert.Equal("ppt/media/image2.png", d.Package.NewPartName("ppt/media", "image", "png", unnumberedFirst: true));
        d.Package.AddPart("ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml", Xml("theme"));
        Assert.Equal("ppt/notesMasters/theme/theme2.xml", d.Package.NewPartName("ppt/notesMasters/theme", "theme", "xml"));
        Assert.Throws<InvalidOperationException>(() => d.Package.AddPart("/ppt/slides/SLIDE1.xml", Pml + "slide+xml"));
    }

    [Fact]
    public void Relationship_ids_never_clash()
    {
        var d = Deck();
        var again = d.Package.AddPart("ppt/slides/slide9.xml", Pml + "slide+xml", Xml("sld"));
        Assert.Equal("rIdSlide1_2", d.Package.Relate(d.Pres, again, Rel + "slide", "rIdSlide1"));
        Assert.Equal("rIdSlide1_3", d.Package.FreeId(d.Pres, "rIdSlide1"));
        Assert.Equal("rId5", d.Package.RelateExternal(d.Slide1, Rel + "hyperlink", "https://example.org/2", "rId5"));
        Assert.Same(d.Notes1, d.Package.Target(d.Slide1, "rId2"));
        Assert.Null(d.Package.Target(d.Slide1, "rId4")); // external
        Assert.Equal([d.Slide1, d.Slide2, again], d.Package.Related(d.Pres, Rel + "slide"));
    }

    [Fact]
    public void Deleting_a_slide_deletes_its_notes_and_pictures_only_it_used()
    {
        var d = Deck();
        d.Package.Delete([d.Slide1]);
        var names = d.Package.Parts.Select(p => p.Name).ToList();
        Assert.DoesNotContain(d.Slide1.Name, names);
        Assert.DoesNotContain(d.Notes1.Name, names);     // reached only through the slide (despite its link back)
        Assert.DoesNotContain(d.Picture.Name, names);    // shown only on that slide
        Assert.Contains(d.Layout.Name, names);           // still reached from the presentation
        Assert.Contains(d.Logo.Name, names);             // still on the layout and slide 2
        Assert.Contains(d.Slide2.Name, names);
        Assert.Equal(["rId1", "rIdSlide2"], d.Package.RelationshipsOf(d.Pres).Select(r => r.Id));
        Assert.DoesNotContain("slide1.xml", Entry(d.Package.Save(), "[Content_Types].xml"));

        d.Package.Delete([d.Slide2]);
        Assert.Contains(d.Logo.Name, d.Package.Parts.Select(p => p.Name)); // the layout still shows it
    }

    [Fact]
    public void A_saved_package_reads_back_the_same()
    {
        var d = Deck();
        var bytes = d.Package.Save();
        var back = OpcPackage.Open(bytes);
        Assert.Equal(d.Package.Parts.Select(p => (p.Name, p.ContentType)), back.Parts.Select(p => (p.Name, p.ContentType)));
        foreach (var part in d.Package.Parts)
        {
            Assert.Equal(part.Data, back[part.Name]!.Data);
            Assert.Equal(d.Package.RelationshipsOf(part), back.RelationshipsOf(back[part.Name]));
        }
        Assert.Equal(d.Package.RelationshipsOf(null), back.RelationshipsOf(null));
        var link = back.RelationshipsOf(back["ppt/slides/slide1.xml"]).Single(r => r.External);
        Assert.Equal("https://example.org/?a=1&b=2", link.Target);
        Assert.Equal(bytes, back.Save());

        // Content types: one default per extension (the first part's type), overrides for the rest.
        var types = XDocument.Parse(Entry(bytes, "[Content_Types].xml")).Root!;
        Assert.Equal(["xml", "png", "rels"], types.Elements(Ct + "Default").Select(e => (string)e.Attribute("Extension")!));
        Assert.Equal(Pml + "presentation.main+xml", types.Elements(Ct + "Default").First().Attribute("ContentType")!.Value);
        Assert.Contains(types.Elements(Ct + "Override"), e => (string)e.Attribute("PartName")! == "/ppt/slides/slide1.xml");
        Assert.DoesNotContain(types.Elements(Ct + "Override"), e => (string)e.Attribute("PartName")! == "/ppt/presentation.xml");
    }

    [Fact]
    public void Saving_is_deterministic_with_fixed_stamps_and_no_byte_order_marks()
    {
        static byte[] Build()
        {
            var package = Deck().Package.Clone();
            package.AddPart("ppt/custom.xml", "application/xml", [0xEF, 0xBB, 0xBF, .. Xml("custom")]);
            return package.Save();
        }
        var first = Build();
        Assert.Equal(first, Build());
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.Equal("_rels/.rels", zip.Entries[1].FullName);
        foreach (var e in zip.Entries)
        {
            Assert.Equal(DeterministicZip.Epoch.Year, e.LastWriteTime.Year);
            using var s = e.Open();
            var head = new byte[3];
            s.ReadAtLeast(head, 3, throwOnEndOfStream: false);
            Assert.False(head is [0xEF, 0xBB, 0xBF], $"{e.FullName} starts with a byte-order mark");
        }
    }

    [Fact]
    public void Relative_targets_as_PowerPoint_writes_them_resolve()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var w = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(true)); // with a BOM, as some tools write
                w.Write(text);
            }
            Add("[Content_Types].xml", $"""<?xml version="1.0"?><Types xmlns="{Ct}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="{Pml}template.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="{Pml}slideMaster+xml"/></Types>""");
            Add("_rels/.rels", $"""<Relationships xmlns="{Rels}"><Relationship Id="rId1" Type="{Rel}officeDocument" Target="ppt/presentation.xml"/></Relationships>""");
            Add("ppt/presentation.xml", "<p/>");
            Add("ppt/_rels/presentation.xml.rels", $"""<Relationships xmlns="{Rels}"><Relationship Id="rId1" Type="{Rel}slideMaster" Target="slideMasters/slideMaster1.xml"/></Relationships>""");
            Add("ppt/slideMasters/slideMaster1.xml", "<m/>");
            Add("ppt/slideMasters/_rels/slideMaster1.xml.rels", $"""<Relationships xmlns="{Rels}"><Relationship Id="rId1" Type="{Rel}presProps" Target="../presentation.xml"/></Relationships>""");
            Add("stray.bin", "no content type: not a part");
        }
        var package = OpcPackage.Open(zip.ToArray());
        var pres = package.Related(null, Rel + "officeDocument").Single();
        var master = package.Related(pres, Rel + "slideMaster").Single();
        Assert.Equal("ppt/slideMasters/slideMaster1.xml", master.Name);
        Assert.Same(pres, package.Target(master, "rId1"));
        Assert.Null(package["stray.bin"]);
        Assert.Equal(Pml + "template.main+xml", pres.ContentType);
    }

    [Fact]
    public void A_potx_becomes_a_presentation_whose_main_part_says_so()
    {
        var potx = File.ReadAllBytes(ThreeRiversTemplate.PotxPath);
        Assert.Contains("presentationml.template.main+xml", Entry(potx, "[Content_Types].xml"));
        var bytes = PptxWriter.Write(SampleDecks.Sample(), ThreeRiversTemplate.Brand() with { LayoutNames = ThreeRiversTemplate.LayoutNames }, ThreeRiversTemplate.PotxPath);
        var types = XDocument.Parse(Entry(bytes, "[Content_Types].xml")).Root!;
        Assert.DoesNotContain("template.main+xml", types.ToString());
        var package = OpcPackage.Open(bytes);
        var main = package.Related(null, Rel + "officeDocument").Single();
        Assert.Equal(Pml + "presentation.main+xml", main.ContentType);
        // The template's own parts (its master and layouts) are kept, its slides replaced by ours.
        Assert.Equal(7, package.Parts.Count(p => p.ContentType == Pml + "slideLayout+xml"));
        Assert.Equal(SampleDecks.Sample().Slides.Count, package.Related(main, Rel + "slide").Count());
    }

    [Fact]
    public void A_written_deck_read_and_saved_again_is_still_valid_and_unchanged()
    {
        var bytes = PptxWriter.Write(SampleDecks.Sample(), SampleDecks.Brand());
        var again = OpcPackage.Open(bytes).Save();
        OpenXmlAssert.Valid(again, "pptx");
        Assert.Equal(bytes, again);
    }

    [Fact]
    public void What_is_not_a_package_is_refused_with_a_reason()
    {
        Assert.Throws<InvalidDataException>(() => OpcPackage.Open(Encoding.UTF8.GetBytes("not a zip")));
        var deck = PptxWriter.Write(SampleDecks.Sample(), SampleDecks.Brand());
        Assert.Throws<InvalidDataException>(() => OpcPackage.Open(deck[..(deck.Length / 2)]));
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true)) archive.CreateEntry("readme.txt");
        var e = Assert.Throws<InvalidDataException>(() => OpcPackage.Open(zip.ToArray()));
        Assert.Contains("[Content_Types].xml", e.Message);
    }
}
