using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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

    const string MainContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

    // Every deck of a build starts from the same reference: make it once per brand (a build has one Brand
    // instance; a rebuild after an edit makes a new one). The bytes are only ever copied, never changed.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Brand, byte[]> Built = new();

    /// <summary>The reference deck for <paramref name="brand"/>, built on first use.</summary>
    public static byte[] For(Brand brand) => Built.GetValue(brand, Build);

    public static byte[] Build(Brand brand)
    {
        var stream = new MemoryStream();
        using (var doc = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            doc.CompressionOption = System.IO.Packaging.CompressionOption.NotCompressed; // only ever read back by the writer
            var pres = doc.AddNewPart<PresentationPart>(MainContentType, "rId1");
            Feed(pres, Fragment("presentation.xml"));

            var master = pres.AddNewPart<SlideMasterPart>("rId1");
            var theme = pres.AddNewPart<ThemePart>("rId2");
            Feed(theme, Theme(brand));
            master.AddPart(theme, "rId8");
            Feed(pres.AddNewPart<PresentationPropertiesPart>("rId3"), Fragment("presProps.xml"));
            Feed(pres.AddNewPart<ViewPropertiesPart>("rId4"), Fragment("viewProps.xml"));
            Feed(pres.AddNewPart<TableStylesPart>("rId5"), Fragment("tableStyles.xml"));

            var logo = brand.LogoPath is null ? null : ImageInfo.Read(brand.LogoPath);
            ImagePart? logoPart = null;
            if (logo is not null)
            {
                logoPart = master.AddImagePart(logo.PartType, "rId9");
                using var from = File.OpenRead(logo.Path);
                logoPart.FeedData(from);
            }
            // Small logo at the right of the footer (6.9in-7.3in), up to 2.4in wide.
            var footerLogo = logo?.FitInto(new Rect(Emu.FromInches(10.333).Value, 6309360, Emu.FromInches(2.4).Value, 365760));
            Feed(master, Fragment("slideMaster.xml", new Dictionary<string, string>
            {
                ["footer"] = Esc(brand.FooterText),
                ["logo"] = footerLogo is { } f ? Logo(brand, 8, "rId9", RightAligned(f, Emu.FromInches(12.733).Value)) : "",
            }));

            for (var i = 0; i < LayoutFiles.Length; i++)
            {
                var layout = master.AddNewPart<SlideLayoutPart>($"rId{i + 1}");
                layout.AddPart(master, "rId1");
                var values = new Dictionary<string, string> { ["organisation"] = Esc(brand.OrganisationName), ["logo"] = "" };
                if (LayoutFiles[i] == "title-slide" && logo is not null)
                {
                    layout.AddPart(logoPart!, "rId2");
                    // Large logo in the white panel along the bottom (5.9in-7.5in), up to 1in tall and 3.5in wide.
                    var big = logo.FitInto(new Rect(Emu.FromInches(8.5).Value, Emu.FromInches(6.2).Value, Emu.FromInches(3.5).Value, Emu.FromInches(1.0).Value));
                    values["logo"] = Logo(brand, 6, "rId2", RightAligned(big, Emu.FromInches(12.533).Value));
                }
                Feed(layout, Fragment($"layouts/{LayoutFiles[i]}.xml", values));
            }
        }
        return stream.ToArray();
    }

    static Rect RightAligned(Rect r, long right) => r with { X = right - r.Cx };

    static string Logo(Brand brand, int id, string rid, Rect r) => Fragment("shapes/logo.xml", new Dictionary<string, string>
    {
        ["id"] = Int(id), ["rid"] = rid, ["descr"] = Esc($"{brand.OrganisationName} logo"),
        ["x"] = Int(r.X), ["y"] = Int(r.Y), ["cx"] = Int(r.Cx), ["cy"] = Int(r.Cy),
    });

    /// <summary>The brand theme: colours and the heading/body fonts.</summary>
    public static string Theme(Brand brand) => Fragment("theme.xml", new Dictionary<string, string>
    {
        ["name"] = Esc(brand.ShortName),
        ["dk1"] = brand.Text.Hex,
        ["lt1"] = brand.Background.Hex,
        ["dk2"] = brand.Secondary.Hex,
        ["lt2"] = brand.Tint.Hex,
        ["accent1"] = brand.Primary.Hex,
        ["accent2"] = brand.Secondary.Hex,
        ["accent3"] = brand.Accent.Hex,
        ["accent4"] = TableWriter.Blend(brand.Primary, brand.Background, 0.4),
        ["accent5"] = TableWriter.Blend(brand.Secondary, brand.Background, 0.4),
        ["accent6"] = TableWriter.Blend(brand.Text, brand.Background, 0.35),
        ["hlink"] = brand.Primary.Hex,
        ["folHlink"] = brand.Secondary.Hex,
        ["majorFont"] = Esc(brand.HeadingFont),
        ["minorFont"] = Esc(brand.BodyFont),
    });
}
