using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>Which border a <see cref="Box"/> draws.</summary>
public enum BoxBorder { None, Left, Full }

/// <summary>
/// A callout box: padding, tinted background, optional left accent bar or full border, optional bold title, and
/// any blocks inside. Kept on one page when it fits an empty page; otherwise it splits, the background continuing
/// on the next page. Tagged /Div (title as /P) so its content stays in reading order.
/// </summary>
public sealed class Box : PdfBlock
{
    public Box(params PdfBlock[] blocks) { Blocks.AddRange(blocks); SpaceBefore = 4; SpaceAfter = 10; }

    public List<PdfBlock> Blocks { get; } = new();
    public string? Title { get; set; }
    public double TitleSize { get; set; } = 11.5;
    public Color? TitleColor { get; set; }
    public double Padding { get; set; } = 10;
    public Color? Background { get; set; }
    public BoxBorder Border { get; set; } = BoxBorder.None;
    public Color BorderColor { get; set; } = Color.Grey;
    /// <summary>Border width; for <see cref="BoxBorder.Left"/> this is the accent bar width.</summary>
    public double BorderWidth { get; set; } = 1;
    public bool KeepTogether { get; set; } = true;
    public StructTag Tag { get; set; } = new(StructRoles.Div);

    public Box Add(PdfBlock b) { Blocks.Add(b); return this; }

    private Column? _inner;

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        if (_inner == null)
        {
            _inner = new Column { Tag = Tag };
            if (Title != null)
                _inner.Blocks.Add(new PdfParagraph(new TextRun(Title) { Bold = true, Color = TitleColor }) { FontSize = TitleSize, SpaceAfter = 4, KeepWithNext = true });
            _inner.Blocks.AddRange(Blocks);
        }
        return LayoutInner(_inner, context, width, height, topOfPage, this);
    }

    private LayoutResult LayoutInner(PdfBlock inner, LayoutContext ctx, double width, double height, bool topOfPage, PdfBlock self)
    {
        double left = Padding + (Border == BoxBorder.Left ? BorderWidth : 0);
        double innerW = Math.Max(1, width - left - Padding);
        double innerH = height - 2 * Padding;
        if (KeepTogether && !topOfPage && !double.IsPositiveInfinity(height))
        {
            double full = inner.MeasureHeight(ctx, innerW) + 2 * Padding;
            if (full > height && full <= ctx.PageContentHeight) return LayoutResult.Nothing(self);
        }
        if (innerH <= 0 && !topOfPage) return LayoutResult.Nothing(self);
        var r = inner.Layout(ctx, innerW, Math.Max(0, innerH), topOfPage);
        if (r.Placed == null) return LayoutResult.Nothing(self);
        var f = r.Placed;
        double h = f.Height + 2 * Padding;
        var frag = new DelegateFragment(h, (c, x, y) =>
        {
            if (Background is { } bg) c.DrawRect(new Rect(x, y, width, h), bg);
            if (Border == BoxBorder.Full && BorderWidth > 0)
                c.DrawRect(new Rect(x + BorderWidth / 2, y + BorderWidth / 2, width - BorderWidth, h - BorderWidth), null, BorderColor, BorderWidth);
            if (Border == BoxBorder.Left && BorderWidth > 0) c.DrawRect(new Rect(x, y, BorderWidth, h), BorderColor);
            f.Draw(c, x + left, y + Padding);
        });
        if (r.Remainder == null) return LayoutResult.Complete(frag);
        return new LayoutResult(frag, Continue(new BoxRest(this, r.Remainder)));
    }

    private sealed class BoxRest : PdfBlock
    {
        private readonly Box _box; private readonly PdfBlock _inner;
        public BoxRest(Box box, PdfBlock inner) { _box = box; _inner = inner; }
        public override LayoutResult Layout(LayoutContext c, double w, double h, bool top) => _box.LayoutInner(_inner, c, w, h, top, this);
    }
}
