using System.Text;

namespace QcdpBuilder.Pdf.Fonts;

/// <summary>
/// A string converted to glyphs with kerning applied, ready to measure or draw. Produced by
/// <see cref="TextShaper"/>; the writer emits the same glyph ids and kerning so measured width equals drawn width.
/// </summary>
public sealed class ShapedText
{
    public required TrueTypeFont Font { get; init; }
    public required double Size { get; init; }
    /// <summary>The text as the reader should extract it (used for ToUnicode and the layout dump).</summary>
    public required string Text { get; init; }
    public required ushort[] Glyphs { get; init; }
    /// <summary>The Unicode text each glyph stands for (for the ToUnicode CMap).</summary>
    public required string[] GlyphText { get; init; }
    /// <summary>Kerning applied after glyph i (font units), length = Glyphs.Length.</summary>
    public required int[] Kerning { get; init; }
    /// <summary>Total advance in points.</summary>
    public required double Width { get; init; }
    /// <summary>Total advance in font units (the exact integer <see cref="Width"/> comes from).</summary>
    internal int Units { get; init; }
}

/// <summary>
/// Converts text to glyphs: cmap lookup, fallback for missing characters, and pair kerning.
/// No ligatures or complex scripts: the engine targets Latin-script training material.
/// </summary>
public static class TextShaper
{
    /// <summary>Shapes <paramref name="text"/> in <paramref name="font"/> at <paramref name="size"/> points.</summary>
    public static ShapedText Shape(TrueTypeFont font, string text, double size, bool kerning = true)
    {
        var core = Core(font, text, kerning);
        return new ShapedText
        {
            Font = font, Size = size, Text = text, Glyphs = core.Glyphs, GlyphText = core.GlyphText,
            Kerning = core.Kerning, Width = core.Units * size / font.UnitsPerEm, Units = core.Units,
        };
    }

    /// <summary>
    /// Shapes the concatenation of <paramref name="parts"/> (the words and spaces of a line) exactly as
    /// <see cref="Shape"/> would shape the joined string: each part comes from the cache, and only the kerning
    /// where two parts meet is looked up. A line's text is new every time, so shaping it whole missed the cache
    /// (and filled it) for every line of every document.
    /// </summary>
    public static ShapedText ShapeJoined(TrueTypeFont font, IReadOnlyList<string> parts, double size)
    {
        if (parts.Count == 1) return Shape(font, parts[0], size);
        // A character split across two parts (a surrogate pair broken inside a long word) must be shaped whole.
        for (var i = 1; i < parts.Count; i++)
            if (parts[i - 1].Length > 0 && char.IsHighSurrogate(parts[i - 1][^1]) && parts[i].Length > 0 && char.IsLowSurrogate(parts[i][0]))
                return Shape(font, string.Concat(parts), size);
        var cores = new Shaped[parts.Count];
        for (var i = 0; i < parts.Count; i++) cores[i] = Core(font, parts[i], true);
        return Join(font, string.Concat(parts), cores, size);
    }

    /// <summary><paramref name="shaped"/> followed by <paramref name="more"/>, as if shaped together.</summary>
    public static ShapedText Append(ShapedText shaped, string more)
    {
        var first = new Shaped(shaped.Glyphs, shaped.GlyphText, shaped.Kerning, shaped.Units);
        return Join(shaped.Font, shaped.Text + more, [first, Core(shaped.Font, more, true)], shaped.Size);
    }

    private static ShapedText Join(TrueTypeFont font, string text, Shaped[] cores, double size)
    {
        var count = 0;
        foreach (var c in cores) count += c.Glyphs.Length;
        var glyphs = new ushort[count];
        var glyphText = new string[count];
        var kern = new int[count];
        int at = 0, units = 0;
        foreach (var c in cores)
        {
            if (c.Glyphs.Length == 0) continue;
            // The pair across the join: the last glyph so far and this part's first.
            if (at > 0)
            {
                kern[at - 1] = font.GetKerning(glyphs[at - 1], c.Glyphs[0]);
                units += kern[at - 1];
            }
            c.Glyphs.CopyTo(glyphs, at);
            c.GlyphText.CopyTo(glyphText, at);
            c.Kerning.CopyTo(kern, at);
            units += c.Units;
            at += c.Glyphs.Length;
        }
        return new ShapedText
        {
            Font = font, Size = size, Text = text, Glyphs = glyphs, GlyphText = glyphText,
            Kerning = kern, Width = units * size / font.UnitsPerEm, Units = units,
        };
    }

    /// <summary>Width of a string in points, including kerning.</summary>
    public static double Measure(TrueTypeFont font, string text, double size) => Core(font, text, true).Units * size / font.UnitsPerEm;

    /// <summary>The size-independent result of shaping: glyphs, their text, kerning and the advance in font units.</summary>
    internal sealed record Shaped(ushort[] Glyphs, string[] GlyphText, int[] Kerning, int Units);

    /// <summary>
    /// Shaping depends only on the font and the text, and line breaking measures the same words again and again
    /// (every deck is drawn three times, every paragraph re-measured per width), so results are cached per font.
    /// The arrays are shared and never modified.
    /// </summary>
    private static Shaped Core(TrueTypeFont font, string text, bool kerning)
    {
        var cache = kerning ? font.ShapeCache : font.ShapeCacheNoKerning;
        if (cache.TryGetValue(text, out var hit)) return hit;
        // Bound memory in long-running processes (watch). Not cache.Count: that takes every lock of the dictionary.
        if (Interlocked.Increment(ref font.ShapeCacheMisses) % 100_000 == 0) cache.Clear();
        // Arrays sized for the text (a glyph per UTF-16 unit at most), trimmed only if some characters were dropped.
        var glyphs = new ushort[text.Length];
        var glyphText = new string[text.Length];
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            int cp = rune.Value;
            if (cp == 0xAD || cp == 0x200B || cp == 0xFE0F) continue; // soft hyphen / zero width: invisible
            if (cp == '\t' || cp == 0xA0 || cp == 0x202F) cp = ' ';
            ushort g = font.GetGlyphId(cp);
            if (g == 0) g = Fallback(font, cp);
            glyphs[count] = g;
            glyphText[count++] = rune.IsBmp ? CharText(rune.Value) : rune.ToString();
        }
        if (count < text.Length) { Array.Resize(ref glyphs, count); Array.Resize(ref glyphText, count); }
        var kern = new int[count];
        int units = 0;
        for (int i = 0; i < count; i++)
        {
            units += font.GetAdvance(glyphs[i]);
            if (kerning && i + 1 < count)
            {
                kern[i] = font.GetKerning(glyphs[i], glyphs[i + 1]);
                units += kern[i];
            }
        }
        var result = new Shaped(glyphs, glyphText, kern, units);
        cache.TryAdd(text, result);
        return result;
    }

    // One string per character, shared: shaping gives each glyph the text it stands for (for copy and search),
    // and a new one-character string per glyph was the largest source of garbage in a build.
    private static readonly string?[] CharTexts = new string?[0x10000];

    private static string CharText(int c) => CharTexts[c] ??= ((char)c).ToString();

    /// <summary>
    /// Whether text with <paramref name="codePoint"/> is drawn as written: the font has its glyph, a close substitute
    /// (a straight quote for a curly one), or the character is invisible or a space. Otherwise it prints as '?'.
    /// </summary>
    public static bool CanDraw(TrueTypeFont font, int codePoint)
    {
        if (codePoint is 0xAD or 0x200B or 0xFE0F or '\t' or '\n' or '\r' or 0xA0 or 0x202F) return true;
        if (font.HasGlyph(codePoint)) return true;
        var question = font.HasGlyph('?') ? font.GetGlyphId('?') : (ushort)0;
        return Fallback(font, codePoint) != question;
    }

    private static ushort Fallback(TrueTypeFont font, int cp)
    {
        // Try a visually close substitute before giving up; never throw for odd input.
        int[] alternatives = cp switch
        {
            0x2018 or 0x2019 or 0x201B or 0x2032 => ['\''],
            0x201C or 0x201D or 0x201F or 0x2033 => ['"'],
            0x2013 or 0x2212 or 0x2010 or 0x2011 => ['-'],
            0x2014 or 0x2015 => [0x2013, '-'],
            0x2022 or 0x25CF or 0x25AA => [0x00B7, '*'],
            0x2713 or 0x2714 or 0x2611 => [0x221A, 'v'],
            0x2026 => ['.'],
            _ => [],
        };
        foreach (var a in alternatives)
            if (font.HasGlyph(a)) return font.GetGlyphId(a);
        return font.HasGlyph('?') ? font.GetGlyphId('?') : (ushort)0;
    }
}
