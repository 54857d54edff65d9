using QcdpBuilder.Content;
using QcdpBuilder.Docx;
using QcdpBuilder.PdfOutput;
using QcdpBuilder.Pptx;

namespace QcdpBuilder.Pipeline;

/// <summary>
/// The checks on the files an organisation profile names, each kept with the writer that reads those files and
/// registered here with the loader, so every command rejects a broken font or reference file the same way.
/// </summary>
public static class ProfileFileChecks
{
    /// <summary>Reference decks (PPTX writer), reference documents (DOCX writer) and font faces (PDF writer).</summary>
    public static readonly IReadOnlyList<ProfileFileCheck> All =
    [
        new(["reference_deck"], path => PptxWriter.CheckReference(path).FirstOrDefault(p => p.IsError) is { Message: not null } e ? (e.Message, e.Hint) : null),
        new(["reference_document"], DocxWriter.CheckReference),
        new(ContentSchema.FontFiles.Keys, PdfWriter.CheckFont),
    ];
}
