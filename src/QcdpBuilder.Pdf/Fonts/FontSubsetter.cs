using System.Buffers.Binary;
using System.Text;

namespace QcdpBuilder.Pdf.Fonts;

/// <summary>
/// Produces a subset of a TrueType font that keeps glyph ids unchanged but empties the outlines of unused
/// glyphs. Keeping ids means the PDF can use CIDToGIDMap /Identity and no renumbering bugs are possible;
/// the emptied glyphs cost only a few bytes each in the long-format loca table.
/// </summary>
public static class FontSubsetter
{
    private static readonly string[] KeptTables = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"];

    /// <summary>Returns the subset font program. Glyph 0 and components of composite glyphs are always kept.</summary>
    public static byte[] Subset(TrueTypeFont font, IEnumerable<ushort> usedGlyphs)
    {
        var keep = new SortedSet<ushort>(usedGlyphs.Where(g => g < font.GlyphCount)) { 0 };
        var glyf = font.Table("glyf");
        // Close over composite components (they may themselves be composite).
        var queue = new Queue<ushort>(keep);
        while (queue.Count > 0)
        {
            var g = queue.Dequeue();
            foreach (var c in Components(glyf, font.GlyphRange(g)))
                if (c < font.GlyphCount && keep.Add(c)) queue.Enqueue(c);
        }

        var newGlyf = new MemoryStream();
        var newLoca = new byte[(font.GlyphCount + 1) * 4];
        for (int g = 0; g < font.GlyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(g * 4), (uint)newGlyf.Length);
            if (!keep.Contains((ushort)g)) continue;
            var (s, e) = font.GlyphRange((ushort)g);
            if (e > s && e <= glyf.Length) newGlyf.Write(glyf[s..e]);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(font.GlyphCount * 4), (uint)newGlyf.Length);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in KeptTables)
        {
            if (tag == "glyf") tables[tag] = newGlyf.ToArray();
            else if (tag == "loca") tables[tag] = newLoca;
            else if (font.TryGetTable(tag, out _, out _)) tables[tag] = font.Table(tag).ToArray();
        }
        var head = tables["head"];
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);   // checksumAdjustment recomputed below
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);   // long loca offsets
        return Assemble(tables);
    }

    private static IEnumerable<ushort> Components(ReadOnlySpan<byte> glyf, (int Start, int End) range)
    {
        var result = new List<ushort>();
        var (s, e) = range;
        if (e - s < 10 || e > glyf.Length) return result;
        if (BinaryPrimitives.ReadInt16BigEndian(glyf[s..]) >= 0) return result;
        int p = s + 10;
        while (p + 4 <= e)
        {
            ushort flags = BinaryPrimitives.ReadUInt16BigEndian(glyf[p..]);
            result.Add(BinaryPrimitives.ReadUInt16BigEndian(glyf[(p + 2)..]));
            p += 4 + ((flags & 1) != 0 ? 4 : 2);
            if ((flags & 8) != 0) p += 2; else if ((flags & 0x40) != 0) p += 4; else if ((flags & 0x80) != 0) p += 8;
            if ((flags & 0x20) == 0) break;
        }
        return result;
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        int n = tables.Count;
        int entrySelector = (int)Math.Floor(Math.Log2(n));
        int searchRange = (1 << entrySelector) * 16;
        var ms = new MemoryStream();
        var hdr = new byte[12 + 16 * n];
        BinaryPrimitives.WriteUInt32BigEndian(hdr, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(hdr.AsSpan(4), (ushort)n);
        BinaryPrimitives.WriteUInt16BigEndian(hdr.AsSpan(6), (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(hdr.AsSpan(8), (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(hdr.AsSpan(10), (ushort)(n * 16 - searchRange));
        int offset = hdr.Length, i = 0, headOffset = 0;
        foreach (var (tag, bytes) in tables)
        {
            int r = 12 + 16 * i++;
            Encoding.ASCII.GetBytes(tag, hdr.AsSpan(r));
            BinaryPrimitives.WriteUInt32BigEndian(hdr.AsSpan(r + 4), Checksum(bytes));
            BinaryPrimitives.WriteUInt32BigEndian(hdr.AsSpan(r + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(hdr.AsSpan(r + 12), (uint)bytes.Length);
            if (tag == "head") headOffset = offset;
            offset += (bytes.Length + 3) & ~3;
        }
        ms.Write(hdr);
        foreach (var bytes in tables.Values)
        {
            ms.Write(bytes);
            while (ms.Length % 4 != 0) ms.WriteByte(0);
        }
        var result = ms.ToArray();
        uint adj = 0xB1B0AFBA - Checksum(result);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(headOffset + 8), adj);
        return result;
    }

    private static uint Checksum(byte[] b)
    {
        uint sum = 0;
        for (int i = 0; i < b.Length; i += 4)
        {
            uint v = 0;
            for (int k = 0; k < 4; k++) v = (v << 8) | (i + k < b.Length ? b[i + k] : 0u);
            sum += v;
        }
        return sum;
    }
}
