using System.IO.Compression;

namespace QcdpBuilder.Packaging;

/// <summary>
/// Writes ZIP-based packages (PPTX, DOCX, XLSX) so that the same content always gives the
/// same bytes: entries in the order given, every timestamp fixed, the same compression.
/// </summary>
public static class DeterministicZip
{
    /// <summary>The fixed time stamp of every entry (the earliest a ZIP can hold).</summary>
    public static readonly DateTimeOffset Epoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Zips <paramref name="entries"/> in the order given, each compressed once, stamped with <see cref="Epoch"/>.
    /// Pictures (PNG, JPEG, GIF) are stored as they are: they are compressed already, and deflating them
    /// again costs more time than anything else in writing a deck for a few bytes saved.
    /// With <paramref name="stripByteOrderMarks"/>, a UTF-8 byte order mark at the start of an entry is dropped:
    /// Office does not need it and plain XML readers trip over it.
    /// </summary>
    public static byte[] Write(IEnumerable<(string Name, byte[] Bytes)> entries, bool stripByteOrderMarks = false)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = zip.CreateEntry(name, IsCompressed(name) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                entry.LastWriteTime = Epoch;
                using var to = entry.Open();
                var data = bytes.AsSpan();
                to.Write(stripByteOrderMarks && data.StartsWith("\uFEFF"u8) ? data[3..] : data);
            }
        }
        return output.ToArray();
    }

    static bool IsCompressed(string name) =>
        name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gif", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Rewrites a package written by another ZIP writer (System.IO.Packaging stamps entries with the
    /// current time): [Content_Types].xml first, as Office writes it, then the rest in their original order.
    /// </summary>
    public static byte[] Normalise(byte[] package, bool stripByteOrderMarks = false)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return Write(input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).Select(e =>
        {
            using var from = e.Open();
            var bytes = new MemoryStream();
            from.CopyTo(bytes);
            return (e.FullName, bytes.ToArray());
        }), stripByteOrderMarks);
    }
}
