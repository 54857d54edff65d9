using QcdpBuilder.Branding;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Pptx;

namespace QcdpBuilder.Tests.BrandingTests;

/// <summary>WCAG 2.2 contrast maths, suggested shades, and the warnings a brand gets.</summary>
public class ContrastTests
{
    static Colour C(string hex) => Colour.Parse(hex);

    [Theory]
    [InlineData("#000000", "#FFFFFF", "21.00:1")]
    [InlineData("#FFFFFF", "#FFFFFF", "1.00:1")]
    [InlineData("#777777", "#FFFFFF", "4.48:1")]
    [InlineData("#767676", "#FFFFFF", "4.54:1")]
    [InlineData("#005EB8", "#FFFFFF", "6.38:1")]
    [InlineData("#FF0000", "#FFFFFF", "4.00:1")]
    public void Ratios_match_the_published_figures(string a, string b, string expected)
    {
        Assert.Equal(expected, Contrast.Format(Contrast.Ratio(C(a), C(b))));
        Assert.Equal(expected, Contrast.Format(Contrast.Ratio(C(b), C(a)))); // order does not matter
    }

    [Fact]
    public void A_failing_ratio_never_shows_as_the_passing_figure()
    {
        Assert.Equal("4.49:1", Contrast.Format(4.4996, Contrast.BodyText));
        Assert.Equal("4.50:1", Contrast.Format(4.4996));
    }

    [Fact]
    public void Suggested_shade_passes_keeps_the_hue_and_is_the_nearest()
    {
        var teal = C("#3BA7A0");
        Assert.True(Contrast.Ratio(teal, C("#FFFFFF")) < 4.5);
        var fix = Contrast.Suggest(teal, C("#FFFFFF"), 4.5)!.Value;
        var ratio = Contrast.Ratio(fix, C("#FFFFFF"));
        Assert.InRange(ratio, 4.5, 4.7);                  // passes, and only just: the nearest shade
        Assert.True(fix.G > fix.R && fix.G > fix.B * 0.9); // still a teal: green and blue over red
        // On a dark background the suggestion is lighter.
        var light = Contrast.Suggest(C("#3F3F8F"), C("#101010"), 4.5)!.Value;
        Assert.True(Contrast.Luminance(light) > Contrast.Luminance(C("#3F3F8F")));
        Assert.True(Contrast.Ratio(light, C("#101010")) >= 4.5);
        // A colour that already passes is its own suggestion.
        Assert.Equal(C("#005EB8"), Contrast.Suggest(C("#005EB8"), C("#FFFFFF"), 4.5));
    }

    [Fact]
    public void Default_brand_passes_every_pair()
    {
        var bag = new DiagnosticBag();
        BrandContrast.Check(SampleDecks.Brand(), _ => SourceSpan.StartOf("p.yaml"), bag);
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void A_light_primary_is_warned_at_its_line_with_ratio_and_a_shade()
    {
        var brand = SampleDecks.Brand() with { Primary = C("#5FB3E0"), Secondary = C("#8A8A8A") };
        var bag = new DiagnosticBag();
        BrandContrast.Check(brand, key => new SourceSpan("org.yaml", key == "primary" ? 7 : 8, 12), bag);
        Assert.False(bag.HasErrors);
        var primary = bag.Items.Where(d => d.Line == 7).ToList();
        Assert.Equal(2, primary.Count); // against white text and against the background (also white)
        var d = primary[0];
        Assert.Equal(Severity.Warning, d.Severity);
        var ratio = Contrast.Format(Contrast.Ratio(C("#5FB3E0"), C("#FFFFFF")));
        Assert.Equal($"primary #5FB3E0 against white #FFFFFF has a contrast of {ratio}, below the 4.5:1 WCAG 2.2 AA minimum for body text (white text on title slides and table headers)", d.Message);
        Assert.Matches(@"^use #[0-9A-F]{6} instead \(the same hue darkened: 4\.\d\d:1\)$", d.Hint);
        Assert.Equal("use #227DAF instead (the same hue darkened: 4.54:1)", d.Hint); // the README's example
        var shade = C(d.Hint!.Substring(4, 7));
        Assert.True(Contrast.Ratio(shade, C("#FFFFFF")) >= 4.5);
        // Secondary #8A8A8A (3.45:1) passes 3:1 for large section titles but not 4.5:1 for footer text.
        var secondary = Assert.Single(bag.Items, x => x.Line == 8);
        Assert.Contains("below the 4.5:1 WCAG 2.2 AA minimum for body text (slide footers and column headings)", secondary.Message);
    }

    [Fact]
    public void Low_contrast_tint_is_reported_against_the_text_colour()
    {
        var brand = SampleDecks.Brand() with { Text = C("#555555"), Tint = C("#9AA5A8") };
        var bag = new DiagnosticBag();
        BrandContrast.Check(brand, key => new SourceSpan("b.yml", 1, 1), bag);
        var tint = Assert.Single(bag.Items, x => x.Message.StartsWith("tint "));
        Assert.Contains("against text #555555", tint.Message);
        Assert.Contains("lightened", tint.Hint);
    }
}
