using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using QcdpBuilder.Branding;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Packaging;
using QcdpBuilder.Pptx;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.BrandingTests;

/// <summary>
/// Makes organisations/three-rivers/brand/template.potx, the example of an organisation's own
/// PowerPoint template: the Three Rivers theme (colours and Liberation Sans from its
/// _brand.yml), a master with a teal band down the left and a plum band across the top, and
/// layouts named as a design agency might ("Cover", "Bullets", …), not as PowerPoint does.
/// Regenerate with <c>QCDP_WRITE_TEMPLATE=1 dotnet test --filter Write_three_rivers_template</c>.
/// </summary>
public static class ThreeRiversTemplate
{
    public static string Folder => Path.Combine(RepoPaths.Root, "organisations", "three-rivers", "brand");
    public static string PotxPath => Path.Combine(Folder, "template.potx");

    /// <summary>Our layout name → the template's; the profile's layout_names says the same.</summary>
    public static readonly Dictionary<string, string> LayoutNames = new()
    {
        ["Title Slide"] = "Cover",
        ["Section Header"] = "Divider",
        ["Title and Content"] = "Bullets",
        ["Two Content"] = "Two Columns",
        ["Comparison"] = "Side by Side",
        ["Content with Caption"] = "Picture with Caption",
        ["Blank"] = "Empty",
    };

    /// <summary>A left band (accent1, teal) and the top band recoloured (accent2, plum): the look that tells this master apart.</summary>
    const string SideBand = """
        <p:sp><p:nvSpPr><p:cNvPr id="90" name="Side Band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="228600" cy="6858000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-GB"/></a:p></p:txBody></p:sp>
        """;

    public static Brand Brand()
    {
        var bag = new DiagnosticBag();
        var yml = BrandYml.Read(Path.Combine(Folder, "_brand.yml"), RepoPaths.Root, bag)!;
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return new Brand
        {
            OrganisationName = "Three Rivers Health and Care Partnership",
            ShortName = "Three Rivers",
            ProgrammeTitle = "Quality Coach Development Programme",
            Primary = Colour.Parse(yml.Colours["primary"].Hex),
            Secondary = Colour.Parse(yml.Colours["secondary"].Hex),
            Accent = Colour.Parse(yml.Colours["accent"].Hex),
            Text = Colour.Parse(yml.Colours["text"].Hex),
            Background = Colour.Parse(yml.Colours["background"].Hex),
            Tint = Colour.Parse(yml.Colours["tint"].Hex),
            HeadingFont = yml.HeadingFont!,
            BodyFont = yml.BodyFont!,
            Fonts = yml.Fonts!,
            LogoPath = yml.LogoPath,
            Footer = "Three Rivers Health and Care Partnership · Quality Coach Development Programme",
        };
    }

    /// <summary>The template's bytes: our reference deck for the brand (no slides), restyled, renamed and saved as a template.</summary>
    public static byte[] Build()
    {
        var pptx = PptxWriter.Write(new Deck("Three Rivers template", null, []), Brand());
        var ms = new MemoryStream();
        ms.Write(pptx);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("ppt/slideLayouts/slideLayout") || e.FullName == "ppt/slideMasters/slideMaster1.xml").ToList())
            {
                string text;
                using (var r = new StreamReader(entry.Open())) text = r.ReadToEnd();
                foreach (var (ours, theirs) in LayoutNames) text = text.Replace($"<p:cSld name=\"{ours}\">", $"<p:cSld name=\"{theirs}\">");
                if (entry.FullName.Contains("slideMaster"))
                {
                    var band = text.IndexOf("name=\"Top Band\"", StringComparison.Ordinal);
                    // The writer's XML has "<a:schemeClr val="accent1" />"; either form of the empty tag will do.
                    var fill = new System.Text.RegularExpressions.Regex("<a:schemeClr val=\"accent1\"\\s*/>").Match(text, band);
                    text = text[..fill.Index] + "<a:schemeClr val=\"accent2\"/>" + text[(fill.Index + fill.Length)..];
                    var treeStart = text.IndexOf("</p:grpSpPr>", StringComparison.Ordinal) + "</p:grpSpPr>".Length;
                    text = text.Insert(treeStart, SideBand.Trim());
                }
                var name = entry.FullName;
                entry.Delete();
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                w.Write(text);
            }
        }
        ms.Position = 0;
        using (var doc = PresentationDocument.Open(ms, true)) doc.ChangeDocumentType(PresentationDocumentType.Template);
        return DeterministicZip.Normalise(ms.ToArray());
    }
}
