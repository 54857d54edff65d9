using DocumentFormat.OpenXml.Packaging;

namespace QcdpBuilder.Pptx;

/// <summary>Pixel size and type of a PNG or JPEG, read from its header.</summary>
sealed record ImageInfo(string Path, int Width, int Height, ImagePartType PartType)
{
    public static ImageInfo Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Image '{path}' not found.", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > 24 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G')
            return new ImageInfo(path, BigEndian(bytes, 16), BigEndian(bytes, 20), ImagePartType.Png);
        if (bytes.Length > 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < bytes.Length)
            {
                if (bytes[i] != 0xFF) { i++; continue; }
                var marker = bytes[i + 1];
                if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7) { i += 2; continue; }
                var length = (bytes[i + 2] << 8) | bytes[i + 3];
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                    return new ImageInfo(path, (bytes[i + 7] << 8) | bytes[i + 8], (bytes[i + 5] << 8) | bytes[i + 6], ImagePartType.Jpeg);
                i += 2 + length;
            }
        }
        throw new NotSupportedException($"Image '{path}' is not a PNG or JPEG; slides take PNG or JPEG images.");
    }

    static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];

    /// <summary>The largest rectangle with this image's aspect ratio inside <paramref name="area"/>, centred.</summary>
    public Rect FitInto(Rect area)
    {
        if (Width <= 0 || Height <= 0) return area;
        var scale = Math.Min(area.Cx / (double)Width, area.Cy / (double)Height);
        var cx = (long)Math.Round(Width * scale);
        var cy = (long)Math.Round(Height * scale);
        return new Rect(area.X + (area.Cx - cx) / 2, area.Y + (area.Cy - cy) / 2, cx, cy);
    }
}
