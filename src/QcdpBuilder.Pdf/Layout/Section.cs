using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Forms;
using QcdpBuilder.Pdf.Images;
using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>
/// Starts a new section of a <see cref="PdfDocument"/> (<see cref="PdfDocument.AddSection"/>): what follows begins on a
/// new page, optionally a right-hand (odd) one so a double-sided print can be split between sections. A section
/// may carry a bookmark (with the bookmarks of its headings nested below it) and its own running bands.
/// </summary>
public sealed class Section
{
    /// <summary>The bookmark (outline) title for the section's first page; null for no bookmark.</summary>
    public string? Title { get; init; }
    /// <summary>Named destination at the top of the section's first page (defaults to <c>section-N</c>).</summary>
    public string? Destination { get; init; }
    /// <summary>Level of the section's bookmark (1 = top).</summary>
    public int OutlineLevel { get; init; } = 1;
    /// <summary>When true, bookmarks of headings inside the section are nested below the section's bookmark.</summary>
    public bool NestHeadings { get; init; } = true;
    /// <summary>Begin on an odd page, inserting a blank left-hand page when needed (duplex printing).</summary>
    public bool StartOnOddPage { get; init; }
    /// <summary>Text printed in the middle of an inserted blank page (e.g. "This page is intentionally blank"); null for none.</summary>
    public string? BlankPageText { get; init; }
    /// <summary>
    /// Keep the section's named destinations (heading ids, link targets) private to it, so that several sections
    /// built from similar sources (each with a "document-title" heading, say) do not collide: names are prefixed
    /// with the section's destination. Contents entries cannot point into a scoped section.
    /// </summary>
    public bool ScopeDestinations { get; init; }
    /// <summary>
    /// Number pages from 1 again from this section's first page: <c>{page}</c> and <c>{pages}</c> in the running bands
    /// then count within the run of pages up to the next section that restarts (one copy of a pack among several).
    /// </summary>
    public bool RestartPageNumbers { get; init; }
    /// <summary>Running header for this section's flow pages; null keeps the document's.</summary>
    public RunningBand? Header { get; init; }
    /// <summary>Running footer for this section's flow pages; null keeps the document's.</summary>
    public RunningBand? Footer { get; init; }
}

/// <summary>Forwards every call to another canvas; subclasses change the few calls they care about.</summary>
internal class ForwardingCanvas(ICanvas inner) : ICanvas
{
    protected ICanvas Inner { get; } = inner;
    public virtual void BeginPage(PageSize size) => Inner.BeginPage(size);
    public virtual void EndPage() => Inner.EndPage();
    public void DrawText(ShapedText text, double x, double baseline, Color color) => Inner.DrawText(text, x, baseline, color);
    public void DrawLine(double x1, double y1, double x2, double y2, double width, Color color, double dash = 0) => Inner.DrawLine(x1, y1, x2, y2, width, color, dash);
    public void DrawRect(Rect rect, Color? fill, Color? stroke = null, double strokeWidth = 0) => Inner.DrawRect(rect, fill, stroke, strokeWidth);
    public void DrawEllipse(Rect rect, Color? fill, Color? stroke = null, double strokeWidth = 0) => Inner.DrawEllipse(rect, fill, stroke, strokeWidth);
    public void DrawImage(PdfImage image, Rect rect) => Inner.DrawImage(image, rect);
    public virtual void AddLink(Rect rect, LinkTarget target, string description) => Inner.AddLink(rect, target, description);
    public void AddFormField(Rect rect, FormFieldSpec field) => Inner.AddFormField(rect, field);
    public virtual void AddDestination(string name, double y) => Inner.AddDestination(name, y);
    public virtual void AddOutline(int level, string title, string destination) => Inner.AddOutline(level, title, destination);
    public void BeginTag(StructTag tag) => Inner.BeginTag(tag);
    public void EndTag() => Inner.EndTag();
    public void BeginArtifact() => Inner.BeginArtifact();
    public void EndArtifact() => Inner.EndArtifact();
    public void SaveState() => Inner.SaveState();
    public void RestoreState() => Inner.RestoreState();
    public void Clip(Rect rect) => Inner.Clip(rect);
    public void Transform(double dx, double dy, double scale) => Inner.Transform(dx, dy, scale);
}

/// <summary>
/// Applies sections to drawing: shifts heading bookmarks below their section's, scopes destination names, and,
/// for booklets (where pages are drawn out of order), holds bookmarks back and passes them on in reading order
/// once every page is drawn.
/// </summary>
internal sealed class OutlineCanvas(ICanvas inner, bool reorder) : ForwardingCanvas(inner)
{
    private readonly List<(int Page, int Seq, int Level, string Title, string Dest)> _held = new();
    public int Offset { get; set; }
    public int LogicalPage { get; set; }
    /// <summary>Prefix for destination names drawn now (null: names are used as they are).</summary>
    public string? Scope { get; set; }

    private string Scoped(string name) => Scope is null ? name : Scope + "/" + name;

    public override void AddDestination(string name, double y) => Inner.AddDestination(Scoped(name), y);

    public override void AddLink(Rect rect, LinkTarget target, string description) =>
        Inner.AddLink(rect, target.Destination is { } d && Scope is not null ? LinkTarget.Internal(Scoped(d)) : target, description);

    public override void AddOutline(int level, string title, string destination)
    {
        destination = Scoped(destination);
        if (reorder) _held.Add((LogicalPage, _held.Count, level + Offset, title, destination));
        else Inner.AddOutline(level + Offset, title, destination);
    }

    /// <summary>A section's own bookmark (never shifted).</summary>
    public void AddSectionOutline(int level, string title, string destination)
    {
        if (reorder) _held.Add((LogicalPage, _held.Count, level, title, destination));
        else Inner.AddOutline(level, title, destination);
    }

    public void Flush()
    {
        foreach (var o in _held.OrderBy(o => o.Page).ThenBy(o => o.Seq)) Inner.AddOutline(o.Level, o.Title, o.Dest);
        _held.Clear();
    }
}
