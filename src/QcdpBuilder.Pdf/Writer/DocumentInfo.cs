namespace QcdpBuilder.Pdf.Writer;

/// <summary>
/// PdfDocument metadata written to the Info dictionary and the XMP stream. <see cref="Date"/> is supplied by the
/// caller (never the clock) so that the same input always yields the same bytes.
/// </summary>
public sealed record DocumentInfo
{
    public required string Title { get; init; }
    public string? Author { get; init; }
    public string? Subject { get; init; }
    public string? Keywords { get; init; }
    public string Creator { get; init; } = "QcdpBuilder";
    public string Producer { get; init; } = "QcdpBuilder.Pdf";
    /// <summary>Natural language of the document (catalog /Lang and dc:language).</summary>
    public string Language { get; init; } = "en-GB";
    /// <summary>Creation and modification date.</summary>
    public required DateTimeOffset Date { get; init; }
}
