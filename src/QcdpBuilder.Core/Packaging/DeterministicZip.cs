using System.IO.Compression;

namespace QcdpBuilder.Packaging;

/// <summary>
/// Rewrites a ZIP-based package (PPTX, DOCX) so that the same content always gives the
/// same bytes: entries keep their order, every timestamp is fixed and compression is
/// the same. System.IO.Packaging stamps entries with the current time, which would
/// make every build differ.
/// </summary>
public static class DeterministicZip
{
    static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // [Content_Types].xml first, as Office writes it; then the rest in their original order.
            var entries = input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ToList();
            foreach (var entry in entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = Epoch;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
