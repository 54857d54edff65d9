using System.Xml.Linq;
using QcdpBuilder.Branding;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Pptx.PptxXml;

namespace QcdpBuilder.Pptx;

/// <summary>
/// Builds the default reference deck from the brand (as pandoc's reference.pptx): one
/// master, a brand theme and the seven named layouts, all from the XML fragments in
/// Assets/Pptx. The writer then treats it exactly like an organisation's own template.
/// </summary>
static class ReferenceDeck
{
    /// <summary>Layout fragments in master order; their names are in the files (cSld/@name).</summary>
    static readonly string[] LayoutFiles =
    [
        "title-slide", "section-header", "title-and-content", "two-content", "comparison", "content-with-caption", "blank",
    ];

    // Every deck of a build starts from the same reference: make it once per brand (a build has one Brand
    // instance; a rebuild after an edit makes a new one). The package is only ever cloned, never changed.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Brand, OpcPackage> Built = new();

    /// <summary>The reference deck for <paramref name="brand"/>, built on first use. Clone it before changing it.</summary>
    public static OpcPackage For(Brand brand) => Built.GetValue(brand, Build);

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (byte[] Hash, OpcPackage Package)> Opened = new();

    /// <summary>
    /// An organisation's own reference deck, unpacked once per content of the file (a build writes every
    /// deck from it; an edited template is read again). Clone it before changing it.
    /// </summary>
    public static OpcPackage Open(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var hash = System.Security.Cryptography.SHA256.HashData(bytes); // time stamps are too coarse to tell two quick saves apart
        var key = Path.GetFullPath(path);
        if (Opened.TryGetValue(key, out var known) && known.Hash.AsSpan().SequenceEqual(hash)) return known.Package;
        var package = OpcPackage.Open(bytes);
        // Nothing of the template may point outside the deck (the profile is warned when it is read).
        ExternalLinks.Drop(package);
        Opened[key] = (hash, package); // one version per path: the latest
        return package;
    }

    public static OpcPackage Build(Brand brand)
    {
        var package = new OpcPackage();
        var pres = package.AddPart("ppt/presentation.xml", Pml.PresentationType);
        package.Relate(null, pres, Pml.OfficeDocumentRel, "rId1");
        Feed(pres, Asset("presentation.xml"));

        var master = package.AddPart("ppt/slideMasters/slideMaster1.xml", Pml.SlideMasterType);
        package.Relate(pres, master, Pml.SlideMasterRel, "rId1");
        var theme = package.AddPart("ppt/theme/theme1.xml", Pml.ThemeType);
        package.Relate(pres, theme, Pml.ThemeRel, "rId2");
        Feed(theme, Theme(brand));
        package.Relate(master, theme, Pml.ThemeRel, "rId8");
        Feed(Add(package, pres, "ppt/presProps.xml", Pml.PresPropsType, Pml.PresPropsRel, "rId3"), Asset("presProps.xml"));
        Feed(Add(package, pres, "ppt/viewProps.xml", Pml.ViewPropsType, Pml.ViewPropsRel, "rId4"), Asset("viewProps.xml"));
        Feed(Add(package, pres, "ppt/tableStyles.xml", Pml.TableStylesType, Pml.TableStylesRel, "rId5"), Asset("tableStyles.xml"));

        var logo = brand.LogoPath is null ? null : ImageInfo.Read(brand.LogoPath);
        OpcPart? logoPart = null;
        if (logo is not null)
        {
            logoPart = package.AddPart($"ppt/media/image.{logo.Extension}", logo.ContentType, File.ReadAllBytes(logo.Path));
            package.Relate(master, logoPart, Pml.ImageRel, "rId9");
        }
        // Small logo at the right of the footer (6.9in-7.3in), up to 2.4in wide.
        var footerLogo = logo?.FitInto(new Rect(Emu.FromInches(10.333).Value, 6309360, Emu.FromInches(2.4).Value, 365760));
        Feed(master, Asset("slideMaster.xml")
            .Text("footer", brand.FooterText)
            .Element("logo", footerLogo is { } f ? Logo(brand, 8, "rId9", RightAligned(f, Emu.FromInches(12.733).Value)) : null));

        for (var i = 0; i < LayoutFiles.Length; i++)
        {
            var layout = Add(package, master, $"ppt/slideLayouts/slideLayout{i + 1}.xml", Pml.SlideLayoutType, Pml.SlideLayoutRel, $"rId{i + 1}");
            package.Relate(layout, master, Pml.SlideMasterRel, "rId1");
            var xml = Asset($"layouts/{LayoutFiles[i]}.xml");
            if (LayoutFiles[i] == "title-slide")
            {
                XElement? big = null;
                if (logo is not null)
                {
                    package.Relate(layout, logoPart!, Pml.ImageRel, "rId2");
                    // Large logo in the white panel along the bottom (5.9in-7.5in), up to 1in tall and 3.5in wide.
                    var area = logo.FitInto(new Rect(Emu.FromInches(8.5).Value, Emu.FromInches(6.2).Value, Emu.FromInches(3.5).Value, Emu.FromInches(1.0).Value));
                    big = Logo(brand, 6, "rId2", RightAligned(area, Emu.FromInches(12.533).Value));
                }
                xml.Text("organisation", brand.OrganisationName).Element("logo", big);
            }
            Feed(layout, xml);
        }
        // Every deck has speaker notes: give the reference its notes master here, once per brand, not once per deck.
        var presXml = Load(pres);
        PptxWriter.EnsureNotesMaster(package, pres, presXml, brand);
        Save(pres, presXml);
        return package;
    }

    static OpcPart Add(OpcPackage package, OpcPart source, string name, string contentType, string relType, string id)
    {
        var part = package.AddPart(name, contentType);
        package.Relate(source, part, relType, id);
        return part;
    }

    static Rect RightAligned(Rect r, long right) => r with { X = right - r.Cx };

    static XElement Logo(Brand brand, int id, string rid, Rect r) => Asset("shapes/logo.xml")
        .Number("id", id).Text("rid", rid).Text("descr", $"{brand.OrganisationName} logo").Element("xfrm", Xfrm(r))
        .Fragment;

    /// <summary>The brand theme: colours and the heading/body fonts.</summary>
    public static XmlAsset Theme(Brand brand) => Asset("theme.xml")
        .Text("name", brand.ShortName)
        .Colour("dk1", brand.Text.Hex)
        .Colour("lt1", brand.Background.Hex)
        .Colour("dk2", brand.Secondary.Hex)
        .Colour("lt2", brand.Tint.Hex)
        .Colour("accent1", brand.Primary.Hex)
        .Colour("accent2", brand.Secondary.Hex)
        .Colour("accent3", brand.Accent.Hex)
        .Colour("accent4", TableWriter.Blend(brand.Primary, brand.Background, 0.4))
        .Colour("accent5", TableWriter.Blend(brand.Secondary, brand.Background, 0.4))
        .Colour("accent6", TableWriter.Blend(brand.Text, brand.Background, 0.35))
        .Colour("hlink", brand.Primary.Hex)
        .Colour("folHlink", brand.Secondary.Hex)
        .Text("majorFont", brand.HeadingFont)
        .Text("minorFont", brand.BodyFont);
}
