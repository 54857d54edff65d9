using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>
/// A vertical flow of blocks: the document body, box contents, table cells and list item bodies are all columns.
/// It owns the pagination rules between blocks: spacing, explicit page breaks, keep-with-next (with
/// backtracking so chains of headings move together) and the progress guarantee at the top of a page.
/// </summary>
public class Column : PdfBlock
{
    public Column() { }
    public Column(IEnumerable<PdfBlock> blocks) { Blocks.AddRange(blocks); }

    public List<PdfBlock> Blocks { get; } = new();
    /// <summary>Optional structure element wrapping the column's content (e.g. /Div, /Sect, /LBody).</summary>
    public StructTag? Tag { get; set; }
    /// <summary>When true, the whole column moves to the next page rather than split, if it fits on an empty page.</summary>
    public bool KeepTogether { get; set; }
    /// <summary>
    /// With <see cref="KeepTogether"/>: the column still splits when at least this fraction of it fits
    /// on the current page. 1 (the default) moves it whenever it does not fit whole; a lower value
    /// avoids leaving a half-empty page to save a split that would hardly show.
    /// </summary>
    public double SplitWhenFits { get; set; } = 1.0;

    public Column Add(PdfBlock block) { Blocks.Add(block); return this; }

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        if (KeepTogether && !topOfPage && !double.IsPositiveInfinity(height))
        {
            double full = MeasureHeight(context, width);
            if (full > height && full <= context.PageContentHeight && height < full * SplitWhenFits) return LayoutResult.Nothing(this);
        }
        var items = new List<(Fragment F, double Y, int Index)>();
        double y = 0;
        int i = 0;
        PdfBlock? partialRest = null;
        for (; i < Blocks.Count; i++)
        {
            var b = Blocks[i];
            if (b is PdfPageBreak)
            {
                if (items.Count > 0 || !topOfPage) { i++; break; }
                continue;
            }
            double gap = items.Count == 0 ? 0 : Math.Max(Blocks[items[^1].Index].SpaceAfter, b.SpaceBefore);
            double avail = height - y - gap;
            bool top = topOfPage && items.Count == 0;
            var r = b.Layout(context, width, Math.Max(0, avail), top);
            if (r.Placed == null && top)
            {
                // Contract breach by a child: clip rather than loop forever.
                var full = b.Layout(context, width, double.PositiveInfinity, true).Placed;
                r = full == null ? new LayoutResult(new DelegateFragment(0, (_, _, _) => { }), null)
                                 : LayoutResult.Complete(new ClippedFragment(full, width, Math.Min(full.Height, Math.Max(avail, 0))));
            }
            if (r.Placed == null) break;
            if (r.Remainder == null && b.KeepWithNext && i + 1 < Blocks.Count && !top && !double.IsPositiveInfinity(height))
            {
                var next = Blocks[i + 1];
                if (next is not PdfPageBreak)
                {
                    double ngap = Math.Max(b.SpaceAfter, next.SpaceBefore);
                    var r2 = next.Layout(context, width, Math.Max(0, avail - r.Placed.Height - ngap), false);
                    if (r2.Placed == null) break;
                }
            }
            items.Add((r.Placed, y + gap, i));
            y += gap + r.Placed.Height;
            if (r.Remainder != null) { partialRest = r.Remainder; i++; break; }
        }
        // Never leave a keep-with-next block as the last thing on the page.
        if (i < Blocks.Count || partialRest != null)
        {
            while (partialRest == null && items.Count > 0 && Blocks[items[^1].Index].KeepWithNext
                   && !(topOfPage && items.Count == 1))
            {
                i = items[^1].Index;
                items.RemoveAt(items.Count - 1);
            }
            y = items.Count == 0 ? 0 : items[^1].Y + items[^1].F.Height;
        }
        var rest = new List<PdfBlock>();
        if (partialRest != null) rest.Add(partialRest);
        rest.AddRange(Blocks.Skip(i));
        PdfBlock? remainder = rest.Count == 0 ? null : Continue(new Column(rest) { Tag = Tag });
        if (items.Count == 0 && remainder == null) return LayoutResult.Complete(new ColumnFragment(new(), 0, null));
        if (items.Count == 0) return LayoutResult.Nothing(this);
        return new LayoutResult(new ColumnFragment(items.Select(t => (t.F, t.Y)).ToList(), y, Tag), remainder);
    }

    private sealed class ColumnFragment : Fragment
    {
        private readonly List<(Fragment F, double Y)> _items;
        private readonly StructTag? _tag;
        public ColumnFragment(List<(Fragment, double)> items, double height, StructTag? tag) { _items = items; Height = height; _tag = tag; }
        public override void Draw(ICanvas canvas, double x, double y)
        {
            if (_tag != null) canvas.BeginTag(_tag);
            foreach (var (f, fy) in _items) f.Draw(canvas, x, y + fy);
            if (_tag != null) canvas.EndTag();
        }
    }
}

/// <summary>Keeps its blocks on one page when they fit on an empty page (e.g. a question and its answer lines).</summary>
public sealed class KeepTogether : Column
{
    public KeepTogether(params PdfBlock[] blocks) : base(blocks) { base.KeepTogether = true; }
}

/// <summary>Forces the following content onto a new page (ignored at the top of a page, so no blank pages).</summary>
public sealed class PdfPageBreak : PdfBlock
{
    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage) =>
        LayoutResult.Complete(new DelegateFragment(0, (_, _, _) => { }));
}

/// <summary>Fixed vertical space. At the bottom of a page it shrinks to what is left rather than pushing content over.</summary>
public sealed class Spacer : PdfBlock
{
    public Spacer(double height) { Height = height; }
    public double Height { get; }
    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage) =>
        LayoutResult.Complete(new DelegateFragment(Math.Min(Height, Math.Max(0, height)), (_, _, _) => { }));
}

/// <summary>A horizontal line across the column (decorative, so it is an artifact for assistive technology).</summary>
public sealed class HorizontalRule : PdfBlock
{
    public HorizontalRule() { SpaceBefore = 6; SpaceAfter = 6; }
    public double Thickness { get; set; } = 0.75;
    public Color Color { get; set; } = Color.LightGrey;
    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        if (Thickness > height && !topOfPage) return LayoutResult.Nothing(this);
        return LayoutResult.Complete(new DelegateFragment(Thickness, (c, x, y) =>
            c.DrawLine(x, y + Thickness / 2, x + width, y + Thickness / 2, Thickness, Color)));
    }
}
