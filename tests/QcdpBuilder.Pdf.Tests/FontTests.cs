using QcdpBuilder.Pdf.Fonts;

namespace QcdpBuilder.Pdf.Tests;

public class FontTests
{
    private static TrueTypeFont Regular => TestSupport.Fonts.Regular;

    [Fact]
    public void Parses_metrics_and_names()
    {
        var f = Regular;
        Assert.Equal(1000, f.UnitsPerEm);
        Assert.Contains("Atkinson", f.PostScriptName);
        Assert.True(f.Ascender > 0 && f.Descender < 0 && f.CapHeight > 0);
        Assert.Equal(0, f.ItalicAngle);
        Assert.NotEqual(0, TestSupport.Fonts.Italic.ItalicAngle);
        Assert.True(TestSupport.Fonts.Bold.IsBold);
    }

    [Fact]
    public void Cmap_maps_characters_and_typographic_symbols()
    {
        var f = Regular;
        Assert.NotEqual(0, f.GetGlyphId('A'));
        Assert.NotEqual(f.GetGlyphId('A'), f.GetGlyphId('B'));
        foreach (var c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2022") Assert.True(f.HasGlyph(c), $"U+{(int)c:X4}");
    }

    [Fact]
    public void Width_of_known_string_matches_advances_and_kerning()
    {
        var f = Regular;
        var s = TextShaper.Shape(f, "Hello", 10);
        double units = s.Glyphs.Sum(g => f.GetAdvance(g)) + s.Kerning.Sum();
        Assert.Equal(units * 10 / 1000, s.Width, 6);
        Assert.InRange(s.Width, 20, 35);
    }

    [Fact]
    public void Font_has_gpos_pair_kerning()
    {
        var f = Regular;
        Assert.True(f.HasKerning);
        string[] pairs = ["AV", "AT", "To", "Te", "Yo", "LT", "VA", "Ty", "P.", "F,"];
        var kerned = pairs.Where(p => f.GetKerning(f.GetGlyphId(p[0]), f.GetGlyphId(p[1])) != 0).ToList();
        Assert.NotEmpty(kerned);
        Assert.True(TextShaper.Measure(f, kerned[0], 12) < TextShaper.Shape(f, kerned[0], 12, kerning: false).Width);
    }

    [Fact]
    public void Missing_characters_fall_back_without_crashing()
    {
        var s = TextShaper.Shape(Regular, "\u4E2D\U0001F600x", 10);
        Assert.Equal(3, s.Glyphs.Length);
        Assert.Equal(Regular.GetGlyphId('?'), s.Glyphs[0]);
    }

    [Fact]
    public void Subset_keeps_glyph_ids_and_parses_again()
    {
        var f = Regular;
        var used = "Hello \u00e9".Select(c => f.GetGlyphId(c)).ToList();
        var bytes = FontSubsetter.Subset(f, used);
        Assert.True(bytes.Length < f.Data.Length);
        var sub = new TrueTypeFont(bytes);
        Assert.Equal(f.GlyphCount, sub.GlyphCount);
        Assert.Equal(f.GetAdvance(f.GetGlyphId('H')), sub.GetAdvance(f.GetGlyphId('H')));
        var (s, e) = sub.GlyphRange(f.GetGlyphId('H'));
        Assert.True(e > s);
        var (s2, e2) = sub.GlyphRange(f.GetGlyphId('Z'));
        Assert.Equal(s2, e2); // unused glyph emptied
    }
}

/// <summary>Lines are shaped from their words (cached) joined with the kerning where they meet: exactly what shaping the whole line gives.</summary>
public class JoinedShapingTests
{
    static void SameAsWhole(TrueTypeFont font, IReadOnlyList<string> parts)
    {
        var whole = TextShaper.Shape(font, string.Concat(parts), 11);
        var joined = TextShaper.ShapeJoined(font, parts, 11);
        Assert.Equal(whole.Text, joined.Text);
        Assert.Equal(whole.Glyphs, joined.Glyphs);
        Assert.Equal(whole.GlyphText, joined.GlyphText);
        Assert.Equal(whole.Kerning, joined.Kerning);
        Assert.Equal(whole.Width, joined.Width);
    }

    [Theory]
    [InlineData("AV", "A", "V")]
    [InlineData("To", " ", "Wa", "ter")]
    [InlineData("soft\u00ADhy", "phen", "\t", "tab")]
    [InlineData("", "empty", "", " parts")]
    [InlineData("emoji \uD83D", "\uDE00 split")]
    [InlineData("\u200B", "zero", "\u200B", "width")]
    public void Joined_parts_shape_as_the_whole_string(params string[] parts) => SameAsWhole(TestSupport.Fonts.Regular, parts);

    [Fact]
    public void Random_lines_of_words_shape_as_the_whole_line()
    {
        var random = new Random(7);
        string[] words = ["AVA", "To", "Wave", "yes,", "PDSA", "run", "chart", "Łukasz", "Zoë", "“quoted”", "T.", "r", "f", "–", " ", " ", "LT", "Ty"];
        var font = TestSupport.Fonts.Bold;
        for (var i = 0; i < 2000; i++)
            SameAsWhole(font, Enumerable.Range(0, random.Next(1, 12)).Select(_ => words[random.Next(words.Length)]).ToList());
    }

    [Fact]
    public void Appending_a_space_shapes_as_the_whole_string()
    {
        var font = TestSupport.Fonts.Italic;
        var line = TextShaper.ShapeJoined(font, ["Plan", " ", "Do", " ", "Study", " ", "Act"], 12);
        var appended = TextShaper.Append(line, " ");
        var whole = TextShaper.Shape(font, "Plan Do Study Act ", 12);
        Assert.Equal(whole.Glyphs, appended.Glyphs);
        Assert.Equal(whole.Kerning, appended.Kerning);
        Assert.Equal(whole.Width, appended.Width);
        Assert.Equal(whole.Text, appended.Text);
    }
}
