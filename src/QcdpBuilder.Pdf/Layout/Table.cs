using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>A column width: fixed points or a share of the remaining width.</summary>
public readonly record struct TableColumn(double Value, bool IsRelative)
{
    public static TableColumn Fixed(double points) => new(points, false);
    public static TableColumn Relative(double weight = 1) => new(weight, true);
}

/// <summary>A table cell holding any blocks.</summary>
public sealed class TableCell
{
    public TableCell(params PdfBlock[] blocks) { Blocks.AddRange(blocks); }
    public TableCell(string text) : this(new PdfParagraph(text) { SpaceAfter = 0 }) { }
    public List<PdfBlock> Blocks { get; } = new();
    public int ColumnSpan { get; set; } = 1;
    public Color? Background { get; set; }
    public VerticalAlign VerticalAlign { get; set; } = VerticalAlign.Top;
    internal StructTag? Tag { get; set; }
}

/// <summary>A table row. Rows are never split across pages unless a single row is taller than a page.</summary>
public sealed class PdfTableRow
{
    public PdfTableRow(params TableCell[] cells) { Cells.AddRange(cells); }
    public PdfTableRow(params string[] cells) { Cells.AddRange(cells.Select(c => new TableCell(c))); }
    public List<TableCell> Cells { get; } = new();
    /// <summary>Minimum height, e.g. for empty rows of a fill-in table.</summary>
    public double MinHeight { get; set; }
    public Color? Background { get; set; }
    internal StructTag Tag { get; } = new(StructRoles.TR);
}

/// <summary>
/// A table with fixed or relative column widths, header rows repeated at the top of every page, cell padding,
/// borders and shading. Tagged /Table › /TR › /TH (scope Column) and /TD; repeated headers are artifacts so screen
/// readers meet each header once.
/// </summary>
public sealed class PdfTable : PdfBlock
{
    public PdfTable(params TableColumn[] columns) { Columns.AddRange(columns); SpaceAfter = 8; }

    public List<TableColumn> Columns { get; } = new();
    public List<PdfTableRow> Rows { get; } = new();
    /// <summary>The first N rows are headers (tagged /TH and repeated on each page).</summary>
    public int HeaderRows { get; set; }
    public double CellPadding { get; set; } = 5;
    public double BorderWidth { get; set; } = 0.5;
    public Color BorderColor { get; set; } = Color.FromHex("#9A9A9A");
    public Color? HeaderBackground { get; set; }
    /// <summary>Background for every other body row (zebra striping), or null.</summary>
    public Color? StripeBackground { get; set; }
    public StructTag Tag { get; } = new(StructRoles.Table);

    public PdfTable AddRow(PdfTableRow row) { Rows.Add(row); return this; }
    public PdfTable AddHeader(params string[] cells)
    {
        var row = new PdfTableRow(cells.Select(c => new TableCell(new PdfParagraph(new TextRun(c) { Bold = true }) { SpaceAfter = 0 })).ToArray());
        Rows.Insert(HeaderRows++, row);
        return this;
    }
    public PdfTable AddRow(params string[] cells) => AddRow(new PdfTableRow(cells));

    public double[] ColumnWidths(double width)
    {
        double fixedSum = Columns.Where(c => !c.IsRelative).Sum(c => c.Value);
        double relSum = Columns.Where(c => c.IsRelative).Sum(c => c.Value);
        double rest = Math.Max(0, width - fixedSum);
        return Columns.Select(c => c.IsRelative ? (relSum > 0 ? rest * c.Value / relSum : 0) : c.Value).ToArray();
    }

    /// <summary>A row ready for layout: per-cell content (original or the remainder of a split row).</summary>
    private sealed record RowState(PdfTableRow Row, int Index, PdfBlock[] Content);

    private RowState Initial(int index)
    {
        var row = Rows[index];
        bool header = index < HeaderRows;
        foreach (var c in row.Cells) c.Tag ??= header ? new StructTag(StructRoles.TH) { Scope = "Column" } : new StructTag(StructRoles.TD);
        return new RowState(row, index, row.Cells.Select(c => (PdfBlock)new Column(c.Blocks)).ToArray());
    }

    private sealed record PlacedRow(RowState State, double Height, Fragment?[] Cells, bool Artifact);

    private (double X, double W)[] CellBoxes(PdfTableRow row, double[] widths)
    {
        var boxes = new (double, double)[row.Cells.Count];
        int col = 0; double x = 0;
        for (int i = 0; i < row.Cells.Count; i++)
        {
            int span = Math.Max(1, row.Cells[i].ColumnSpan);
            double w = widths.Skip(col).Take(span).Sum();
            boxes[i] = (x, w); x += w; col += span;
        }
        return boxes;
    }

    /// <summary>Lays out a row with unlimited height (complete) or limited height (split by lines).</summary>
    private (PlacedRow Placed, RowState? Remaining) LayoutRow(LayoutContext ctx, RowState rs, double[] widths, double height, bool artifact)
    {
        var boxes = CellBoxes(rs.Row, widths);
        var frags = new Fragment?[rs.Content.Length];
        var rests = new PdfBlock?[rs.Content.Length];
        double inner = double.IsPositiveInfinity(height) ? height : height - 2 * CellPadding;
        double h = 0; bool any = false;
        for (int i = 0; i < rs.Content.Length; i++)
        {
            var r = rs.Content[i].Layout(ctx, Math.Max(1, boxes[i].W - 2 * CellPadding), Math.Max(0, inner), true);
            frags[i] = r.Placed; rests[i] = r.Remainder;
            any |= r.Remainder != null;
            h = Math.Max(h, r.Placed?.Height ?? 0);
        }
        h = Math.Max(h + 2 * CellPadding, rs.Row.MinHeight);
        if (!double.IsPositiveInfinity(height)) h = Math.Min(h, height);
        RowState? rest = any ? rs with { Content = rests.Select(b => b ?? new Column()).ToArray() } : null;
        return (new PlacedRow(rs, h, frags, artifact), rest);
    }

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage) =>
        LayoutFrom(context, width, height, topOfPage, null, false, this);

    private LayoutResult LayoutFrom(LayoutContext ctx, double width, double height, bool topOfPage, RowState? pending, bool continuation, PdfBlock self)
    {
        var widths = ColumnWidths(width);
        var placed = new List<PlacedRow>();
        double y = 0;
        int next = continuation ? -1 : 0;
        if (continuation)
        {
            for (int i = 0; i < HeaderRows; i++)
            {
                var (p, _) = LayoutRow(ctx, Initial(i), widths, double.PositiveInfinity, artifact: true);
                placed.Add(p); y += p.Height;
            }
        }
        var queue = new List<RowState>();
        if (pending != null) queue.Add(pending);
        int firstIndex = pending != null ? pending.Index + 1 : continuation ? HeaderRows : 0;
        RowState? rest = null;
        int idx = firstIndex;
        while (true)
        {
            RowState rs;
            if (queue.Count > 0) { rs = queue[0]; queue.RemoveAt(0); }
            else if (idx < Rows.Count) rs = Initial(idx++);
            else break;
            var (p, _) = LayoutRow(ctx, rs, widths, double.PositiveInfinity, false);
            bool isHeader = rs.Index < HeaderRows;
            // The first body row must accompany the headers, so headers alone never end a page.
            double need = p.Height;
            if (isHeader && rs.Index == HeaderRows - 1 && idx < Rows.Count)
                need += LayoutRow(ctx, Initial(idx), widths, double.PositiveInfinity, false).Placed.Height;
            if (y + need <= height + 0.001) { placed.Add(p); y += p.Height; continue; }
            bool nothingOfBody = placed.All(q => q.State.Index < HeaderRows);
            if (nothingOfBody && topOfPage && !isHeader)
            {
                // A row taller than the page: split it by lines (cells continue on the next page).
                var (pp, prest) = LayoutRow(ctx, rs, widths, height - y, false);
                placed.Add(pp); y += pp.Height;
                rest = prest;
                if (rest == null && idx >= Rows.Count) return LayoutResult.Complete(new TableFragment(this, widths, placed, y));
                return new LayoutResult(new TableFragment(this, widths, placed, y), Continue(new TableRest(this, rest, idx)));
            }
            if (placed.Count == 0 || nothingOfBody)
            {
                if (!topOfPage) return LayoutResult.Nothing(self);
                placed.Add(p); y += p.Height; continue; // headers taller than the page: draw anyway
            }
            return new LayoutResult(new TableFragment(this, widths, placed, y), Continue(new TableRest(this, rs, idx)));
        }
        return LayoutResult.Complete(new TableFragment(this, widths, placed, y));
    }

    /// <summary>Continuation on a later page: headers repeated, then rows from <c>pending</c>/<c>next</c>.</summary>
    private sealed class TableRest : PdfBlock
    {
        private readonly PdfTable _t; private readonly RowState? _pending; private readonly int _next;
        public TableRest(PdfTable t, RowState? pending, int next) { _t = t; _pending = pending; _next = next; }
        public override LayoutResult Layout(LayoutContext c, double w, double h, bool top)
        {
            var pending = _pending ?? (_next < _t.Rows.Count ? _t.Initial(_next) : null);
            return _t.LayoutFrom(c, w, h, top, pending, true, this);
        }
    }

    private sealed class TableFragment : Fragment
    {
        private readonly PdfTable _t; private readonly double[] _widths; private readonly List<PlacedRow> _rows;
        public TableFragment(PdfTable t, double[] widths, List<PlacedRow> rows, double height) { _t = t; _widths = widths; _rows = rows; Height = height; }
        public override void Draw(ICanvas c, double x, double y)
        {
            c.BeginTag(_t.Tag);
            double ry = y;
            foreach (var pr in _rows)
            {
                var row = pr.State.Row;
                var boxes = _t.CellBoxes(row, _widths);
                bool header = pr.State.Index < _t.HeaderRows;
                Color? rowBg = row.Background ?? (header ? _t.HeaderBackground : (_t.StripeBackground != null && (pr.State.Index - _t.HeaderRows) % 2 == 1 ? _t.StripeBackground : null));
                if (pr.Artifact) c.BeginArtifact(); else c.BeginTag(row.Tag);
                for (int i = 0; i < boxes.Length; i++)
                {
                    var cell = row.Cells[i];
                    var rect = new Rect(x + boxes[i].X, ry, boxes[i].W, pr.Height);
                    var bg = cell.Background ?? rowBg;
                    if (bg != null) c.DrawRect(rect, bg);
                    if (_t.BorderWidth > 0) c.DrawRect(rect, null, _t.BorderColor, _t.BorderWidth);
                    var f = pr.Cells[i];
                    if (!pr.Artifact && cell.Tag != null) c.BeginTag(cell.Tag);
                    if (f != null)
                    {
                        double free = pr.Height - 2 * _t.CellPadding - f.Height;
                        double dy = cell.VerticalAlign switch { VerticalAlign.Middle => free / 2, VerticalAlign.Bottom => free, _ => 0 };
                        f.Draw(c, rect.X + _t.CellPadding, ry + _t.CellPadding + Math.Max(0, dy));
                    }
                    if (!pr.Artifact && cell.Tag != null) c.EndTag();
                }
                if (pr.Artifact) c.EndArtifact(); else c.EndTag();
                ry += pr.Height;
            }
            c.EndTag();
        }
    }
}
