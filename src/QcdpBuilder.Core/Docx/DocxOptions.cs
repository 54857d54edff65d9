namespace QcdpBuilder.Docx;

/// <summary>What a DOCX is for; decides the front matter and how fill-in elements are written.</summary>
public enum DocxKind
{
    /// <summary>Cover page, contents page with a TOC field, then the body.</summary>
    Guide,
    /// <summary>No cover: the title at the top, fill-in elements printed as ruled lines and boxes.</summary>
    Handout,
    /// <summary>A fillable Word form: fields, dates and checkboxes are content controls.</summary>
    Form,
}

/// <summary>Options for <see cref="DocxWriter.Write"/>.</summary>
public sealed record DocxOptions(DocxKind Kind)
{
    /// <summary>
    /// A .docx whose styles (and theme) replace the built-in ones, looked up by style name as
    /// pandoc's <c>--reference-doc</c> does. Styles it lacks come from the built-in set.
    /// </summary>
    public string? ReferenceDocxPath { get; init; }

    /// <summary>How many heading levels the contents page lists (long guides read better with 2).</summary>
    public int ContentsDepth { get; init; } = 3;
}
