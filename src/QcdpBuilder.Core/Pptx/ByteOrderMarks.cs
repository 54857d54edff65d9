using System.IO.Compression;

namespace QcdpBuilder.Pptx;

/// <summary>
/// System.IO.Packaging writes relationship parts and [Content_Types].xml with a UTF-8 byte
/// order mark; Office does not need it and plain XML readers trip over it, so drop it.
/// </summary>
static class ByteOrderMarks
{
    public static byte[] Strip(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var bytes = new MemoryStream();
                using (var from = entry.Open()) from.CopyTo(bytes);
                var data = bytes.ToArray();
                var skip = data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
                using var to = zip.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                to.Write(data, skip, data.Length - skip);
            }
        }
        return output.ToArray();
    }
}
