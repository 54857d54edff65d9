using System.Globalization;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Branding;

/// <summary>
/// WCAG 2.2 contrast: relative luminance, contrast ratio, and the nearest shade of a colour's
/// hue that reaches a required ratio (4.5:1 for body text, 3:1 for large text, success
/// criterion 1.4.3 at level AA).
/// </summary>
public static class Contrast
{
    public const double BodyText = 4.5, LargeText = 3.0;

    /// <summary>Relative luminance per WCAG 2.2 (sRGB, linearised).</summary>
    public static double Luminance(Colour c)
    {
        static double Lin(byte v)
        {
            var s = v / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Lin(c.R) + 0.7152 * Lin(c.G) + 0.0722 * Lin(c.B);
    }

    /// <summary>(L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 to 21.</summary>
    public static double Ratio(Colour a, Colour b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>
    /// The shade of <paramref name="colour"/>'s hue and saturation closest in lightness that
    /// reaches <paramref name="target"/> against <paramref name="against"/>: darker when the
    /// other colour is light, lighter when it is dark. Null if even black or white would not.
    /// </summary>
    public static Colour? Suggest(Colour colour, Colour against, double target)
    {
        if (Ratio(colour, against) >= target) return colour;
        var (h, s, l) = ToHsl(colour);
        var darken = Luminance(against) > 0.18; // beyond the mid-grey where white and black give equal contrast
        // Lightness 0..1 in steps of 1/1000: the first step that passes is the nearest shade.
        for (var i = 1; i <= 1000; i++)
        {
            var nl = darken ? l - i / 1000.0 : l + i / 1000.0;
            if (nl < 0 || nl > 1) break;
            var candidate = FromHsl(h, s, nl);
            if (Ratio(candidate, against) >= target) return candidate;
        }
        return null;
    }

    static (double H, double S, double L) ToHsl(Colour c)
    {
        double r = c.R / 255.0, g = c.G / 255.0, b = c.B / 255.0;
        double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
        var l = (max + min) / 2;
        if (max == min) return (0, 0, l);
        var d = max - min;
        var s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
        var h = max == r ? (g - b) / d + (g < b ? 6 : 0) : max == g ? (b - r) / d + 2 : (r - g) / d + 4;
        return (h / 6, s, l);
    }

    static Colour FromHsl(double h, double s, double l)
    {
        static double Hue(double p, double q, double t)
        {
            if (t < 0) t += 1;
            if (t > 1) t -= 1;
            if (t < 1 / 6.0) return p + (q - p) * 6 * t;
            if (t < 1 / 2.0) return q;
            if (t < 2 / 3.0) return p + (q - p) * (2 / 3.0 - t) * 6;
            return p;
        }
        double r, g, b;
        if (s == 0) r = g = b = l;
        else
        {
            var q = l < 0.5 ? l * (1 + s) : l + s - l * s;
            var p = 2 * l - q;
            r = Hue(p, q, h + 1 / 3.0); g = Hue(p, q, h); b = Hue(p, q, h - 1 / 3.0);
        }
        static byte B(double v) => (byte)Math.Clamp(Math.Round(v * 255), 0, 255);
        return new Colour(B(r), B(g), B(b));
    }

    /// <summary>
    /// A ratio as WCAG tools write it, rounded to two decimals ("4.48:1"); a failing ratio is
    /// never shown as the passing figure (4.499 against 4.5 shows as 4.49).
    /// </summary>
    public static string Format(double ratio, double? below = null)
    {
        var r = Math.Round(ratio, 2, MidpointRounding.AwayFromZero);
        if (below is { } t && ratio < t && r >= t) r = t - 0.01;
        return r.ToString("0.00", CultureInfo.InvariantCulture) + ":1";
    }
}

/// <summary>One pair of colours the writers put text in, and how big that text is.</summary>
public sealed record ContrastPair(string Key, Func<Brand, Colour> Subject, string AgainstName, Func<Brand, Colour> Against, double Target, string Use);

/// <summary>
/// Checks the text/background pairs our outputs actually use and warns, at the colour's
/// line in the profile (or _brand.yml), with the measured ratio and a compliant shade.
/// Accent is only used for rules and bars, never for text, so it is not checked.
/// </summary>
public static class BrandContrast
{
    static readonly Colour White = new(255, 255, 255);

    public static readonly ContrastPair[] Pairs =
    [
        new("text", b => b.Text, "background", b => b.Background, Contrast.BodyText, "body text"),
        new("primary", b => b.Primary, "white", _ => White, Contrast.BodyText, "white text on title slides and table headers"),
        new("primary", b => b.Primary, "background", b => b.Background, Contrast.BodyText, "headings, links and list numbers"),
        new("secondary", b => b.Secondary, "white", _ => White, Contrast.LargeText, "white titles on section header slides"),
        new("secondary", b => b.Secondary, "background", b => b.Background, Contrast.BodyText, "slide footers and column headings"),
        new("tint", b => b.Tint, "text", b => b.Text, Contrast.BodyText, "text in callouts and activity cards"),
    ];

    public static void Check(Brand brand, Func<string, SourceSpan> at, DiagnosticBag diagnostics)
    {
        foreach (var pair in Pairs)
        {
            Colour subject = pair.Subject(brand), against = pair.Against(brand);
            var ratio = Contrast.Ratio(subject, against);
            if (ratio >= pair.Target) continue;
            var kind = pair.Target == Contrast.BodyText ? "body text" : "large text";
            var target = pair.Target.ToString("0.0", CultureInfo.InvariantCulture);
            var fix = Contrast.Suggest(subject, against, pair.Target);
            var hint = fix is { } f
                ? $"use {f} instead (the same hue {(Contrast.Luminance(f) < Contrast.Luminance(subject) ? "darkened" : "lightened")}: {Contrast.Format(Contrast.Ratio(f, against))})"
                : $"no shade of this hue reaches {target}:1 against {against}; choose another {pair.AgainstName} colour";
            diagnostics.Report(Rules.BrandContrast, at(pair.Key),
                $"{pair.Key} {subject} against {pair.AgainstName} {against} has a contrast of {Contrast.Format(ratio, pair.Target)}, below the {target}:1 WCAG 2.2 AA minimum for {kind} ({pair.Use})",
                hint);
        }
    }
}
