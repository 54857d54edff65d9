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
                if (type == "pHYs" && len >= 9 && b[pos + 16] == 1)
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
                if (marker == 0xE0 && len >= 14 && b[pos + 4] == 'J' && b[pos + 5] == 'F' && b[pos + 11] == 1)
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

    static int BigEndian(byte[] b, int i) => (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
}
