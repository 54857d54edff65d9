using System.Globalization;
using QcdpBuilder.Content;

namespace QcdpBuilder.Branding;

/// <summary>An sRGB colour, written as six hex digits without '#' (as OOXML wants).</summary>
public readonly record struct Colour(byte R, byte G, byte B)
{
    public string Hex => $"{R:X2}{G:X2}{B:X2}";
    /// <summary>Parses a colour as profiles write it (see <see cref="HexColour.Normalise"/>); a FormatException says how to write one.</summary>
    public static Colour Parse(string text)
    {
        var v = int.Parse(HexColour.Normalise(text).AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new Colour((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }
    public override string ToString() => "#" + Hex;
}

/// <summary>Printed page size.</summary>
public enum PaperSize { A4, Letter }

/// <summary>
/// Everything a writer needs to brand an output, resolved from the organisation profile:
/// names, colours, fonts, logo and paper. Writers read this, never the profile itself.
/// </summary>
public sealed record Brand
{
    public required string OrganisationName { get; init; }
    public required string ShortName { get; init; }
    public required string ProgrammeTitle { get; init; }
    public Colour Primary { get; init; } = Colour.Parse("#005EB8");
    public Colour Secondary { get; init; } = Colour.Parse("#003087");
    public Colour Accent { get; init; } = Colour.Parse("#FFB81C");
    public Colour Text { get; init; } = Colour.Parse("#212B32");
    public Colour Background { get; init; } = Colour.Parse("#FFFFFF");
    public Colour Tint { get; init; } = Colour.Parse("#E8EDEE");
    public string HeadingFont { get; init; } = "Atkinson Hyperlegible";
    public string BodyFont { get; init; } = "Atkinson Hyperlegible";
    public required FontFiles Fonts { get; init; }
    /// <summary>Absolute path to a PNG or JPEG logo, or null.</summary>
    public string? LogoPath { get; init; }
    public PaperSize Paper { get; init; } = PaperSize.A4;
    /// <summary>Running-footer text of PDFs, DOCX and slides; null or empty means the programme title.</summary>
    public string? Footer { get; init; }
    public string FooterText => string.IsNullOrWhiteSpace(Footer) ? ProgrammeTitle : Footer;
    /// <summary>Our layout name → the layout's name in the organisation's PowerPoint template.</summary>
    public IReadOnlyDictionary<string, string> LayoutNames { get; init; } = new Dictionary<string, string>();
    /// <summary>Build date written into document properties, so builds are reproducible.</summary>
    public DateTimeOffset BuildDate { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
