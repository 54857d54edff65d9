namespace QcdpBuilder.Documents;

/// <summary>
/// The one document model every writer reads (as pandoc's AST). Markdown is parsed
/// into it exactly once; DOCX, PPTX and PDF writers never see Markdown.
/// </summary>
public sealed record Document(string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>Optional subtitle shown on covers and title slides.</summary>
    public string? Subtitle { get; init; }
    /// <summary>Key/value metadata from front matter (already template-rendered).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();
}

/// <summary>A block-level element.</summary>
public abstract record Block;

/// <summary>A heading, level 1–6. <see cref="Id"/> is a stable slug used for links and bookmarks.</summary>
public sealed record Heading(int Level, IReadOnlyList<Inline> Content, string Id) : Block
{
    public string Text => Inlines.PlainText(Content);
    /// <summary>1-based line in the Markdown it came from (0 when made in code), for validation messages.</summary>
    public int Line { get; init; }
}

/// <summary>A paragraph of inline runs.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Content) : Block;

/// <summary>A bullet or numbered list. Items may hold nested lists.</summary>
public sealed record ListBlock(bool Ordered, int Start, IReadOnlyList<ListItem> Items) : Block;

/// <summary>A list item. <see cref="Checkbox"/> is non-null for task-list items (<c>- [ ] …</c>), which are fill-in checkboxes.</summary>
public sealed record ListItem(IReadOnlyList<Block> Blocks, bool? Checkbox = null);

/// <summary>Column alignment in a table.</summary>
public enum Align { Left, Centre, Right }

/// <summary>A table: header row(s) then body rows. Cells hold inline content.</summary>
public sealed record Table(IReadOnlyList<TableRow> Header, IReadOnlyList<TableRow> Body, IReadOnlyList<Align> Alignments) : Block
{
    public int ColumnCount => Alignments.Count;
}

/// <summary>One table row.</summary>
public sealed record TableRow(IReadOnlyList<IReadOnlyList<Inline>> Cells);

/// <summary>A block quote.</summary>
public sealed record Quote(IReadOnlyList<Block> Blocks) : Block;

/// <summary>Preformatted text.</summary>
public sealed record CodeBlock(string Text) : Block;

/// <summary>An image standing alone. <see cref="Path"/> is absolute; <see cref="Alt"/> is required by validation and never derived from the path.</summary>
public sealed record Image(string Path, string Alt) : Block;

/// <summary>A horizontal rule (a thematic break).</summary>
public sealed record Rule : Block
{
    /// <summary>1-based line in the Markdown it came from (0 when made in code); a rule starts a new slide.</summary>
    public int Line { get; init; }
}

/// <summary>Forces a new page in paged writers.</summary>
public sealed record PageBreak : Block;

/// <summary>
/// A fenced div (<c>::: class</c>): speaker notes, columns, callouts, activity cards.
/// Writers treat unknown classes as plain containers.
/// </summary>
public sealed record Div(string Class, IReadOnlyList<Block> Blocks) : Block
{
    /// <summary>Optional title (from <c>::: callout Title text</c>).</summary>
    public string? Title { get; init; }
}

// ---- Fill-in elements (handouts, forms, the applicant contract) ----

/// <summary><c>[lines: N]</c>: ruled writing space.</summary>
public sealed record WritingLines(int Count) : Block;

/// <summary>The kind of a single fill-in field.</summary>
public enum FieldKind { Text, Date }

/// <summary><c>[field: Label]</c> or <c>[date: Label]</c>. <see cref="Id"/> is unique within its document.</summary>
public sealed record FormField(FieldKind Kind, string Label, string Id) : Block;

/// <summary><c>[scale: Label]</c>: a rating scale from Min to Max.</summary>
public sealed record RatingScale(string Label, int Min, int Max, string Id) : Block;

/// <summary><c>[table: A | B; rows: N]</c>: a table with headings and empty rows to complete.</summary>
public sealed record FillTable(IReadOnlyList<string> Columns, int Rows, string Id) : Block;

/// <summary><c>[signature: Party]</c>: a signature line and a date line.</summary>
public sealed record SignatureLine(string Party, string Id) : Block;
