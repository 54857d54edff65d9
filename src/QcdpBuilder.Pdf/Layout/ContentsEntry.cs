using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>
/// Resolves destination names to page numbers while drawing. <see cref="PdfDocument.Render"/> fills it from a
/// first drawing pass onto a <see cref="RecordingCanvas"/>, so contents pages show exact page numbers.
/// </summary>
public static class PageReferences
{
    [ThreadStatic] private static Dictionary<string, int>? _current;

    /// <summary>The page number (1-based) of a destination in the document being drawn, or null if unknown.</summary>
    public static int? PageOf(string destination) =>
        _current != null && _current.TryGetValue(destination, out var p) ? p : null;

    internal static IDisposable Use(Dictionary<string, int> map)
    {
        var previous = _current;
        _current = map;
        return new Restore(() => _current = previous);
    }

    private sealed class Restore(Action a) : IDisposable { public void Dispose() => a(); }
}

/// <summary>
/// One line of a contents page: the title (a link to <see cref="Destination"/>, e.g. a heading id), a dotted
/// leader and the right-aligned page number where the destination landed.
/// </summary>
public sealed class ContentsEntry : PdfBlock
{
    public ContentsEntry(string title, string destination, int level = 1)
    {
        Title = title; Destination = destination; Level = level; SpaceAfter = level == 1 ? 4 : 2;
    }
    public string Title { get; }
    public string Destination { get; }
    public int Level { get; }
    public double FontSize { get; set; } = 11;
    public double IndentPerLevel { get; set; } = 16;
    public Color Color { get; set; } = Color.Black;
    public bool Bold { get; set; }
    public bool Leader { get; set; } = true;
    private readonly StructTag _p = new(StructRoles.P), _link = new(StructRoles.Link);
    private PdfParagraph? _para;

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        const double numberWidth = 36;
        double indent = (Level - 1) * IndentPerLevel;
        _para ??= new PdfParagraph(new TextRun(Title) { Link = LinkTarget.Internal(Destination) })
            { FontSize = FontSize, Color = Color, Bold = Bold, SpaceAfter = 0, Tag = _p, MinLinesOnPage = 1 };
        var f = _para.Layout(context, Math.Max(10, width - indent - numberWidth), double.PositiveInfinity, true).Placed!;
        if (f.Height > height && !topOfPage) return LayoutResult.Nothing(this);
        var font = context.Fonts.Face(Bold, false);
        double asc = font.ToPoints(font.Ascender, FontSize), textH = font.ToPoints(font.Ascender - font.Descender, FontSize);
        double lineH = Math.Max(FontSize * _para.LineHeight, textH);
        double lastBaseline = f.Height - lineH + (lineH - textH) / 2 + asc;
        double titleEnd = TextShaper.Measure(font, Title, FontSize); // approximate end of single-line titles for the leader
        return LayoutResult.Complete(new DelegateFragment(f.Height, (c, x, y) =>
        {
            f.Draw(c, x + indent, y);
            var page = PageReferences.PageOf(Destination);
            var num = TextShaper.Shape(font, page?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", FontSize);
            double nx = x + width - num.Width;
            if (Leader && f.Height <= lineH + 0.01)
            {
                double from = x + indent + titleEnd + 6, to = nx - 6;
                if (to > from) c.DrawLine(from, y + lastBaseline, to, y + lastBaseline, 0.8, Color.Grey, 1.5);
            }
            if (num.Glyphs.Length > 0)
            {
                c.BeginTag(_p);
                c.BeginTag(_link);
                c.DrawText(num, nx, y + lastBaseline, Color);
                c.AddLink(new Rect(nx, y + lastBaseline - asc, num.Width, textH), LinkTarget.Internal(Destination), $"Page {page}");
                c.EndTag();
                c.EndTag();
            }
        }));
    }
}
