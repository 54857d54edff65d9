namespace QcdpBuilder.Pptx;

/// <summary>Pixel size and type of a PNG or JPEG, read from its header.</summary>
sealed record ImageInfo(string Path, int Width, int Height, string Extension, string ContentType)
{
    public static ImageInfo Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Image '{path}' not found.", path);
        var header = Packaging.ImageInfo.Read(File.ReadAllBytes(path), path);
        return new ImageInfo(path, header.Width, header.Height, header.Extension, header.ContentType);
    }

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
