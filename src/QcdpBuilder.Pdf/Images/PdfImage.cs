using System.Buffers.Binary;
using System.IO.Compression;

namespace QcdpBuilder.Pdf.Images;

/// <summary>
/// A raster image prepared for PDF embedding. PNGs are decoded (to undo the PNG row filters PDF viewers do not
/// understand without predictors) and re-compressed with Flate; alpha becomes a separate soft mask. JPEGs are
/// passed through unchanged with /DCTDecode, which is lossless and fast. Opaque 8-bit grey or RGB PNGs need no
/// decoding at all: their zlib data is embedded as it is, with PNG predictors in /DecodeParms (PDF 1.2+), which
/// is fast and keeps the PNG's own compression. Decoded images are cached per process by content
/// (<see cref="FromFile"/>), so a picture used on many slides and in many documents is read once.
/// </summary>
public sealed class PdfImage
{
    public int PixelWidth { get; }
    public int PixelHeight { get; }
    /// <summary>"DeviceRGB", "DeviceGray" or "DeviceCMYK".</summary>
    public string ColorSpace { get; }
    public int BitsPerComponent { get; } = 8;
    /// <summary>"FlateDecode" or "DCTDecode".</summary>
    public string Filter { get; }
    /// <summary>Encoded sample data (already compressed according to <see cref="Filter"/>).</summary>
    public byte[] Data { get; }
    /// <summary>Flate-compressed 8-bit alpha channel, or null when the image is opaque.</summary>
    public byte[]? AlphaData { get; }
    /// <summary>Whether CMYK JPEG data is stored inverted (Adobe APP14), needing a /Decode array.</summary>
    public bool InvertCmyk { get; }
    /// <summary>The /DecodeParms dictionary for <see cref="Data"/> (PNG predictors), or null when none is needed.</summary>
    public string? DecodeParms { get; }

    private PdfImage(int w, int h, string cs, string filter, byte[] data, byte[]? alpha, bool invert = false, string? decodeParms = null)
    {
        PixelWidth = w; PixelHeight = h; ColorSpace = cs; Filter = filter; Data = data; AlphaData = alpha; InvertCmyk = invert; DecodeParms = decodeParms;
    }

    // Content-addressed: the same bytes give the same (immutable) image, whatever the path, and an edited file
    // gets a new entry. Lazy makes concurrent writers decode each picture once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<PdfImage>> Cache = new(StringComparer.Ordinal);
    // (full path, size, last write) → content key, so an unchanged file is not read again.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, long, long), string> ByFile = new();
    private const int CacheLimit = 512;

    /// <summary>Natural size in points assuming 96 dpi (the usual screen-graphics convention).</summary>
    public (double Width, double Height) NaturalSize => (PixelWidth * 0.75, PixelHeight * 0.75);

    /// <summary>Reads and prepares an image file; the result is cached per process by the file's content.</summary>
    public static PdfImage FromFile(string path)
    {
        try
        {
            // Every page header shows the logo: skip reading and hashing a file whose size and time stamp are unchanged.
            var info = new FileInfo(path);
            var file = (info.FullName, info.Length, info.LastWriteTimeUtc.Ticks);
            if (ByFile.TryGetValue(file, out var known) && Cache.TryGetValue(known, out var seen)) return seen.Value;
            var bytes = File.ReadAllBytes(path);
            var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));
            if (bytes.Length == file.Length) ByFile[file] = key;
            if (Cache.TryGetValue(key, out var hit)) return hit.Value;
            if (Cache.Count > CacheLimit) { Cache.Clear(); ByFile.Clear(); } // a long watch session editing pictures must not grow without bound
            return Cache.GetOrAdd(key, _ => new Lazy<PdfImage>(() => FromBytes(bytes))).Value;
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidDataException or EndOfStreamException)
        {
            // A cut-off or damaged file fails deep in decoding; say which file, in words a user can act on.
            throw new InvalidDataException($"'{Path.GetFileName(path)}' is damaged or incomplete ({e.Message}); export it again.", e);
        }
    }

    /// <summary>Detects PNG or JPEG by signature.</summary>
    public static PdfImage FromBytes(byte[] bytes)
    {
        if (bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') return FromPng(bytes);
        if (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8) return FromJpeg(bytes);
        throw new NotSupportedException("Only PNG and JPEG images are supported.");
    }

    /// <summary>Builds an uncompressed RGB image from raw bytes (3 bytes per pixel); mainly for tests and generated graphics.</summary>
    public static PdfImage FromRgb(int width, int height, byte[] rgb) =>
        new(width, height, "DeviceRGB", "FlateDecode", Deflate(rgb), null);

    private static PdfImage FromJpeg(byte[] b)
    {
        int p = 2;
        bool adobe = false;
        while (p + 4 < b.Length)
        {
            if (b[p] != 0xFF) { p++; continue; }
            int marker = b[p + 1];
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { p += 2; continue; }
            int len = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(p + 2));
            if (marker == 0xEE) adobe = true;
            if (marker is >= 0xC0 and <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            {
                int h = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(p + 5));
                int w = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(p + 7));
                int comps = b[p + 9];
                string cs = comps switch { 1 => "DeviceGray", 4 => "DeviceCMYK", _ => "DeviceRGB" };
                return new PdfImage(w, h, cs, "DCTDecode", b, null, comps == 4 && adobe);
            }
            p += 2 + len;
        }
        throw new InvalidDataException("JPEG has no SOF marker.");
    }

    private static PdfImage FromPng(byte[] b)
    {
        int p = 8, w = 0, h = 0, depth = 8, type = 0, interlace = 0;
        byte[]? palette = null, trns = null;
        var idat = new MemoryStream();
        while (p + 8 <= b.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(p));
            string t = System.Text.Encoding.ASCII.GetString(b, p + 4, 4);
            var data = b.AsSpan(p + 8, len);
            switch (t)
            {
                case "IHDR":
                    w = BinaryPrimitives.ReadInt32BigEndian(data); h = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8]; type = data[9]; interlace = data[12]; break;
                case "PLTE": palette = data.ToArray(); break;
                case "tRNS": trns = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
            }
            if (t == "IEND") break;
            p += 12 + len;
        }
        if (interlace != 0) throw new NotSupportedException("Interlaced PNGs are not supported; re-save without interlacing.");
        // A header can claim any size; refuse before allocating what it claims (callers check sizes first; this is the last line).
        if (w <= 0 || h <= 0 || (long)w * h > 100_000_000 || depth is not (1 or 2 or 4 or 8 or 16))
            throw new InvalidDataException($"PNG header claims {(uint)w} × {(uint)h} pixels at {depth} bits");
        int channels = type switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException("Bad PNG colour type") };
        int bitsPerPixel = channels * depth;
        int stride = (w * bitsPerPixel + 7) / 8, bpp = Math.Max(1, bitsPerPixel / 8);
        if (w <= 0 || h <= 0) throw new InvalidDataException("PNG has no pixels");
        idat.Position = 0;
        if (depth == 8 && type is 0 or 2 && trns == null)
        {
            // Opaque 8-bit grey or RGB: PDF understands the PNG row filters itself (predictor 15), so the
            // compressed data goes in as it is. Inflating it once checks the file is complete and sound.
            CheckRows(idat, h, stride);
            var parms = $"<< /Predictor 15 /Colors {channels} /BitsPerComponent 8 /Columns {w} >>";
            return new PdfImage(w, h, type == 0 ? "DeviceGray" : "DeviceRGB", "FlateDecode", idat.ToArray(), null, decodeParms: parms);
        }
        var raw = new byte[h * stride];
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            var prev = new byte[stride];
            var line = new byte[stride + 1];
            for (int y = 0; y < h; y++)
            {
                z.ReadExactly(line);
                var cur = raw.AsSpan(y * stride, stride);
                line.AsSpan(1).CopyTo(cur);
                Unfilter(line[0], cur, prev, bpp);
                cur.CopyTo(prev);
            }
        }
        // Expand to 8-bit samples per channel.
        int Sample(int x, int y, int c)
        {
            int row = y * stride;
            if (depth == 8) return raw[row + x * channels + c];
            if (depth == 16) return raw[row + (x * channels + c) * 2];
            int bitIndex = x * depth, v = (raw[row + bitIndex / 8] >> (8 - depth - bitIndex % 8)) & ((1 << depth) - 1);
            return type == 3 ? v : v * 255 / ((1 << depth) - 1);
        }
        bool gray = type is 0 or 4;
        var color = new byte[w * h * (gray ? 1 : 3)];
        byte[]? alpha = type is 4 or 6 || trns != null ? new byte[w * h] : null;
        int o = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++, o++)
            {
                if (type == 3)
                {
                    int i = Sample(x, y, 0);
                    for (int c = 0; c < 3; c++) color[o * 3 + c] = palette != null && i * 3 + c < palette.Length ? palette[i * 3 + c] : (byte)0;
                    if (alpha != null) alpha[o] = trns != null && i < trns.Length ? trns[i] : (byte)255;
                }
                else if (gray)
                {
                    color[o] = (byte)Sample(x, y, 0);
                    if (alpha != null) alpha[o] = type == 4 ? (byte)Sample(x, y, 1) : (byte)255;
                }
                else
                {
                    for (int c = 0; c < 3; c++) color[o * 3 + c] = (byte)Sample(x, y, c);
                    if (alpha != null) alpha[o] = type == 6 ? (byte)Sample(x, y, 3) : (byte)255;
                }
            }
        if (alpha != null && alpha.All(a => a == 255)) alpha = null;
        return new PdfImage(w, h, gray ? "DeviceGray" : "DeviceRGB", "FlateDecode", Deflate(color), alpha == null ? null : Deflate(alpha));
    }

    /// <summary>Inflates the image data without keeping it: every row must be there with a valid filter byte.</summary>
    private static void CheckRows(MemoryStream idat, int h, int stride)
    {
        using var z = new ZLibStream(idat, CompressionMode.Decompress, leaveOpen: true);
        var line = new byte[stride + 1];
        for (int y = 0; y < h; y++)
        {
            z.ReadExactly(line);
            if (line[0] > 4) throw new InvalidDataException($"row {y} has an unknown filter ({line[0]})");
        }
        idat.Position = 0;
    }

    private static void Unfilter(byte filter, Span<byte> cur, byte[] prev, int bpp)
    {
        for (int i = 0; i < cur.Length; i++)
        {
            int a = i >= bpp ? cur[i - bpp] : 0, up = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
            cur[i] = filter switch
            {
                1 => (byte)(cur[i] + a),
                2 => (byte)(cur[i] + up),
                3 => (byte)(cur[i] + ((a + up) >> 1)),
                4 => (byte)(cur[i] + Paeth(a, up, c)),
                _ => cur[i],
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    internal static byte[] Deflate(byte[] data)
    {
        var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }
}
