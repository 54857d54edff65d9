using QcdpBuilder.Branding;

namespace QcdpBuilder.Html;

/// <summary>
/// WCAG 2 contrast ratios, so the site keeps text readable (AA: 4.5:1) whatever colours an
/// organisation chooses: a brand colour that fails is swapped for one that passes.
/// </summary>
public static class Contrast
{
    public const double AA = 4.5;

    public static double Ratio(Colour a, Colour b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>The first of <paramref name="candidates"/> readable on <paramref name="background"/>, else black or white, whichever is stronger.</summary>
    public static Colour Readable(Colour background, params Colour[] candidates)
    {
        foreach (var c in candidates) if (Ratio(c, background) >= AA) return c;
        var (black, white) = (new Colour(0, 0, 0), new Colour(255, 255, 255));
        return Ratio(black, background) >= Ratio(white, background) ? black : white;
    }

    static double Luminance(Colour c)
    {
        static double Channel(byte v)
        {
            var s = v / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }
}
