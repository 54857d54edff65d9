using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Layout;
using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Forms;

/// <summary>
/// Base for printable form elements. When <see cref="Interactive"/> is true an AcroForm field is also placed
/// over the drawn area, so the same element works on paper and on screen.
/// </summary>
public abstract class FormBlock : PdfBlock
{
    protected FormBlock() { SpaceAfter = 8; }
    /// <summary>Adds a real (fillable) AcroForm field as well as the printed drawing.</summary>
    public bool Interactive { get; set; }
    /// <summary>Field name; derived from the label when null (the writer makes names unique).</summary>
    public string? FieldName { get; set; }
    public double FontSize { get; set; } = 11;
    public Color LineColor { get; set; } = Color.FromHex("#7A7A7A");
    public Color TextColor { get; set; } = Color.Black;
    protected StructTag TextTag { get; } = new(StructRoles.P);
    protected StructTag FieldTag { get; } = new(StructRoles.Form);

    protected string NameFor(string? label) => FieldName ?? (string.IsNullOrWhiteSpace(label) ? "field" : PdfHeading.SlugFor(label));

    protected static double LineHeightOf(TrueTypeFont f, double size) => Math.Max(size * 1.4, f.ToPoints(f.Ascender - f.Descender, size));
    protected static double BaselineOf(TrueTypeFont f, double size)
    {
        double asc = f.ToPoints(f.Ascender, size), d = f.ToPoints(f.Ascender - f.Descender, size);
        return (LineHeightOf(f, size) - d) / 2 + asc;
    }

    protected void Field(ICanvas c, Rect r, FormFieldSpec spec)
    {
        if (!Interactive) return;
        c.BeginTag(FieldTag);
        c.AddFormField(r, spec);
        c.EndTag();
    }

    protected void Label(ICanvas c, ShapedText text, double x, double baseline)
    {
        c.BeginTag(TextTag);
        c.DrawText(text, x, baseline, TextColor);
        c.EndTag();
    }

    /// <summary>Simple blocks fit or move to the next page whole.</summary>
    protected LayoutResult Whole(double h, double height, bool top, Action<ICanvas, double, double> draw) =>
        h > height + 0.001 && !top ? LayoutResult.Nothing(this) : LayoutResult.Complete(new DelegateFragment(h, draw));
}

/// <summary>N ruled lines for handwriting (optionally with a fillable multi-line field over them).</summary>
public sealed class PdfWritingLines : FormBlock
{
    public PdfWritingLines(int count, double spacing = 24) { Count = count; Spacing = spacing; }
    public int Count { get; }
    public double Spacing { get; }
    /// <summary>Tooltip/description for the fillable field.</summary>
    public string Description { get; set; } = "Your answer";

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        double h = Count * Spacing;
        if (h > height && !topOfPage && !Interactive)
        {
            // Split between lines: writing space may continue on the next page.
            int fit = (int)Math.Floor(height / Spacing);
            if (fit >= 2 && Count - fit >= 1)
                return new LayoutResult(new PdfWritingLines(fit, Spacing) { LineColor = LineColor }.Layout(context, width, height, false).Placed,
                    Continue(new PdfWritingLines(Count - fit, Spacing) { LineColor = LineColor }));
        }
        return Whole(h, height, topOfPage, (c, x, y) =>
        {
            for (int i = 1; i <= Count; i++) c.DrawLine(x, y + i * Spacing, x + width, y + i * Spacing, 0.5, LineColor);
            Field(c, new Rect(x, y, width, h), new FormFieldSpec { Name = NameFor(Description), Tooltip = Description, Kind = FormFieldKind.MultilineText, FontSize = FontSize });
        });
    }
}

/// <summary>A square tick box followed by a wrapped label.</summary>
public sealed class CheckboxItem : FormBlock
{
    public CheckboxItem(string label) { Label = label; SpaceAfter = 4; }
    public new string Label { get; }
    public bool Checked { get; set; }
    public double BoxSize { get; set; } = 11;
    private PdfParagraph? _p;

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        _p ??= new PdfParagraph(Label) { FontSize = FontSize, Color = TextColor, SpaceAfter = 0, Tag = TextTag };
        double indent = BoxSize + 7;
        var f = _p.Layout(context, width - indent, double.PositiveInfinity, true).Placed!;
        var font = context.Fonts.Regular;
        double baseline = BaselineOf(font, FontSize), cap = font.ToPoints(font.CapHeight, FontSize);
        return Whole(Math.Max(f.Height, BoxSize), height, topOfPage, (c, x, y) =>
        {
            var box = new Rect(x, y + baseline - cap / 2 - BoxSize / 2, BoxSize, BoxSize);
            c.DrawRect(box, null, LineColor, 0.8);
            if (Checked && !Interactive)
                c.DrawLine(box.X + 2, box.Y + 2, box.Right - 2, box.Bottom - 2, 0.8, TextColor);
            f.Draw(c, x + indent, y);
            Field(c, box, new FormFieldSpec { Name = NameFor(Label), Tooltip = Label, Kind = FormFieldKind.Checkbox, Checked = Checked });
        });
    }
}

/// <summary>A rating scale: numbered boxes or circles (e.g. 1–5) with optional end labels and a question.</summary>
public sealed class PdfRatingScale : FormBlock
{
    public PdfRatingScale(int min = 1, int max = 5) { Min = min; Max = max; }
    public int Min { get; }
    public int Max { get; }
    public string? Question { get; set; }
    public string? LowLabel { get; set; }
    public string? HighLabel { get; set; }
    public bool Circles { get; set; } = true;
    public double MarkSize { get; set; } = 18;
    public double Gap { get; set; } = 14;
    private PdfParagraph? _q;

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        var font = context.Fonts.Regular;
        double small = FontSize * 0.85;
        Fragment? q = null;
        if (Question != null)
        {
            _q ??= new PdfParagraph(Question) { FontSize = FontSize, Color = TextColor, SpaceAfter = 0, Tag = TextTag };
            q = _q.Layout(context, width, double.PositiveInfinity, true).Placed;
        }
        double qh = q == null ? 0 : q.Height + 4;
        double lh = LineHeightOf(font, small);
        bool ends = LowLabel != null || HighLabel != null;
        double h = qh + MarkSize + (ends ? lh + 2 : 0);
        int n = Max - Min + 1;
        return Whole(h, height, topOfPage, (c, x, y) =>
        {
            q?.Draw(c, x, y);
            double my = y + qh;
            c.BeginTag(new StructTag(StructRoles.P));
            for (int i = 0; i < n; i++)
            {
                var r = new Rect(x + i * (MarkSize + Gap), my, MarkSize, MarkSize);
                if (Circles) c.DrawEllipse(r, null, LineColor, 0.8); else c.DrawRect(r, null, LineColor, 0.8);
                var num = TextShaper.Shape(font, (Min + i).ToString(System.Globalization.CultureInfo.InvariantCulture), small);
                c.DrawText(num, r.X + (MarkSize - num.Width) / 2, my + MarkSize / 2 + font.ToPoints(font.CapHeight, small) / 2, TextColor);
            }
            double totalW = n * MarkSize + (n - 1) * Gap;
            double ly = my + MarkSize + 2 + BaselineOf(font, small);
            if (LowLabel != null) c.DrawText(TextShaper.Shape(font, LowLabel, small), x, ly, TextColor);
            if (HighLabel != null)
            {
                var hs = TextShaper.Shape(font, HighLabel, small);
                c.DrawText(hs, Math.Max(x, x + totalW - hs.Width), ly, TextColor);
            }
            c.EndTag();
            if (Interactive)
                for (int i = 0; i < n; i++)
                {
                    var r = new Rect(x + i * (MarkSize + Gap), my, MarkSize, MarkSize);
                    Field(c, r, new FormFieldSpec { Name = $"{NameFor(Question)}_{Min + i}", Tooltip = $"{Question ?? "Rating"}: {Min + i}", Kind = FormFieldKind.Checkbox });
                }
        });
    }
}

/// <summary>
/// A labelled fill-in: "Label ________" on one line, or the label above several ruled lines when
/// <see cref="Lines"/> &gt; 1. <see cref="Kind"/> selects text, multi-line or date when interactive.
/// </summary>
public sealed class LabelledField : FormBlock
{
    public LabelledField(string label) { Label = label; }
    public new string Label { get; }
    public int Lines { get; set; } = 1;
    public double LineSpacing { get; set; } = 24;
    public FormFieldKind Kind { get; set; } = FormFieldKind.Text;
    /// <summary>Width reserved for the label on single-line fields (null = the label's own width).</summary>
    public double? LabelWidth { get; set; }

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        var font = context.Fonts.Regular;
        var text = TextShaper.Shape(font, Label, FontSize);
        double lineH = LineSpacing;
        var kind = Kind == FormFieldKind.Text && Lines > 1 ? FormFieldKind.MultilineText : Kind;
        var spec = new FormFieldSpec { Name = NameFor(Label), Tooltip = Label, Kind = kind, FontSize = Lines > 1 ? FontSize : 0 };
        if (Lines <= 1)
        {
            double lw = (LabelWidth ?? text.Width) + 6;
            return Whole(lineH, height, topOfPage, (c, x, y) =>
            {
                double baseline = y + lineH - 5;
                Label(c, text, x, baseline);
                c.DrawLine(x + lw, y + lineH - 2, x + width, y + lineH - 2, 0.6, LineColor);
                Field(c, new Rect(x + lw, y + 2, width - lw, lineH - 4), spec);
            });
        }
        double labelH = LineHeightOf(font, FontSize);
        double h = labelH + Lines * lineH;
        return Whole(h, height, topOfPage, (c, x, y) =>
        {
            Label(c, text, x, y + BaselineOf(font, FontSize));
            for (int i = 1; i <= Lines; i++) c.DrawLine(x, y + labelH + i * lineH, x + width, y + labelH + i * lineH, 0.5, LineColor);
            Field(c, new Rect(x, y + labelH, width, Lines * lineH), spec);
        });
    }
}

/// <summary>Signature line with an optional date line beside it ("Signature ______  Date ______").</summary>
public sealed class PdfSignatureLine : FormBlock
{
    public PdfSignatureLine(string label = "Signature") { Label = label; SpaceBefore = 12; }
    public new string Label { get; }
    public string? DateLabel { get; set; } = "Date";
    public double Height { get; set; } = 30;

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        var font = context.Fonts.Regular;
        var small = FontSize * 0.85;
        var label = TextShaper.Shape(font, Label, small);
        var date = DateLabel == null ? null : TextShaper.Shape(font, DateLabel, small);
        double lh = LineHeightOf(font, small);
        double h = Height + lh;
        return Whole(h, height, topOfPage, (c, x, y) =>
        {
            double sigW = date == null ? width : width * 0.62;
            double ly = y + Height;
            c.DrawLine(x, ly, x + sigW, ly, 0.8, TextColor);
            Label(c, label, x, ly + BaselineOf(font, small));
            Field(c, new Rect(x, y + 4, sigW, Height - 6), new FormFieldSpec { Name = NameFor(Label), Tooltip = Label, FontSize = 0 });
            if (date != null)
            {
                double dx = x + width * 0.7;
                c.DrawLine(dx, ly, x + width, ly, 0.8, TextColor);
                Label(c, date, dx, ly + BaselineOf(font, small));
                Field(c, new Rect(dx, y + 4, x + width - dx, Height - 6), new FormFieldSpec { Name = NameFor(Label) + "_date", Tooltip = DateLabel!, Kind = FormFieldKind.Date, FontSize = 0 });
            }
        });
    }
}

/// <summary>Builds fill-in tables: a header row and N empty rows of a given height.</summary>
public static class FillInTable
{
    public static PdfTable Create(IReadOnlyList<string> headers, int rows, double rowHeight = 28, IReadOnlyList<TableColumn>? columns = null)
    {
        var t = new PdfTable((columns ?? headers.Select(_ => TableColumn.Relative()).ToList()).ToArray())
        {
            HeaderBackground = Color.FromHex("#EDEDED"),
        };
        t.AddHeader(headers.ToArray());
        for (int i = 0; i < rows; i++)
        {
            var row = new PdfTableRow(headers.Select(_ => new TableCell()).ToArray()) { MinHeight = rowHeight };
            t.AddRow(row);
        }
        return t;
    }
}
