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
    /// <summary>The fixed time stamp of every entry (the earliest a ZIP can hold).</summary>
    public static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="package">The package as written by System.IO.Packaging.</param>
    /// <param name="stripByteOrderMarks">
    /// Drop a UTF-8 byte order mark at the start of any part: System.IO.Packaging writes relationship parts
    /// and [Content_Types].xml with one; Office does not need it and plain XML readers trip over it.
    /// Done in the same pass, so the package is unzipped and zipped once.
    /// </param>
    public static byte[] Normalise(byte[] package, bool stripByteOrderMarks = false)
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
                if (!stripByteOrderMarks) { from.CopyTo(to); continue; }
                var bytes = new MemoryStream();
                from.CopyTo(bytes);
                var data = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
                to.Write(data.StartsWith("\uFEFF"u8) ? data[3..] : data);
            }
        }
        return output.ToArray();
    }
}
