using QcdpBuilder.Pdf.Fonts;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>
/// Everything layout needs besides the space on offer: fonts and the height of an empty page's content area
/// (used by keep-together decisions: a block only moves to the next page if it would fit there).
/// </summary>
public sealed class LayoutContext
{
    public LayoutContext(FontSet fonts, double pageContentHeight)
    {
        Fonts = fonts; PageContentHeight = pageContentHeight;
    }
    public FontSet Fonts { get; }
    public double PageContentHeight { get; }
}

/// <summary>
/// A flowing layout element. Layout is two-phase, like QuestPDF: <see cref="Layout"/> measures the block for
/// the space offered and returns a <see cref="LayoutResult"/> holding a <see cref="Fragment"/> (the part that fits,
/// already fully planned) and, if the block did not fit completely, a remainder block to continue on the next
/// page. Drawing then replays the fragment onto an <see cref="ICanvas"/>. Layout never draws, so it can be called
/// speculatively (keep-with-next, keep-together) without side effects.
/// </summary>
/// <remarks>
/// Contract: when <c>topOfPage</c> is true a block must place something (splitting or clipping if it must),
/// otherwise pagination could never make progress. <see cref="Column"/> enforces this with a clipping fallback.
/// Blocks hold structure tags; don't add the same block instance to a document twice.
/// </remarks>
public abstract class PdfBlock
{
    /// <summary>Space above the block (collapsed with the previous block's <see cref="SpaceAfter"/>; dropped at the top of a column).</summary>
    public double SpaceBefore { get; set; }
    /// <summary>Space below the block.</summary>
    public double SpaceAfter { get; set; }
    /// <summary>When true the block is never the last thing on a page: it moves with the start of the next block.</summary>
    public bool KeepWithNext { get; set; }

    /// <summary>Measures and plans the block within <paramref name="width"/> × <paramref name="height"/> points.</summary>
    public abstract LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage);

    /// <summary>Natural height at the given width when not constrained by a page.</summary>
    public double MeasureHeight(LayoutContext context, double width) =>
        Layout(context, width, double.PositiveInfinity, true).Placed?.Height ?? 0;

    /// <summary>Copies spacing flags onto a continuation block (the continuation never has space before).</summary>
    protected T Continue<T>(T rest) where T : PdfBlock
    {
        rest.SpaceBefore = 0; rest.SpaceAfter = SpaceAfter; rest.KeepWithNext = KeepWithNext;
        return rest;
    }
}

/// <summary>
/// A planned, ready-to-draw piece of a block. <see cref="Draw"/> paints it with its top-left corner at (x, y).
/// </summary>
public abstract class Fragment
{
    public double Height { get; protected init; }
    public abstract void Draw(ICanvas canvas, double x, double y);
}

/// <summary>Result of <see cref="PdfBlock.Layout"/>.</summary>
/// <param name="Placed">What goes on this page, or null when nothing fits.</param>
/// <param name="Remainder">What continues on the next page, or null when the block is complete.</param>
public sealed record LayoutResult(Fragment? Placed, PdfBlock? Remainder)
{
    public static LayoutResult Complete(Fragment f) => new(f, null);
    public static LayoutResult Nothing(PdfBlock self) => new(null, self);
    public bool IsComplete => Placed != null && Remainder == null;
}

/// <summary>A fragment made from a height and a drawing callback; convenient for simple custom blocks.</summary>
public sealed class DelegateFragment : Fragment
{
    private readonly Action<ICanvas, double, double> _draw;
    public DelegateFragment(double height, Action<ICanvas, double, double> draw) { Height = height; _draw = draw; }
    public override void Draw(ICanvas canvas, double x, double y) => _draw(canvas, x, y);
}

/// <summary>Draws another fragment clipped to a height: the last resort for content taller than a page.</summary>
internal sealed class ClippedFragment : Fragment
{
    private readonly Fragment _inner; private readonly double _width;
    public ClippedFragment(Fragment inner, double width, double height) { _inner = inner; _width = width; Height = height; }
    public override void Draw(ICanvas canvas, double x, double y)
    {
        canvas.SaveState();
        canvas.Clip(new Rect(x, y, _width, Height));
        _inner.Draw(canvas, x, y);
        canvas.RestoreState();
    }
}
