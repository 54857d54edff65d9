using QcdpBuilder.Pdf.Images;
using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>
/// An image scaled to fit the available width (and <see cref="MaxHeight"/>) keeping its aspect ratio; never
/// enlarged beyond <see cref="PdfImage.NaturalSize"/> unless <see cref="AllowUpscale"/>. Tagged /Figure with
/// /Alt text; images with null <see cref="AltText"/> are decorative and become artifacts.
/// </summary>
public sealed class ImageBlock : PdfBlock
{
    public ImageBlock(PdfImage image, string? altText) { Image = image; AltText = altText; SpaceAfter = 6; }
    public PdfImage Image { get; }
    public string? AltText { get; }
    public double? MaxWidth { get; set; }
    public double? MaxHeight { get; set; }
    public bool AllowUpscale { get; set; }
    public TextAlign Align { get; set; } = TextAlign.Left;
    private StructTag? _tag;

    public (double W, double H) SizeFor(double width, double height)
    {
        var (nw, nh) = Image.NaturalSize;
        double maxW = Math.Min(width, MaxWidth ?? double.MaxValue), maxH = Math.Min(height, MaxHeight ?? double.MaxValue);
        double s = Math.Min(maxW / nw, maxH / nh);
        if (!AllowUpscale) s = Math.Min(s, 1);
        return (nw * s, nh * s);
    }

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        var (w, h) = SizeFor(width, double.PositiveInfinity);
        if (h > height + 0.001)
        {
            if (!topOfPage && h <= context.PageContentHeight) return LayoutResult.Nothing(this);
            (w, h) = SizeFor(width, height);
        }
        _tag ??= AltText == null ? null : new StructTag(StructRoles.Figure) { Alt = AltText };
        var tag = _tag;
        return LayoutResult.Complete(new DelegateFragment(h, (c, x, y) =>
        {
            double dx = Align switch { TextAlign.Center => (width - w) / 2, TextAlign.Right => width - w, _ => 0 };
            if (tag != null) c.BeginTag(tag); else c.BeginArtifact();
            c.DrawImage(Image, new Rect(x + dx, y, w, h));
            if (tag != null) c.EndTag(); else c.EndArtifact();
        }));
    }
}
