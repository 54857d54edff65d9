using System.Text;
using System.Xml.Linq;
using QcdpBuilder.Packaging;

namespace QcdpBuilder.Tests.PackagingTests;

/// <summary>Readable XML assets filled through typed setters, and the parts of the package layer the Word and Excel writers use.</summary>
public class XmlAssetTests
{
    static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    static readonly XNamespace P = "http://schemas.openxmlformats.org/presentationml/2006/main";

    /// <summary>The text shape with every slot filled, as the slide composer fills it for a text box.</summary>
    static XmlAsset TextBox(string name) => XmlAsset.Load("Pptx/shapes/text.xml")
        .Number("id", 7).Text("name", name).Text("txBox", "1").Element("ph", null)
        .Element("xfrm", new XElement(A + "xfrm")).Element("bodyPr", new XElement(A + "bodyPr"))
        .Elements("paragraphs", [new XElement(A + "p"), new XElement(A + "p")]);

    [Fact]
    public void Values_are_escaped_by_the_writer_and_cannot_add_markup()
    {
        var name = "Smith & Jones <North> \"plc\" </p:cNvPr><p:evil/>";
        var bytes = OpcXml.Bytes(new XDocument(new XElement(P + "spTree",
            new XAttribute(XNamespace.Xmlns + "p", P), new XAttribute(XNamespace.Xmlns + "a", A), TextBox(name).Fragment)));
        var back = XDocument.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal(name, (string?)back.Descendants(P + "cNvPr").Single().Attribute("name"));
        Assert.Empty(back.Descendants(P + "evil"));
        Assert.Equal(2, back.Descendants(A + "p").Count());
        Assert.Equal("7", (string?)back.Descendants(P + "cNvPr").Single().Attribute("id"));
    }

    [Fact]
    public void A_null_value_removes_the_attribute_or_leaves_the_slot_empty()
    {
        var shape = XmlAsset.Load("Pptx/shapes/text.xml")
            .Number("id", 2).Text("name", "Title 1").Text("txBox", null).Element("ph", new XElement(P + "ph", new XAttribute("type", "title")))
            .Element("xfrm", null).Element("bodyPr", new XElement(A + "bodyPr")).Elements("paragraphs", [])
            .Fragment;
        Assert.Null(shape.Descendants(P + "cNvSpPr").Single().Attribute("txBox"));
        Assert.True(shape.Descendants(P + "spPr").Single().IsEmpty);
        Assert.Equal("title", (string?)shape.Descendants(P + "ph").Single().Attribute("type"));
        // The fragment leaves namespace declarations to the part it joins.
        Assert.DoesNotContain(shape.Attributes(), a => a.IsNamespaceDeclaration);
    }

    [Fact]
    public void Every_slot_must_be_filled_and_only_once()
    {
        var asset = XmlAsset.Load("Pptx/shapes/table-cell.xml").Colour("fill", "#e8edee");
        var unfilled = Assert.Throws<InvalidOperationException>(() => asset.Document);
        Assert.Contains("{paragraphs}", unfilled.Message);
        Assert.Contains("{rule}", unfilled.Message);
        Assert.Throws<InvalidOperationException>(() => asset.Colour("fill", "FFFFFF"));    // filled already
        Assert.Throws<InvalidOperationException>(() => asset.Text("colour", "FFFFFF"));    // no such slot
        Assert.Throws<InvalidOperationException>(() => asset.Copy());                     // copy before filling
        asset.Colour("rule", "003087").Elements("paragraphs", [new XElement(A + "p")]);
        Assert.Equal("E8EDEE", (string?)asset.Document.Descendants(A + "srgbClr").Last().Attribute("val"));
    }

    [Fact]
    public void Colours_are_checked_and_characters_xml_cannot_hold_are_dropped()
    {
        Assert.Throws<ArgumentException>(() => XmlAsset.Load("Pptx/shapes/table-cell.xml").Colour("fill", "red\" b=\"1"));
        var core = XmlAsset.Load("Xlsx/core.xml").Text("title", "Runs\u0001 \ud800chart \ud83d\udcc8").Text("subject", "s").Text("date", "2026-01-01T00:00:00Z").Document;
        var bytes = OpcXml.Bytes(core);
        Assert.Equal("Runs chart \ud83d\udcc8", XDocument.Parse(Encoding.UTF8.GetString(bytes)).Root!.Elements().First().Value);
    }

    [Fact]
    public void A_copy_is_independent_of_the_asset_and_of_other_copies()
    {
        var assets = new XmlAssets("Pptx");
        var first = assets["shapes/table-cell.xml"].Colour("fill", "111111").Colour("rule", "222222").Elements("paragraphs", []).Document;
        var second = assets["shapes/table-cell.xml"].Colour("fill", "333333").Colour("rule", "444444").Elements("paragraphs", []).Document;
        Assert.Equal("111111", (string?)first.Descendants(A + "srgbClr").Last().Attribute("val"));
        Assert.Equal("333333", (string?)second.Descendants(A + "srgbClr").Last().Attribute("val"));
    }

    [Fact]
    public void Relating_without_an_id_numbers_relationships_and_reuses_one_to_the_same_target()
    {
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        var package = new OpcPackage();
        package.AddDefault("xml", "application/xml");
        var doc = package.AddPart("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
        var image = package.AddPart("word/media/image1.png", "image/png", [1, 2, 3]);
        Assert.Equal("rId1", package.Relate(doc, image, Rel + "image"));
        Assert.Equal("rId2", package.RelateExternal(doc, Rel + "hyperlink", "https://example.org/"));
        Assert.Equal("rId1", package.Relate(doc, image, Rel + "image"));
        Assert.Equal("rId2", package.RelateExternal(doc, Rel + "hyperlink", "https://example.org/"));
        Assert.Equal("rId3", package.RelateExternal(doc, Rel + "hyperlink", "https://example.org/other"));
        Assert.Equal("rId1", package.Relate(null, doc, Rel + "officeDocument"));

        var back = OpcPackage.Open(package.Save());
        Assert.Equal(["rId1", "rId2", "rId3"], back.RelationshipsOf(back["word/document.xml"]).Select(r => r.Id));
        // application/xml is the default, so the document names its own type; the picture takes png's default.
        var types = XDocument.Parse(Encoding.UTF8.GetString(ZipEntry(package.Save(), "[Content_Types].xml")));
        Assert.Contains(types.Root!.Elements(), e => (string?)e.Attribute("Extension") == "xml" && (string?)e.Attribute("ContentType") == "application/xml");
        Assert.Contains(types.Root!.Elements(), e => (string?)e.Attribute("PartName") == "/word/document.xml");
        Assert.DoesNotContain(types.Root!.Elements(), e => (string?)e.Attribute("PartName") == "/word/media/image1.png");
    }

    [Fact]
    public void A_deleted_part_frees_its_name_for_the_next_new_part()
    {
        var package = new OpcPackage();
        var slide1 = package.AddPart(package.NewPartName("ppt/slides", "slide", "xml"), "application/xml", [1]);
        var slide2 = package.AddPart(package.NewPartName("ppt/slides", "slide", "xml"), "application/xml", [2]);
        package.Relate(null, slide1, "urn:test", "rId1");
        package.Relate(null, slide2, "urn:test", "rId2");
        Assert.Equal("ppt/slides/slide3.xml", package.NewPartName("ppt/slides", "slide", "xml"));
        package.Delete([slide1]);
        Assert.Equal("ppt/slides/slide1.xml", package.NewPartName("ppt/slides", "slide", "xml"));
        Assert.Equal("ppt/slides/slide1.xml", package.Clone().NewPartName("ppt/slides", "slide", "xml"));
        // Names are taken in any folder: slide2.xml is still there.
        package.AddPart("ppt/slides/slide1.xml", "application/xml", [3]);
        Assert.Equal("ppt/other/slide3.xml", package.NewPartName("ppt/other", "slide", "xml"));
    }

    static byte[] ZipEntry(byte[] zip, string name)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        using var s = archive.GetEntry(name)!.Open();
        var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
