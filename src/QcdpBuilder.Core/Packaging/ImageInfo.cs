namespace QcdpBuilder.Packaging;

/// <summary>Pixel size, resolution and type of a PNG or JPEG, read from its header (shared by the DOCX and PPTX writers).</summary>
public sealed record ImageInfo(int Width, int Height, double DpiX, double DpiY, string Extension, string ContentType)
{
    /// <summary>The natural size at the image's own resolution (96 dpi if it states none).</summary>
    public (Emu Width, Emu Height) NaturalSize =>
        (new Emu((long)(Width / DpiX * Emu.PerInch)), new Emu((long)(Height / DpiY * Emu.PerInch)));

    public static ImageInfo Read(byte[] b, string pathForErrors)
    {
        if (b.Length > 24 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
        {
            int w = BigEndian(b, 16), h = BigEndian(b, 20);
            double dpiX = 96, dpiY = 96;
            // Walk the chunks for pHYs (pixels per metre).
            for (var pos = 8; pos + 12 <= b.Length;)
            {
                var len = BigEndian(b, pos);
                var type = System.Text.Encoding.ASCII.GetString(b, pos + 4, 4);
                if (type == "pHYs" && len >= 9 && pos + 17 <= b.Length && b[pos + 16] == 1)
                {
                    var px = BigEndian(b, pos + 8);
                    var py = BigEndian(b, pos + 12);
                    if (px > 0 && py > 0) { dpiX = px * 0.0254; dpiY = py * 0.0254; }
                }
                if (type is "IDAT" or "IEND" || len < 0) break;
                pos += 12 + len;
            }
            return new ImageInfo(w, h, dpiX, dpiY, "png", "image/png");
        }
        if (b.Length > 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            double dpiX = 96, dpiY = 96;
            for (var pos = 2; pos + 9 < b.Length;)
            {
                if (b[pos] != 0xFF) { pos++; continue; }
                var marker = b[pos + 1];
                if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { pos += 2; continue; }
                var len = (b[pos + 2] << 8) | b[pos + 3];
                if (marker == 0xE0 && len >= 14 && pos + 16 <= b.Length && b[pos + 4] == 'J' && b[pos + 5] == 'F' && b[pos + 11] == 1)
                {
                    var dx = (b[pos + 12] << 8) | b[pos + 13];
                    var dy = (b[pos + 14] << 8) | b[pos + 15];
                    if (dx > 0 && dy > 0) { dpiX = dx; dpiY = dy; }
                }
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    var h = (b[pos + 5] << 8) | b[pos + 6];
                    var w = (b[pos + 7] << 8) | b[pos + 8];
                    return new ImageInfo(w, h, dpiX, dpiY, "jpeg", "image/jpeg");
                }
                pos += 2 + len;
            }
        }
        throw new InvalidDataException($"'{pathForErrors}' is not a PNG or JPEG image; Word documents need one of those (export SVG diagrams to PNG).");
    }

    /// <summary>The largest picture accepted: 10,000 pixels a side and 40 megapixels (a 4K photo is 8 megapixels).</summary>
    public const int MaxSide = 10_000;
    public const long MaxPixels = 40_000_000;

    /// <summary>
    /// What is wrong with the picture at <paramref name="path"/> (message to follow its name, and a hint),
    /// or null if it is a complete PNG or JPEG of a sensible size. Reads only the file's structure,
    /// not its pixels, so checking every picture of the programme stays cheap.
    /// </summary>
    public static (string Message, string Hint)? Problem(string path)
    {
        if (Files.RegularFile.Problem(path) is { } notRegular) return (notRegular, "link or copy the picture file itself");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ($"cannot be read ({e.Message})", "check the file's permissions"); }
        ImageInfo info;
        try { info = Read(bytes, path); }
        catch (InvalidDataException) { return ("is not a readable PNG or JPEG file", "export the picture again as PNG"); }
        if (info.Width <= 0 || info.Height <= 0 || info.Width > MaxSide || info.Height > MaxSide || (long)info.Width * info.Height > MaxPixels)
            return (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"is {(uint)info.Width} × {(uint)info.Height} pixels; pictures may be at most {MaxSide:N0} pixels a side and {MaxPixels / 1_000_000} megapixels"),
                "scale the picture down; 2,000 pixels across is plenty for a slide or a page");
        if (info.Extension == "png" && PngFormatProblem(bytes) is { } format) return format;
        if (!Complete(bytes, info.Extension)) return ("is damaged or incomplete (the file ends too early)", "export the picture again");
        return null;
    }

    /// <summary>
    /// A PNG the PDF writer cannot draw (interlaced, or an impossible bit depth or colour type), found here so the
    /// error names the picture where it is used instead of failing later as "could not write" the whole file.
    /// </summary>
    static (string Message, string Hint)? PngFormatProblem(byte[] b)
    {
        // IHDR is the first chunk: width, height, then bit depth, colour type, compression, filter, interlace.
        if (b.Length < 29) return null;
        int depth = b[24], colourType = b[25], interlace = b[28];
        if (interlace != 0) return ("is an interlaced (Adam7) PNG, which the PDF writer cannot draw", "save the picture again without interlacing (in most editors: untick 'interlaced' or 'progressive')");
        var valid = colourType switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            2 or 4 or 6 => depth is 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            _ => false,
        };
        return valid ? null : ($"has an invalid PNG colour type {colourType} at {depth} bits per sample", "export the picture again as an ordinary PNG");
    }

    /// <summary>
    /// Whether a JPEG reaches its end marker; whether a PNG is whole: every chunk fits in the file, it reaches IEND,
    /// and its pixel data is all there (<see cref="PngDataComplete"/>), so a picture that passes can be drawn.
    /// </summary>
    static bool Complete(byte[] b, string extension)
    {
        if (extension == "jpeg") return b.AsSpan(2).LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0;
        var idat = new MemoryStream();
        var headers = 0;
        for (long pos = 8; pos + 12 <= b.Length;)
        {
            var len = (uint)BigEndian(b, (int)pos);
            var type = System.Text.Encoding.ASCII.GetString(b, (int)pos + 4, 4);
            if (pos + 12 + len > b.Length) return false;
            // The decoders take the header from the IHDR chunk and the size from the file's first chunk: they must be the same one.
            if (type == "IHDR" && (pos != 8 || len != 13 || ++headers > 1)) return false;
            if (type == "IDAT") idat.Write(b, (int)pos + 8, (int)len);
            if (type == "IEND") return headers == 1 && PngDataComplete(b, idat);
            pos += 12 + len;
        }
        return false;
    }

    /// <summary>
    /// Whether the PNG's compressed pixel data inflates to every row its header promises, each starting with one of
    /// the five row filters. A known colour type and bit depth without interlacing is required, since only then do
    /// we know a row's length; the PDF writer decodes exactly these (the Office writers copy the file as it is).
    /// </summary>
    static bool PngDataComplete(byte[] b, MemoryStream idat)
    {
        int w = BigEndian(b, 16), h = BigEndian(b, 20), depth = b[24], colourType = b[25], interlace = b[28];
        int channels = colourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        var depthOk = colourType switch { 0 => depth is 1 or 2 or 4 or 8 or 16, 3 => depth is 1 or 2 or 4 or 8, _ => depth is 8 or 16 };
        if (channels == 0 || !depthOk || interlace != 0 || w <= 0 || h <= 0) return false;
        var row = new byte[((long)w * channels * depth + 7) / 8 + 1];
        idat.Position = 0;
        try
        {
            using var z = new System.IO.Compression.ZLibStream(idat, System.IO.Compression.CompressionMode.Decompress);
            for (var y = 0; y < h; y++)
            {
                z.ReadExactly(row);
                if (row[0] > 4) return false;
            }
            return true;
        }
        // Bad deflate data fails as InvalidDataException or ZLibException (an IOException), missing rows as EndOfStreamException (one too).
        catch (Exception e) when (e is InvalidDataException or IOException) { return false; }
    }

    static int BigEndian(byte[] b, int i) => (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
}
