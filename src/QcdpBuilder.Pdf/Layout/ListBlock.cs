using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>One item of a <see cref="PdfListBlock"/>: any blocks (paragraphs, nested lists...).</summary>
public sealed class PdfListItem
{
    public PdfListItem(params PdfBlock[] blocks) { Blocks.AddRange(blocks); }
    public PdfListItem(string text) : this(new PdfParagraph(text) { SpaceAfter = 0 }) { }
    public List<PdfBlock> Blocks { get; } = new();
    internal StructTag Tag { get; } = new(StructRoles.LI);
    internal StructTag LabelTag { get; } = new(StructRoles.Lbl);
    internal StructTag BodyTag { get; } = new(StructRoles.LBody);
}

/// <summary>
/// A bulleted or numbered list with hanging indent (the label sits in the indent, wrapped lines align with the
/// text). Nest lists by putting a <see cref="PdfListBlock"/> in an item. Tagged /L › /LI › /Lbl + /LBody.
/// </summary>
public sealed class PdfListBlock : PdfBlock
{
    public PdfListBlock(bool ordered = false) { Ordered = ordered; SpaceAfter = 6; }
    public PdfListBlock(bool ordered, params string[] items) : this(ordered) { foreach (var i in items) Items.Add(new PdfListItem(i)); }

    public bool Ordered { get; set; }
    public int Start { get; set; } = 1;
    public List<PdfListItem> Items { get; } = new();
    /// <summary>Width of the hanging indent in points.</summary>
    public double Indent { get; set; } = 18;
    /// <summary>Vertical gap between items.</summary>
    public double ItemSpacing { get; set; } = 3;
    /// <summary>Bullet character for unordered lists (e.g. "•", "–", "✓").</summary>
    public string Bullet { get; set; } = "\u2022";
    /// <summary>Font size and line height of labels; match the item paragraphs so baselines align.</summary>
    public double FontSize { get; set; } = 11;
    public double LineHeight { get; set; } = 1.4;
    public Color LabelColor { get; set; } = Color.Black;
    public StructTag Tag { get; } = new(StructRoles.L);

    public PdfListBlock Add(PdfListItem item) { Items.Add(item); return this; }
    public PdfListBlock Add(string text) { Items.Add(new PdfListItem(text)); return this; }

    private Column? _column;

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        _column ??= BuildColumn();
        _column.SpaceAfter = SpaceAfter; _column.KeepWithNext = KeepWithNext;
        return _column.Layout(context, width, height, topOfPage);
    }

    private Column BuildColumn()
    {
        var col = new Column { Tag = Tag };
        for (int i = 0; i < Items.Count; i++)
        {
            string label = Ordered ? $"{Start + i}." : Bullet;
            col.Blocks.Add(new ItemBlock(this, Items[i], label, new Column(Items[i].Blocks) { Tag = Items[i].BodyTag }, true)
            { SpaceBefore = i == 0 ? 0 : ItemSpacing });
        }
        return col;
    }

    private sealed class ItemBlock : PdfBlock
    {
        private readonly PdfListBlock _list; private readonly PdfListItem _item; private readonly string _label; private readonly PdfBlock _body; private readonly bool _first;
        public ItemBlock(PdfListBlock list, PdfListItem item, string label, PdfBlock body, bool first)
        { _list = list; _item = item; _label = label; _body = body; _first = first; }

        public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
        {
            double indent = _list.Indent;
            var r = _body.Layout(context, Math.Max(1, width - indent), height, topOfPage);
            if (r.Placed == null) return LayoutResult.Nothing(this);
            ShapedText? label = null;
            double baseline = 0;
            if (_first)
            {
                var font = context.Fonts.Regular;
                label = TextShaper.Shape(font, _label, _list.FontSize);
                double asc = font.ToPoints(font.Ascender, _list.FontSize), desc = font.ToPoints(-font.Descender, _list.FontSize);
                double lh = Math.Max(_list.FontSize * _list.LineHeight, asc + desc);
                baseline = (lh - (asc + desc)) / 2 + asc;
            }
            var placed = r.Placed;
            var frag = new DelegateFragment(placed.Height, (c, x, y) =>
            {
                c.BeginTag(_item.Tag);
                if (label != null)
                {
                    c.BeginTag(_item.LabelTag);
                    double lx = _list.Ordered ? x + indent - 5 - label.Width : x + Math.Max(0, (indent - label.Width) / 2 - 2);
                    c.DrawText(label, lx, y + baseline, _list.LabelColor);
                    c.EndTag();
                }
                placed.Draw(c, x + indent, y);
                c.EndTag();
            });
            if (r.Remainder == null) return LayoutResult.Complete(frag);
            return new LayoutResult(frag, Continue(new ItemBlock(_list, _item, _label, r.Remainder, false)));
        }
    }
}
