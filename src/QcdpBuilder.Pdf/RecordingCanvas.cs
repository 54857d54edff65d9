using System.Text;
using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Forms;
using QcdpBuilder.Pdf.Images;
using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf;

/// <summary>One drawing operation captured by <see cref="RecordingCanvas"/>, with its rectangle in page coordinates.</summary>
/// <param name="Kind">text, line, rect, ellipse, image, link, field, dest, outline.</param>
/// <param name="Tag">Role of the innermost structure element, or "Artifact".</param>
public sealed record RecordedItem(string Kind, Rect Rect, string? Text, string Tag);

/// <summary>A page captured by <see cref="RecordingCanvas"/>.</summary>
public sealed class RecordedPage
{
    public required PageSize Size { get; init; }
    public List<RecordedItem> Items { get; } = new();
    /// <summary>All text on the page in drawing order, one run per line of the result.</summary>
    public string Text => string.Join("\n", Items.Where(i => i.Kind == "text").Select(i => i.Text));
}

/// <summary>
/// A canvas that remembers what was drawn instead of producing PDF. Used by tests and by
/// <see cref="Layout.LayoutDump"/>; transforms are applied so rectangles are in final page coordinates.
/// </summary>
public sealed class RecordingCanvas : ICanvas
{
    private readonly Stack<StructTag?> _tags = new();
    private int _artifact;
    private (double Dx, double Dy, double S) _t = (0, 0, 1);
    private readonly Stack<(double, double, double)> _states = new();

    public List<RecordedPage> Pages { get; } = new();
    private RecordedPage Current => Pages[^1];

    private string Tag => _artifact > 0 ? "Artifact" : _tags.Count > 0 ? _tags.Peek()?.Role ?? "" : "";
    private Rect Map(Rect r) => new(_t.Dx + _t.S * r.X, _t.Dy + _t.S * r.Y, _t.S * r.Width, _t.S * r.Height);
    private void Add(string kind, Rect r, string? text, string? tag = null) => Current.Items.Add(new RecordedItem(kind, Map(r), text, tag ?? Tag));

    public void BeginPage(PageSize size) { Pages.Add(new RecordedPage { Size = size }); _t = (0, 0, 1); }
    public void EndPage() { }
    public void DrawText(ShapedText text, double x, double baseline, Color color)
    {
        var f = text.Font;
        double asc = f.ToPoints(f.Ascender, text.Size), desc = f.ToPoints(-f.Descender, text.Size);
        Add("text", new Rect(x, baseline - asc, text.Width, asc + desc), text.Text);
    }
    public void DrawLine(double x1, double y1, double x2, double y2, double width, Color color, double dash = 0) =>
        Add("line", new Rect(Math.Min(x1, x2), Math.Min(y1, y2), Math.Abs(x2 - x1), Math.Abs(y2 - y1)), null, "Artifact");
    public void DrawRect(Rect rect, Color? fill, Color? stroke = null, double strokeWidth = 0) => Add("rect", rect, fill?.ToString(), "Artifact");
    public void DrawEllipse(Rect rect, Color? fill, Color? stroke = null, double strokeWidth = 0) => Add("ellipse", rect, null, "Artifact");
    public void DrawImage(PdfImage image, Rect rect) => Add("image", rect, $"{image.PixelWidth}x{image.PixelHeight}");
    public void AddLink(Rect rect, LinkTarget target, string description) => Add("link", rect, target.ToString());
    public void AddFormField(Rect rect, FormFieldSpec field) => Add("field", rect, $"{field.Kind} {field.Name}");
    public void AddDestination(string name, double y) => Add("dest", new Rect(0, y, 0, 0), name);
    public void AddOutline(int level, string title, string destination) => Add("outline", default, $"{level} {title}");
    public void BeginTag(StructTag tag) => _tags.Push(tag);
    public void EndTag() => _tags.Pop();
    public void BeginArtifact() => _artifact++;
    public void EndArtifact() => _artifact--;
    public void SaveState() => _states.Push(_t);
    public void RestoreState() => _t = _states.Pop();
    public void Clip(Rect rect) { }
    public void Transform(double dx, double dy, double scale) => _t = (_t.Dx + _t.S * dx, _t.Dy + _t.S * dy, _t.S * scale);

    /// <summary>Formats the recording as plain text (see <see cref="Layout.LayoutDump"/>).</summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        for (int p = 0; p < Pages.Count; p++)
        {
            var page = Pages[p];
            sb.Append("page ").Append(p + 1).Append(' ')
              .Append(new Rect(0, 0, page.Size.Width, page.Size.Height).ToString()).Append('\n');
            foreach (var i in page.Items)
            {
                sb.Append("  ").Append(i.Kind).Append(' ').Append(i.Tag.Length == 0 ? "-" : i.Tag).Append(" [").Append(i.Rect).Append(']');
                if (i.Text != null) sb.Append(" \"").Append(i.Text.Replace("\n", "\\n")).Append('"');
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }
}
