using System.Globalization;

namespace QcdpBuilder.Pdf;

/// <summary>
/// A page size in PDF points (1 pt = 1/72 inch). All engine measurements are plain <see cref="double"/>
/// values in points so that callers never have to convert units; this type only names the common sizes.
/// </summary>
public readonly record struct PageSize(double Width, double Height)
{
    /// <summary>ISO A4 portrait (210 × 297 mm).</summary>
    public static PageSize A4 => new(595.28, 841.89);
    /// <summary>US Letter portrait (8.5 × 11 in).</summary>
    public static PageSize Letter => new(612, 792);
    /// <summary>A 16:9 presentation slide (13.333 × 7.5 in), the size PowerPoint uses for widescreen.</summary>
    public static PageSize Slide16x9 => new(960, 540);
    /// <summary>The same size turned sideways; handy for landscape handouts.</summary>
    public PageSize Landscape() => Width >= Height ? this : new PageSize(Height, Width);
}

/// <summary>Page margins in points. Content is laid out inside them; headers and footers live within them.</summary>
public readonly record struct Margins(double Left, double Top, double Right, double Bottom)
{
    /// <summary>Equal margins on all four sides.</summary>
    public Margins(double all) : this(all, all, all, all) { }
}

/// <summary>
/// A rectangle in layout coordinates: origin at the top-left of the page, y grows downwards, units are points.
/// Layout uses top-down coordinates because that is how flowing text is reasoned about; the PDF writer flips them.
/// </summary>
public readonly record struct Rect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
    /// <summary>Rounds to 0.1 pt and formats invariantly; used by <see cref="Layout.LayoutDump"/> so golden files are stable.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Math.Round(X, 1):0.0} {Math.Round(Y, 1):0.0} {Math.Round(Width, 1):0.0} {Math.Round(Height, 1):0.0}");
}

/// <summary>An RGB colour with components 0..1, written as DeviceRGB. Parse web colours with <see cref="FromHex"/>.</summary>
public readonly record struct Color(double R, double G, double B)
{
    public static Color Black => new(0, 0, 0);
    public static Color White => new(1, 1, 1);
    public static Color Grey => new(0.5, 0.5, 0.5);
    public static Color LightGrey => new(0.85, 0.85, 0.85);

    /// <summary>Parses "#RRGGBB" or "RRGGBB" (also "#RGB").</summary>
    public static Color FromHex(string hex)
    {
        var h = hex.TrimStart('#');
        if (h.Length == 3) h = string.Concat(h[0], h[0], h[1], h[1], h[2], h[2]);
        if (h.Length != 6) throw new FormatException($"Not a colour: '{hex}'");
        int v = int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new Color(((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0);
    }

    /// <summary>Mixes the colour with white; 0.1 gives a pale tint suitable for callout backgrounds.</summary>
    public Color Tint(double amount) => new(1 - (1 - R) * amount, 1 - (1 - G) * amount, 1 - (1 - B) * amount);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"#{(int)Math.Round(R * 255):X2}{(int)Math.Round(G * 255):X2}{(int)Math.Round(B * 255):X2}");
}

/// <summary>Horizontal alignment of lines of text or of a block within its frame.</summary>
public enum TextAlign { Left, Center, Right }

/// <summary>Vertical alignment of content within a fixed frame or table cell.</summary>
public enum VerticalAlign { Top, Middle, Bottom }
