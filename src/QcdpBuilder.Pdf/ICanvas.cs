using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Forms;
using QcdpBuilder.Pdf.Images;
using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf;

/// <summary>
/// The drawing surface layout renders onto. Coordinates are layout coordinates (top-left origin, points).
/// Layout never produces bytes; the PDF writer (<see cref="Writer.PdfCanvas"/>) implements this interface and
/// tests use <see cref="RecordingCanvas"/>. Keeping the surface small makes both easy to get right.
/// </summary>
/// <remarks>
/// Tagging: text and images drawn between <see cref="BeginTag"/> and <see cref="EndTag"/> become marked content
/// of that structure element. Passing the same <see cref="StructTag"/> instance again (e.g. a table continued on
/// the next page) continues the same element. Lines, rectangles and ellipses are always treated as artifacts
/// (decoration), and everything between <see cref="BeginArtifact"/> and <see cref="EndArtifact"/> is an artifact
/// (running headers and footers, repeated table headers).
/// </remarks>
public interface ICanvas
{
    void BeginPage(PageSize size);
    void EndPage();
    /// <summary>Draws shaped text with its baseline starting at (x, baseline).</summary>
    void DrawText(ShapedText text, double x, double baseline, Color color);
    void DrawLine(double x1, double y1, double x2, double y2, double width, Color color, double dash = 0);
    void DrawRect(Rect rect, Color? fill, Color? stroke = null, double strokeWidth = 0);
    void DrawEllipse(Rect rect, Color? fill, Color? stroke = null, double strokeWidth = 0);
    void DrawImage(PdfImage image, Rect rect);
    /// <summary>Adds a clickable area. <paramref name="description"/> becomes the annotation's /Contents.</summary>
    void AddLink(Rect rect, LinkTarget target, string description);
    /// <summary>Adds an interactive AcroForm field widget over <paramref name="rect"/>.</summary>
    void AddFormField(Rect rect, FormFieldSpec field);
    /// <summary>Registers a named destination at vertical position <paramref name="y"/> of the current page.</summary>
    void AddDestination(string name, double y);
    /// <summary>Adds a bookmark (outline) entry; levels nest (1 = top).</summary>
    void AddOutline(int level, string title, string destination);
    void BeginTag(StructTag tag);
    void EndTag();
    void BeginArtifact();
    void EndArtifact();
    /// <summary>Saves graphics state (pair with <see cref="RestoreState"/>); clipping and transforms are scoped by it.</summary>
    void SaveState();
    void RestoreState();
    /// <summary>Restricts drawing to a rectangle until the matching <see cref="RestoreState"/>.</summary>
    void Clip(Rect rect);
    /// <summary>Maps subsequent coordinates p to (dx + scale·p.x, dy + scale·p.y); used for shrink-to-fit and thumbnails.</summary>
    void Transform(double dx, double dy, double scale);
}

/// <summary>Where a link goes: an external URI or a named destination inside the document (e.g. a heading id).</summary>
public sealed record LinkTarget
{
    public string? Uri { get; init; }
    public string? Destination { get; init; }
    public static LinkTarget Url(string uri) => new() { Uri = uri };
    public static LinkTarget Internal(string destination) => new() { Destination = destination };
    public override string ToString() => Uri ?? "#" + Destination;
}
