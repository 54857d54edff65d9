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
    // A stream object is kept as its dictionary and its data, so the data is never copied before the file is assembled.
    private readonly SortedDictionary<int, (byte[] Body, byte[]? Stream)> _objects = new();
    private int _next = 1;

    /// <summary>Reserves an object number to be filled later (allows forward references).</summary>
    public int Reserve() => _next++;

    public void Set(int id, string body) => _objects[id] = (Encoding.Latin1.GetBytes(body), null);

    public int Add(string body) { int id = Reserve(); Set(id, body); return id; }

    /// <summary>Writes a stream object; <paramref name="entries"/> are dictionary entries without /Length.</summary>
    public void SetStream(int id, string entries, byte[] data, bool compress)
    {
        if (compress) { data = Compress(data); entries = "/Filter /FlateDecode " + entries; }
        _objects[id] = (Encoding.Latin1.GetBytes($"<< {entries} /Length {data.Length} >>\nstream\n"), data);
    }

    public int AddStream(string entries, byte[] data, bool compress) { int id = Reserve(); SetStream(id, entries, data, compress); return id; }

    /// <summary>Flate compression. ZLibStream output depends only on input and level, so it is deterministic.</summary>
    public static byte[] Compress(byte[] data)
    {
        // One output buffer per thread, reused: only the compressed bytes themselves are new.
        var ms = compressBuffer ??= new MemoryStream(1 << 16);
        ms.SetLength(0);
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        var result = ms.ToArray();
        if (ms.Capacity > 8 << 20) compressBuffer = null; // do not keep a huge one
        return result;
    }

    [ThreadStatic] static MemoryStream? compressBuffer;

    /// <summary>
    /// The complete file: header, objects, xref table and trailer. Its size is known before anything is copied,
    /// so the file is assembled in one array (a growing stream copied twice more was a fifth of a build's garbage).
    /// </summary>
    public byte[] ToBytes(int rootId, int infoId)
    {
        var header = Encoding.Latin1.GetBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        int size = _next;
        var offsets = new long[size];
        long length = header.Length;
        foreach (var (id, (body, stream)) in _objects)
        {
            offsets[id] = length;
            length += ObjHeaderLength(id) + body.Length + (stream is null ? 0 : stream.Length + EndStream.Length) + EndObj.Length;
        }
        long xref = length;
        var sb = new StringBuilder(size * 20 + 200);
        sb.Append("xref\n0 ").Append(size).Append('\n');
        sb.Append("0000000000 65535 f\r\n");
        for (int i = 1; i < size; i++)
            sb.Append(_objects.ContainsKey(i) ? offsets[i].ToString("D10", CultureInfo.InvariantCulture) + " 00000 n\r\n" : "0000000000 00000 f\r\n");
        string Trailer(string hash) => string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root {rootId} 0 R /Info {infoId} 0 R /ID [<{hash}> <{hash}>] >>\nstartxref\n{xref}\n%%EOF\n");
        var all = new byte[xref + sb.Length + Trailer(new string('0', 32)).Length];
        var at = 0;
        void Put(ReadOnlySpan<byte> bytes) { bytes.CopyTo(all.AsSpan(at)); at += bytes.Length; }
        Put(header);
        Span<byte> num = stackalloc byte[32];
        foreach (var (id, (body, stream)) in _objects)
        {
            id.TryFormat(num, out var n, default, CultureInfo.InvariantCulture);
            Put(num[..n]);
            Put(" 0 obj\n"u8);
            Put(body);
            if (stream is not null) { Put(stream); Put(EndStream); }
            Put(EndObj);
        }
        // /ID is a hash of everything before the cross-reference table: the same objects give the same file.
        var hash = Convert.ToHexString(MD5.HashData(all.AsSpan(0, at)));
        Put(Encoding.ASCII.GetBytes(sb.Append(Trailer(hash)).ToString()));
        if (at != all.Length) throw new InvalidOperationException("PDF size miscounted");
        return all;
    }

    static ReadOnlySpan<byte> EndObj => "\nendobj\n"u8;
    static ReadOnlySpan<byte> EndStream => "\nendstream"u8;

    /// <summary>The length of "<paramref name="id"/> 0 obj\n": the id's digits and seven more.</summary>
    static int ObjHeaderLength(int id)
    {
        var digits = 1;
        for (; id >= 10; id /= 10) digits++;
        return digits + " 0 obj\n".Length;
    }
}

/// <summary>Serialisation helpers for PDF syntax (numbers, strings, names, dates).</summary>
public static class PdfSyntax
{
    /// <summary>Formats a number with at most 3 decimals, invariant culture, no exponent.</summary>
    public static string Num(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) v = 0;
        // Content streams hold millions of numbers: format the common case (every coordinate on a page) from an
        // integer count of thousandths, which is what Math.Round(v, 3) computes, without a custom format string.
        if (Math.Abs(v) < 1e9)
        {
            var thousandths = (long)Math.Round(v * 1000.0);
            if (thousandths == 0) return "0";
            if (thousandths % 1000 == 0) return (thousandths / 1000).ToString(CultureInfo.InvariantCulture);
            Span<char> buffer = stackalloc char[24];
            var n = Math.Abs(thousandths);
            var at = buffer.Length;
            var fraction = (int)(n % 1000);
            var digits = 3;
            while (fraction % 10 == 0) { fraction /= 10; digits--; }
            for (var i = 0; i < digits; i++) { buffer[--at] = (char)('0' + fraction % 10); fraction /= 10; }
            buffer[--at] = '.';
            var whole = n / 1000;
            do { buffer[--at] = (char)('0' + whole % 10); whole /= 10; } while (whole > 0);
            if (thousandths < 0) buffer[--at] = '-';
            return new string(buffer[at..]);
        }
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
    public static string Name(string s) => s.Length <= 32 ? names.GetOrAdd(s, static n => NameOf(n)) : NameOf(s);

    // Structure roles and resource names come back for every marked run of text: escape each once.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> names = new(StringComparer.Ordinal);

    static string NameOf(string s)
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
