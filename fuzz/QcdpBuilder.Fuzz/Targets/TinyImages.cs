using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace QcdpBuilder.Fuzz;

/// <summary>
/// Small well-formed pictures of every PNG colour type and bit depth the decoder handles, and a JPEG
/// header, as fuzzing seeds: each reaches a different path of the readers from the first input.
/// </summary>
public static class TinyImages
{
    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        foreach (var (type, depth) in new[] { (0, 1), (0, 8), (0, 16), (2, 8), (2, 16), (3, 2), (3, 8), (4, 8), (6, 8), (6, 16) })
            yield return ($"tiny-type{type}-depth{depth}.png", Png(3, 2, type, depth, withTrns: type == 3));
        yield return ("tiny.jpg", Jpeg(3, 2));
    }

    /// <summary>A PNG of <paramref name="w"/> × <paramref name="h"/> pixels with a pHYs chunk, every row a different filter.</summary>
    public static byte[] Png(int w, int h, int type, int depth, bool withTrns = false)
    {
        int channels = type switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        int stride = (w * channels * depth + 7) / 8;
        var raw = new MemoryStream();
        for (var y = 0; y < h; y++)
        {
            raw.WriteByte((byte)(y % 5));
            for (var x = 0; x < stride; x++) raw.WriteByte((byte)(x * 37 + y * 11));
        }
        var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(zs);

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, w);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), h);
        ihdr[8] = (byte)depth; ihdr[9] = (byte)type;
        Chunk(png, "IHDR", ihdr);
        var phys = new byte[9];
        BinaryPrimitives.WriteInt32BigEndian(phys, 3780);
        BinaryPrimitives.WriteInt32BigEndian(phys.AsSpan(4), 3780);
        phys[8] = 1;
        Chunk(png, "pHYs", phys);
        if (type == 3) Chunk(png, "PLTE", [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255]);
        if (withTrns) Chunk(png, "tRNS", [255, 128]);
        Chunk(png, "IDAT", z.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32(typeAndData));
        s.Write(len);
    }

    /// <summary>The PNG chunk checksum (CRC-32, ISO 3309); the readers do not check it, other programs do.</summary>
    static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A JPEG's markers up to the frame header (SOI, APP0 JFIF at 72 dpi, SOF0, EOI): enough for every header reader.</summary>
    public static byte[] Jpeg(int w, int h) =>
    [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x01, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(h >> 8), (byte)h, (byte)(w >> 8), (byte)w, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xD9,
    ];
}
