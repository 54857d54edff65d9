using QcdpBuilder.Pdf.Images;

namespace QcdpBuilder.Pdf.Tests;

public class ImageTests
{
    [Fact]
    public void Png_with_alpha_gets_soft_mask()
    {
        var img = PdfImage.FromBytes(Samples.MakePng(40, 24, alpha: true));
        Assert.Equal(40, img.PixelWidth);
        Assert.Equal(24, img.PixelHeight);
        Assert.Equal("DeviceRGB", img.ColorSpace);
        Assert.NotNull(img.AlphaData);
    }

    [Fact]
    public void Opaque_png_has_no_mask_and_decodes_filters()
    {
        var img = PdfImage.FromBytes(Samples.MakePng(10, 6, alpha: false));
        Assert.Null(img.AlphaData);
        using var z = new System.IO.Compression.ZLibStream(new MemoryStream(img.Data), System.IO.Compression.CompressionMode.Decompress);
        var ms = new MemoryStream(); z.CopyTo(ms);
        var px = ms.ToArray();
        Assert.Equal(10 * 6 * 3, px.Length);
        // Pixel (x=3, y=5): R = 30 + 3*4, G = 80 + 5*3, B = 160 (row 5 used the Paeth filter).
        int o = (5 * 10 + 3) * 3;
        Assert.Equal([42, 95, 160], px[o..(o + 3)]);
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
