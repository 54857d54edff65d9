using QcdpBuilder.Content;

namespace QcdpBuilder.Branding;

/// <summary>
/// Turns an organisation's profile into the <see cref="Brand"/> every writer reads, so products (build, packs,
/// reports) brand their outputs the same way without reaching into the pipeline for it.
/// </summary>
public static class OrganisationBrand
{
    /// <summary>Resolves the organisation's brand: its colours over ours, its fonts or Atkinson Hyperlegible.</summary>
    public static Brand Make(string root, Organisation org, Programme p)
    {
        var fonts = Path.Combine(root, "templates", "fonts", "atkinson-hyperlegible");
        Colour C(string key, string fallback) => Colour.Parse(org.Colours.GetValueOrDefault(key, fallback));
        return new Brand
        {
            OrganisationName = org.Name,
            ShortName = org.ShortName,
            ProgrammeTitle = p.Title,
            Primary = C("primary", "#005EB8"),
            Secondary = C("secondary", "#003087"),
            Accent = C("accent", "#FFB81C"),
            Text = C("text", "#212B32"),
            Background = C("background", "#FFFFFF"),
            Tint = C("tint", "#E8EDEE"),
            HeadingFont = org.HeadingFont,
            BodyFont = org.BodyFont,
            Fonts = org.FontFiles ?? new FontFiles(
                Path.Combine(fonts, "AtkinsonHyperlegible_400Regular.ttf"),
                Path.Combine(fonts, "AtkinsonHyperlegible_700Bold.ttf"),
                Path.Combine(fonts, "AtkinsonHyperlegible_400Regular_Italic.ttf"),
                Path.Combine(fonts, "AtkinsonHyperlegible_700Bold_Italic.ttf")),
            LogoPath = org.LogoPath,
            Paper = org.Paper == "Letter" ? PaperSize.Letter : PaperSize.A4,
            Footer = org.Footer,
            LayoutNames = org.LayoutNames,
            BuildDate = BuildDate(p),
        };
    }

    /// <summary>SOURCE_DATE_EPOCH if set (the reproducible-builds convention), else the programme's release date.</summary>
    static DateTimeOffset BuildDate(Programme p)
    {
        if (long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out var epoch)) return DateTimeOffset.FromUnixTimeSeconds(epoch);
        return p.ReleaseDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
