using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace QcdpBuilder.Pdf.Writer;

/// <summary>
/// Low-level PDF file assembly: numbered indirect objects, streams, the classic cross-reference table and the
/// trailer. Objects may be filled in any order (ids are reserved first) and are written sorted by id, which
/// together with a content hash for /ID makes output byte-for-byte reproducible.
/// </summary>
public sealed class PdfObjectStore
{
    private readonly SortedDictionary<int, byte[]> _objects = new();
    private int _next = 1;

    /// <summary>Reserves an object number to be filled later (allows forward references).</summary>
    public int Reserve() => _next++;

    public void Set(int id, string body) => _objects[id] = Encoding.Latin1.GetBytes(body);

    public int Add(string body) { int id = Reserve(); Set(id, body); return id; }

    /// <summary>Writes a stream object; <paramref name="entries"/> are dictionary entries without /Length.</summary>
    public void SetStream(int id, string entries, byte[] data, bool compress)
    {
        if (compress) { data = Compress(data); entries = "/Filter /FlateDecode " + entries; }
        var head = Encoding.Latin1.GetBytes($"<< {entries} /Length {data.Length} >>\nstream\n");
        var tail = "\nendstream"u8;
        var all = new byte[head.Length + data.Length + tail.Length];
        head.CopyTo(all, 0); data.CopyTo(all, head.Length); tail.CopyTo(all.AsSpan(head.Length + data.Length));
        _objects[id] = all;
    }

    public int AddStream(string entries, byte[] data, bool compress) { int id = Reserve(); SetStream(id, entries, data, compress); return id; }

    /// <summary>Flate compression. ZLibStream output depends only on input and level, so it is deterministic.</summary>
    public static byte[] Compress(byte[] data)
    {
        var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }

    /// <summary>Writes the complete file: header, objects, xref table and trailer.</summary>
    public void WriteTo(Stream output, int rootId, int infoId)
    {
        var ms = new MemoryStream();
        ms.Write(Encoding.Latin1.GetBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        int size = _next;
        var offsets = new long[size];
        foreach (var (id, body) in _objects)
        {
            offsets[id] = ms.Position;
            ms.Write(Encoding.ASCII.GetBytes($"{id} 0 obj\n"));
            ms.Write(body);
            ms.Write("\nendobj\n"u8);
        }
        var hash = Convert.ToHexString(MD5.HashData(ms.ToArray()));
        long xref = ms.Position;
        var sb = new StringBuilder();
        sb.Append("xref\n0 ").Append(size).Append('\n');
        sb.Append("0000000000 65535 f\r\n");
        for (int i = 1; i < size; i++)
            sb.Append(_objects.ContainsKey(i) ? $"{offsets[i]:D10} 00000 n\r\n" : "0000000000 00000 f\r\n");
        sb.Append($"trailer\n<< /Size {size} /Root {rootId} 0 R /Info {infoId} 0 R /ID [<{hash}> <{hash}>] >>\nstartxref\n{xref}\n%%EOF\n");
        ms.Write(Encoding.ASCII.GetBytes(sb.ToString()));
        ms.Position = 0;
        ms.CopyTo(output);
    }
}

/// <summary>Serialisation helpers for PDF syntax (numbers, strings, names, dates).</summary>
public static class PdfSyntax
{
    /// <summary>Formats a number with at most 3 decimals, invariant culture, no exponent.</summary>
    public static string Num(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) v = 0;
        var s = Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>A text string: literal for plain ASCII, otherwise UTF-16BE hex with BOM (PDF "text string").</summary>
    public static string Text(string s)
    {
        if (s.All(c => c >= 0x20 && c < 0x7F))
            return "(" + s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")";
        return "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(s)) + ">";
    }

    /// <summary>A name object, escaping delimiters and non-regular characters with #xx.</summary>
    public static string Name(string s)
    {
        var sb = new StringBuilder("/");
        foreach (var b in Encoding.UTF8.GetBytes(s))
            sb.Append(b > 0x20 && b < 0x7F && "()<>[]{}/%#".IndexOf((char)b) < 0 ? ((char)b).ToString() : $"#{b:X2}");
        return sb.ToString();
    }

    /// <summary>PDF date: D:YYYYMMDDHHmmSS+HH'mm'.</summary>
    public static string Date(DateTimeOffset d)
    {
        var off = d.Offset;
        string sign = off < TimeSpan.Zero ? "-" : "+";
        off = off.Duration();
        return $"D:{d:yyyyMMddHHmmss}{sign}{off.Hours:D2}'{off.Minutes:D2}'";
    }
}
