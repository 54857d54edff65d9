using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.BrandingTests;

/// <summary>Reading a Quarto/posit _brand.yml as the brand source, with the profile's keys on top.</summary>
public class BrandYmlTests
{
    // Fonts are the repository's own Atkinson Hyperlegible files, named the way brand.yml does.
    const string BrandFile = """
        meta:
          name: Three Rivers
        logo:
          images:
            wide: logo.png
          small: logo.png
          medium: wide
        color:
          palette:
            teal: "#0F6E75"
            plum: "#6B2D5C"
            ink: "#1B2A30"
            mist: "#E6F1F1"
            gold: "#E0A526"
          primary: teal
          secondary: plum
          tertiary: gold
          foreground: ink
          background: white
          light: mist
          dark: ink
        typography:
          fonts:
            - family: Atkinson Hyperlegible
              source: file
              files:
                - path: ../../../templates/fonts/atkinson-hyperlegible/AtkinsonHyperlegible_400Regular.ttf
                  weight: 400
                - path: ../../../templates/fonts/atkinson-hyperlegible/AtkinsonHyperlegible_700Bold.ttf
                  weight: bold
                - path: ../../../templates/fonts/atkinson-hyperlegible/AtkinsonHyperlegible_400Regular_Italic.ttf
                  style: italic
            - family: Georgia
              source: system
          base: Atkinson Hyperlegible
          headings:
            family: Georgia
            weight: 600
        """;

    static (Organisation? Org, DiagnosticBag Bag) Load(MiniRepo repo, string brandYml, Func<string, string>? profile = null)
    {
        repo.Write("organisations/smith-jones/brand/_brand.yml", brandYml);
        File.Copy(repo.PathOf("organisations/smith-jones/logo.png"), repo.PathOf("organisations/smith-jones/brand/logo.png"), overwrite: true);
        repo.Edit(MiniRepo.Profile, t =>
        {
            t = t.Replace("logo: logo.png\n", "brand: brand/_brand.yml\n").Replace("colours:\n  primary: \"#005EB8\"\n", "");
            return profile?.Invoke(t) ?? t;
        });
        var bag = new DiagnosticBag();
        return (new ContentLoader(repo.Root, bag).LoadOrganisation(repo.PathOf(MiniRepo.Profile)), bag);
    }

    [Fact]
    public void Palette_references_fonts_and_logo_are_read()
    {
        using var repo = new MiniRepo();
        var (org, bag) = Load(repo, BrandFile);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        Assert.Equal("#0F6E75", org!.Colours["primary"]);
        Assert.Equal("#6B2D5C", org.Colours["secondary"]);
        Assert.Equal("#E0A526", org.Colours["accent"]);
        Assert.Equal("#1B2A30", org.Colours["text"]);
        Assert.Equal("#FFFFFF", org.Colours["background"]);
        Assert.Equal("#E6F1F1", org.Colours["tint"]);
        Assert.Equal(new SourceSpan("organisations/smith-jones/brand/_brand.yml", 15, 12), org.ColourAt["primary"]);
        Assert.Equal("Georgia", org.HeadingFont);
        Assert.Equal("Atkinson Hyperlegible", org.BodyFont);
        Assert.EndsWith("AtkinsonHyperlegible_400Regular.ttf", org.FontFiles!.Regular);
        Assert.EndsWith("AtkinsonHyperlegible_700Bold.ttf", org.FontFiles.Bold);
        Assert.EndsWith("AtkinsonHyperlegible_400Regular_Italic.ttf", org.FontFiles.Italic);
        Assert.EndsWith("AtkinsonHyperlegible_700Bold.ttf", org.FontFiles.BoldItalic); // no bold italic: bold stands in
        Assert.Equal(repo.PathOf("organisations/smith-jones/brand/logo.png"), org.LogoPath);
    }

    [Fact]
    public void The_profiles_own_keys_override_the_brand_file()
    {
        using var repo = new MiniRepo();
        var (org, bag) = Load(repo, BrandFile, t => t.Replace("paper: A4", "paper: A4\ncolours:\n  primary: \"#123456\"\nfonts:\n  heading: Verdana\nfooter: Three Rivers QI Collaborative"));
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        Assert.Equal("#123456", org!.Colours["primary"]);
        Assert.Equal(MiniRepo.Profile, org.ColourAt["primary"].File);
        Assert.Equal("#6B2D5C", org.Colours["secondary"]);          // still from _brand.yml
        Assert.Equal("Verdana", org.HeadingFont);
        Assert.Equal("Atkinson Hyperlegible", org.BodyFont);
        Assert.Equal("Three Rivers QI Collaborative", org.Footer);
    }

    [Fact]
    public void Bad_colours_and_missing_files_are_reported_in_the_brand_file()
    {
        using var repo = new MiniRepo();
        var broken = BrandFile
            .Replace("teal: \"#0F6E75\"", "teal: \"#0F6E7\"")
            .Replace("secondary: plum", "secondary: plumb")
            .Replace("medium: wide", "medium: missing.png")
            .Replace("AtkinsonHyperlegible_700Bold.ttf\n", "Nope-Bold.ttf\n");
        var (_, bag) = Load(repo, broken);
        var errors = bag.Sorted().Where(d => d.Severity == Severity.Error).Select(d => $"{d.File}:{d.Line}:{d.Column}: {d.Message} | {d.Hint}").ToList();
        Assert.True(errors.Count == 4, string.Join("\n", errors));
        Assert.Contains(errors, e => e.StartsWith("organisations/smith-jones/brand/_brand.yml:10:11: '#0F6E7' is not a colour"));
        Assert.Contains(errors, e => e.StartsWith("organisations/smith-jones/brand/_brand.yml:16:14: 'plumb' is neither a hex colour nor a colour in color.palette | did you mean 'plum'?"));
        Assert.Contains(errors, e => e.StartsWith("organisations/smith-jones/brand/_brand.yml:7:11: logo not found: missing.png"));
        Assert.Contains(errors, e => e.StartsWith("organisations/smith-jones/brand/_brand.yml:29:17: font file not found: ../../../templates/fonts/atkinson-hyperlegible/Nope-Bold.ttf"));
    }

    [Fact]
    public void An_svg_logo_is_an_error_suggesting_a_png()
    {
        using var repo = new MiniRepo();
        repo.Write("organisations/smith-jones/brand/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
        var (_, bag) = Load(repo, BrandFile.Replace("wide: logo.png", "wide: logo.svg"));
        var e = Assert.Single(bag.Items, d => d.Severity == Severity.Error);
        Assert.Equal("organisations/smith-jones/brand/_brand.yml:5:11: error QCDP402: the logo is an SVG (logo.svg); slides, documents and PDFs need a PNG or JPEG logo", e.Headline);
        Assert.Contains("rsvg-convert -w 1200 logo.svg -o logo.png", e.Hint);
    }

    [Fact]
    public void Colour_cycles_and_non_truetype_fonts_are_errors()
    {
        using var repo = new MiniRepo();
        repo.Write("organisations/smith-jones/brand/font.woff2", "x");
        var (_, bag) = Load(repo, BrandFile.Replace("dark: ink", "dark: light\n  light: dark").Replace("  light: mist\n", "")
            .Replace("- path: ../../../templates/fonts/atkinson-hyperlegible/AtkinsonHyperlegible_400Regular_Italic.ttf", "- path: font.woff2"));
        var messages = bag.Items.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("colour 'light' refers to itself through light → dark → light"));
        Assert.Contains(messages, m => m == "font file font.woff2 is not TrueType (.ttf); the PDFs embed TrueType fonts only");
    }

    [Fact]
    public void A_build_warns_about_a_brand_file_colour_at_its_line()
    {
        using var repo = new MiniRepo();
        Load(repo, BrandFile.Replace("teal: \"#0F6E75\"", "teal: \"#5FC4C9\""));
        var plan = PackageBuilder.Plan(new BuildOptions(repo.Root) { Write = false });
        Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
        var w = Assert.Single(plan.Diagnostics.Items, d => d.Message.StartsWith("primary #5FC4C9 against white"));
        Assert.Equal(("organisations/smith-jones/brand/_brand.yml", 15, 12), (w.File, w.Line, w.Column));
    }

    [Fact]
    public void An_svg_logo_in_the_profile_is_an_error_at_its_line()
    {
        using var repo = new MiniRepo();
        repo.Write("organisations/smith-jones/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        repo.Edit(MiniRepo.Profile, t => t.Replace("logo: logo.png", "logo: logo.svg"));
        var bag = new DiagnosticBag();
        var org = new ContentLoader(repo.Root, bag).LoadOrganisation(repo.PathOf(MiniRepo.Profile));
        var e = Assert.Single(bag.Items);
        Assert.Equal($"{MiniRepo.Profile}:4:7: error QCDP402: the logo is an SVG (logo.svg); slides, documents and PDFs need a PNG or JPEG logo", e.Headline);
        Assert.Null(org!.LogoPath);
    }

    [Fact]
    public void The_footer_text_reaches_docx_footers()
    {
        var brand = QcdpBuilder.Tests.Docx.DocxSamples.Brand() with { Footer = "Three Rivers · QI Collaborative" };
        var bytes = QcdpBuilder.Docx.DocxWriter.Write(QcdpBuilder.Tests.Docx.DocxSamples.Handout(), brand, new QcdpBuilder.Docx.DocxOptions(QcdpBuilder.Docx.DocxKind.Handout));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var r = new StreamReader(zip.GetEntry("word/footer1.xml")!.Open());
        var footer = r.ReadToEnd();
        Assert.Contains("Three Rivers · QI Collaborative", footer);
        Assert.DoesNotContain(brand.ProgrammeTitle, footer);
    }
}
