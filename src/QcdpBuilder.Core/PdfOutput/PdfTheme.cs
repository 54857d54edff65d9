using QcdpBuilder.Branding;
using QcdpBuilder.Pdf;
using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Images;

namespace QcdpBuilder.PdfOutput;

/// <summary>
/// The brand translated into engine values (colours, fonts, page geometry) plus an image cache, so that every
/// image file is embedded once per PDF (the engine shares XObjects by <see cref="PdfImage"/> instance).
/// </summary>
internal sealed class PdfTheme
{
    private readonly Dictionary<string, PdfImage> _images = new(StringComparer.Ordinal);

    public PdfTheme(Brand brand)
    {
        Brand = brand;
        Primary = Convert(brand.Primary);
        Secondary = Convert(brand.Secondary);
        Accent = Convert(brand.Accent);
        Text = Convert(brand.Text);
        Tint = Convert(brand.Tint);
        // A light tint of Primary for table header shading: visible against white, dark text stays readable.
        HeaderShade = Primary.Tint(0.16);
        Fonts = new FontFamily(brand.Fonts.Regular, brand.Fonts.Bold, brand.Fonts.Italic, brand.Fonts.BoldItalic);
        Paper = brand.Paper == PaperSize.Letter ? PageSize.Letter : PageSize.A4;
        // A4: 2.2 cm sides; Letter: 0.9 in sides. Top/bottom leave room for the running header and footer.
        Margins = brand.Paper == PaperSize.Letter ? new Margins(64.8, 72, 64.8, 64) : new Margins(62.4, 72, 62.4, 64);
    }

    public Brand Brand { get; }
    public Color Primary { get; }
    public Color Secondary { get; }
    public Color Accent { get; }
    public Color Text { get; }
    public Color Tint { get; }
    public Color HeaderShade { get; }
    public Color Muted { get; } = Color.FromHex("#555555");
    public Color LineColour { get; } = Color.FromHex("#8A8A8A");
    public FontFamily Fonts { get; }
    public PageSize Paper { get; }
    public Margins Margins { get; }

    public static Color Convert(Colour c) => new(c.R / 255.0, c.G / 255.0, c.B / 255.0);

    /// <summary>The logo, or null when the brand has none (or the file is missing).</summary>
    public PdfImage? Logo => Brand.LogoPath is { } p && File.Exists(p) ? Image(p) : null;

    public PdfImage Image(string path)
    {
        var full = Path.GetFullPath(path);
        if (!_images.TryGetValue(full, out var img)) _images[full] = img = PdfImage.FromFile(full);
        return img;
    }
}
