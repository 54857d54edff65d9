using QcdpBuilder.Pdf.Images;

namespace QcdpBuilder.Pdf.Tests;

public class ImageTests
{
    [Fact]
    public void Png_with_alpha_gets_soft_mask_and_decodes_filters()
    {
        var img = PdfImage.FromBytes(Samples.MakePng(40, 24, alpha: true));
        Assert.Equal(40, img.PixelWidth);
        Assert.Equal(24, img.PixelHeight);
        Assert.Equal("DeviceRGB", img.ColorSpace);
        Assert.NotNull(img.AlphaData);
        Assert.Null(img.DecodeParms);
        var px = Inflate(img.Data);
        Assert.Equal(40 * 24 * 3, px.Length);
        // Pixel (x=3, y=5): R = 30 + 3*4, G = 80 + 5*3, B = 160 (row 5 used the Paeth filter).
        int o = (5 * 40 + 3) * 3;
        Assert.Equal([42, 95, 160], px[o..(o + 3)]);
        Assert.Equal(0, Inflate(img.AlphaData!)[0]);
    }

    [Fact]
    public void Opaque_png_keeps_its_compressed_rows_with_png_predictors()
    {
        var img = PdfImage.FromBytes(Samples.MakePng(10, 6, alpha: false));
        Assert.Null(img.AlphaData);
        Assert.Equal("<< /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 10 >>", img.DecodeParms);
        // The rows are still PNG-filtered: one filter byte (Sub or Paeth here) and 30 bytes each.
        var rows = Inflate(img.Data);
        Assert.Equal(6 * (1 + 10 * 3), rows.Length);
        Assert.Equal([1, 4, 1, 4, 1, 4], Enumerable.Range(0, 6).Select(y => (int)rows[y * 31]));
    }

    [Fact]
    public void Png_cut_short_is_refused()
    {
        var png = Samples.MakePng(10, 6, alpha: false);
        Assert.ThrowsAny<Exception>(() => PdfImage.FromBytes(png[..(png.Length - 20)]));
    }

    static byte[] Inflate(byte[] data)
    {
        using var z = new System.IO.Compression.ZLibStream(new MemoryStream(data), System.IO.Compression.CompressionMode.Decompress);
        var ms = new MemoryStream(); z.CopyTo(ms);
        return ms.ToArray();
    }

    [Fact]
    public void Jpeg_dimensions_come_from_sof()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9];
        var img = PdfImage.FromBytes(jpeg);
        Assert.Equal((32, 16), (img.PixelWidth, img.PixelHeight));
        Assert.Equal("DCTDecode", img.Filter);
        Assert.Equal("DeviceRGB", img.ColorSpace);
    }
}
