using System.IO.Compression;

namespace QcdpBuilder.Fuzz;

/// <summary>
/// Structure-aware inputs for ZIP packages (.pptx, .docx, .xlsx). Mutating a ZIP's bytes mostly breaks
/// its compression, so the readers behind it would rarely be reached: instead the first byte of an input
/// picks one part of a sample package and the rest of the input replaces that part. A first byte of
/// 0xF0 or more means the rest is a whole file, which is how crash inputs are kept (<see cref="Whole"/>).
/// </summary>
public static class Zip
{
    public const byte WholeFile = 0xF0;

    public static byte[] Splice(byte[] sample, byte[] input)
    {
        if (input.Length == 0) return sample;
        if (input[0] >= WholeFile) return input[1..];
        using var source = new ZipArchive(new MemoryStream(sample), ZipArchiveMode.Read);
        var entries = Entries(source);
        var chosen = entries[input[0] % entries.Count].FullName;
        var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
            {
                var entry = target.CreateEntry(e.FullName, CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var to = entry.Open();
                if (e.FullName == chosen) to.Write(input, 1, input.Length - 1);
                else { using var from = e.Open(); from.CopyTo(to); }
            }
        return output.ToArray();
    }

    /// <summary>The input as a whole file (first byte <see cref="WholeFile"/>): it replays the same whatever the sample becomes.</summary>
    public static byte[] Whole(byte[] sample, byte[] input) => input.Length > 0 && input[0] >= WholeFile ? input : [WholeFile, .. Splice(sample, input)];

    /// <summary>One seed per part of the sample (its own bytes, so mutation starts from valid XML), and the whole sample.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Seeds(byte[] sample)
    {
        using var source = new ZipArchive(new MemoryStream(sample), ZipArchiveMode.Read);
        var entries = Entries(source);
        var seeds = new List<(string, byte[])> { ("whole", [WholeFile, .. sample]) };
        for (var i = 0; i < entries.Count && i < WholeFile; i++)
        {
            using var s = entries[i].Open();
            var ms = new MemoryStream();
            ms.WriteByte((byte)i);
            s.CopyTo(ms);
            seeds.Add(($"part-{i:D2}-{entries[i].Name}", ms.ToArray()));
        }
        return seeds;
    }

    static List<ZipArchiveEntry> Entries(ZipArchive zip) =>
        zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
}
