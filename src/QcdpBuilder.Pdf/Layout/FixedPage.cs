using QcdpBuilder.Pdf.Images;
using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>One positioned element of a <see cref="FixedPage"/>: a filled rectangle or a block in a frame.</summary>
public sealed class FixedItem
{
    public required Rect Frame { get; init; }
    /// <summary>Fill colour for a plain rectangle (backgrounds, colour bands). Ignored when <see cref="Content"/> is set.</summary>
    public Color? Fill { get; init; }
    /// <summary>Content laid out inside <see cref="Frame"/>.</summary>
    public PdfBlock? Content { get; init; }
    /// <summary>Scale the content down (to <see cref="MinScale"/>) until it fits the frame, instead of clipping it.</summary>
    public bool ShrinkToFit { get; init; }
    public double MinScale { get; init; } = 0.5;
    public VerticalAlign VerticalAlign { get; init; } = VerticalAlign.Top;
}

/// <summary>
/// A page with absolutely positioned items, for slides and other designed pages. Items are drawn in list order,
/// which is also the reading order, so add backgrounds first and text in the order it should be read.
/// </summary>
public sealed class FixedPage
{
    /// <summary>Page size; null means the document's page size.</summary>
    public PageSize? Size { get; set; }
    public Color? Background { get; set; }
    /// <summary>Whether the document's running header/footer is drawn on this page.</summary>
    public bool ShowRunningBands { get; set; }
    public List<FixedItem> Items { get; } = new();
    /// <summary>Structure element wrapping the page content (a /Sect per slide helps navigation).</summary>
    public StructTag Tag { get; } = new(StructRoles.Sect);

    public FixedPage AddRect(Rect frame, Color fill) { Items.Add(new FixedItem { Frame = frame, Fill = fill }); return this; }
    public FixedPage AddBlock(Rect frame, PdfBlock content, bool shrinkToFit = false, VerticalAlign align = VerticalAlign.Top)
    { Items.Add(new FixedItem { Frame = frame, Content = content, ShrinkToFit = shrinkToFit, VerticalAlign = align }); return this; }
    public FixedPage AddImage(Rect frame, PdfImage image, string? altText, TextAlign align = TextAlign.Center)
    {
        var img = new ImageBlock(image, altText) { AllowUpscale = true, MaxHeight = frame.Height, Align = align, SpaceAfter = 0 };
        Items.Add(new FixedItem { Frame = frame, Content = img, VerticalAlign = VerticalAlign.Middle });
        return this;
    }

    /// <summary>Plans every item (shrinking where requested); the result draws the page at an origin.</summary>
    internal Action<ICanvas, double, double> Plan(LayoutContext ctx, PageSize size)
    {
        var draws = new List<Action<ICanvas, double, double>>();
        if (Background is { } bg) draws.Add((c, x, y) => c.DrawRect(new Rect(x, y, size.Width, size.Height), bg));
        foreach (var item in Items)
        {
            var fr = item.Frame;
            if (item.Content == null)
            {
                if (item.Fill is { } fill) draws.Add((c, x, y) => c.DrawRect(new Rect(x + fr.X, y + fr.Y, fr.Width, fr.Height), fill));
                continue;
            }
            double scale = 1;
            var f = item.Content.Layout(ctx, fr.Width, double.PositiveInfinity, true).Placed;
            if (f != null && f.Height > fr.Height && item.ShrinkToFit)
            {
                double lo = item.MinScale, hi = 1;
                Fragment? best = item.Content.Layout(ctx, fr.Width / lo, double.PositiveInfinity, true).Placed;
                for (int i = 0; i < 8; i++)
                {
                    double mid = (lo + hi) / 2;
                    var fm = item.Content.Layout(ctx, fr.Width / mid, double.PositiveInfinity, true).Placed;
                    if (fm != null && fm.Height * mid <= fr.Height) { lo = mid; best = fm; } else hi = mid;
                }
                scale = lo; f = best;
            }
            if (f == null) continue;
            var frag = f; double s = scale;
            double free = fr.Height - frag.Height * s;
            double dy = item.VerticalAlign switch { VerticalAlign.Middle => free / 2, VerticalAlign.Bottom => free, _ => 0 };
            dy = Math.Max(0, dy);
            draws.Add((c, x, y) =>
            {
                c.SaveState();
                c.Clip(new Rect(x + fr.X, y + fr.Y, fr.Width, fr.Height));
                if (Math.Abs(s - 1) > 1e-9)
                {
                    c.Transform(x + fr.X, y + fr.Y + dy, s);
                    frag.Draw(c, 0, 0);
                }
                else frag.Draw(c, x + fr.X, y + fr.Y + dy);
                c.RestoreState();
            });
        }
        return (c, x, y) =>
        {
            c.BeginTag(Tag);
            foreach (var d in draws) d(c, x, y);
            c.EndTag();
        };
    }
}

/// <summary>
/// A <see cref="FixedPage"/> drawn scaled down inside the flow, e.g. three slides per page in notes handouts.
/// Its text stays real, tagged text (searchable and readable), inside a /Figure-free /Div.
/// </summary>
public sealed class FixedPageThumbnail : PdfBlock
{
    public FixedPageThumbnail(FixedPage page, PageSize pageSize) { Page = page; PageSize = page.Size ?? pageSize; SpaceAfter = 6; }
    public FixedPage Page { get; }
    public PageSize PageSize { get; }
    public Color FrameColor { get; set; } = Color.Grey;
    public double FrameWidth { get; set; } = 0.5;
    public double? MaxWidth { get; set; }
    private readonly StructTag _tag = new(StructRoles.Div);

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        double w = Math.Min(width, MaxWidth ?? width), s = w / PageSize.Width, h = PageSize.Height * s;
        if (h > height + 0.001 && !topOfPage) return LayoutResult.Nothing(this);
        var draw = Page.Plan(context, PageSize);
        return LayoutResult.Complete(new DelegateFragment(h, (c, x, y) =>
        {
            c.BeginTag(_tag);
            c.SaveState();
            c.Clip(new Rect(x, y, w, h));
            c.Transform(x, y, s);
            draw(c, 0, 0);
            c.RestoreState();
            if (FrameWidth > 0) c.DrawRect(new Rect(x, y, w, h), null, FrameColor, FrameWidth);
            c.EndTag();
        }));
    }
}
