using QcdpBuilder.Documents;

namespace QcdpBuilder.Decks;

/// <summary>
/// Layout kinds, named as in a PowerPoint reference deck. The PPTX writer looks layouts
/// up by <see cref="SlideLayoutNames"/>, so an organisation's own template can replace ours.
/// </summary>
public enum SlideLayout { Title, SectionHeader, TitleAndContent, TwoContent, Comparison, ContentWithCaption, Blank }

/// <summary>The names of the layouts in the reference deck.</summary>
public static class SlideLayoutNames
{
    public static string Of(SlideLayout layout) => layout switch
    {
        SlideLayout.Title => "Title Slide",
        SlideLayout.SectionHeader => "Section Header",
        SlideLayout.TitleAndContent => "Title and Content",
        SlideLayout.TwoContent => "Two Content",
        SlideLayout.Comparison => "Comparison",
        SlideLayout.ContentWithCaption => "Content with Caption",
        _ => "Blank",
    };
}

/// <summary>
/// The middle step between the document model and a PPTX or PDF deck (as pandoc's
/// PowerPoint writer): slides with a layout kind and their content, nothing about packages.
/// </summary>
public sealed record Deck(string Title, string? Subtitle, IReadOnlyList<Slide> Slides);

/// <summary>
/// One slide. <see cref="Body"/> is the main (or left) content, <see cref="Right"/> the
/// second column for two-content slides, <see cref="Picture"/> the image for
/// content-with-caption slides, <see cref="Notes"/> the speaker notes.
/// </summary>
public sealed record Slide(SlideLayout Layout, string Title)
{
    public string? Subtitle { get; init; }
    public IReadOnlyList<Block> Body { get; init; } = [];
    public IReadOnlyList<Block> Right { get; init; } = [];
    public Image? Picture { get; init; }
    public IReadOnlyList<Block> Notes { get; init; } = [];
    /// <summary>1-based line in the source Markdown where the slide starts (for error messages).</summary>
    public int SourceLine { get; init; }
}
