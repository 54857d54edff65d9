using System.Buffers.Binary;
using System.Text;

namespace QcdpBuilder.Pdf.Fonts;

/// <summary>
/// A parsed TrueType (glyf-outline) font: character map, metrics, kerning and the raw tables needed to embed
/// a subset. Parsing is done once per face and the object is immutable afterwards, so it can be shared by
/// layout (measuring) and the writer (embedding) without copying.
/// </summary>
public sealed class TrueTypeFont
{
    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ushort> _cmap = new();
    private ushort[] _advances = [];
    private readonly Dictionary<uint, short> _kernPairs = new();
    private readonly List<PairPosSubtable> _gposPairs = new();
    // Filled lazily by GetKerning from any thread (writers run in parallel); reads take no lock.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<uint, short> _gposCache = new();
    private int[] _loca = [];
    // Shaping results by text (see TextShaper); the font is immutable, so they stay valid for its lifetime.
    internal readonly System.Collections.Concurrent.ConcurrentDictionary<string, TextShaper.Shaped> ShapeCache = new(StringComparer.Ordinal);
    internal readonly System.Collections.Concurrent.ConcurrentDictionary<string, TextShaper.Shaped> ShapeCacheNoKerning = new(StringComparer.Ordinal);
    internal long ShapeCacheMisses;

    /// <summary>Where the font came from (file path or a caller-supplied name); informational.</summary>
    public string Source { get; }
    public string PostScriptName { get; private set; } = "Font";
    public string FamilyName { get; private set; } = "";
    public int UnitsPerEm { get; private set; } = 1000;
    public short XMin { get; private set; }
    public short YMin { get; private set; }
    public short XMax { get; private set; }
    public short YMax { get; private set; }
    /// <summary>Typographic ascender in font units (OS/2 sTypoAscender, falling back to hhea).</summary>
    public short Ascender { get; private set; }
    /// <summary>Typographic descender in font units; negative.</summary>
    public short Descender { get; private set; }
    public short CapHeight { get; private set; }
    public double ItalicAngle { get; private set; }
    public bool IsBold { get; private set; }
    public bool IsFixedPitch { get; private set; }
    public int GlyphCount { get; private set; }
    /// <summary>True when the font carries any kerning (kern table or GPOS pair adjustment).</summary>
    public bool HasKerning => _kernPairs.Count > 0 || _gposPairs.Count > 0;
    internal ReadOnlySpan<byte> Data => _data;

    public TrueTypeFont(byte[] data, string source = "memory")
    {
        _data = data;
        Source = source;
        Parse();
    }

    /// <summary>Loads a .ttf file from disk.</summary>
    public static TrueTypeFont Load(string path) => new(File.ReadAllBytes(path), path);

    private ushort U16(int o) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(o));
    private short S16(int o) => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(o));
    private uint U32(int o) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(o));

    internal bool TryGetTable(string tag, out int offset, out int length)
    {
        if (_tables.TryGetValue(tag, out var t)) { offset = t.Offset; length = t.Length; return true; }
        offset = length = 0; return false;
    }

    internal ReadOnlySpan<byte> Table(string tag) =>
        _tables.TryGetValue(tag, out var t) ? _data.AsSpan(t.Offset, t.Length) : ReadOnlySpan<byte>.Empty;

    private void Parse()
    {
        uint version = U32(0);
        if (version != 0x00010000 && version != 0x74727565)
            throw new NotSupportedException($"{Source}: only TrueType outlines (.ttf) are supported.");
        int n = U16(4);
        for (int i = 0; i < n; i++)
        {
            int r = 12 + 16 * i;
            string tag = Encoding.ASCII.GetString(_data, r, 4);
            uint offset = U32(r + 8), length = U32(r + 12);
            // Every table is read as a slice of the file later (measuring, subsetting): one that does not fit is a damaged font.
            if ((ulong)offset + length > (ulong)_data.Length)
                throw new InvalidDataException($"{Source}: the '{tag}' table lies outside the file.");
            _tables[tag] = ((int)offset, (int)length);
        }
        if (!_tables.ContainsKey("glyf")) throw new NotSupportedException($"{Source}: font has no glyf table.");
        // The fields read from these tables (and rewritten in head when subsetting) must lie inside them, not in the next table.
        foreach (var (tag, least) in new[] { ("head", 54), ("maxp", 6), ("hhea", 36) })
            if (!_tables.TryGetValue(tag, out var t) || t.Length < least)
                throw new InvalidDataException($"{Source}: the '{tag}' table is missing or too short.");
        CheckTables();

        var head = _tables["head"].Offset;
        UnitsPerEm = U16(head + 18);
        XMin = S16(head + 36); YMin = S16(head + 38); XMax = S16(head + 40); YMax = S16(head + 42);
        IsBold = (U16(head + 44) & 1) != 0;
        int locFormat = S16(head + 50);

        GlyphCount = U16(_tables["maxp"].Offset + 4);

        var hhea = _tables["hhea"].Offset;
        Ascender = S16(hhea + 4); Descender = S16(hhea + 6);
        int numHMetrics = U16(hhea + 34);
        var hmtx = _tables["hmtx"].Offset;
        _advances = new ushort[GlyphCount];
        ushort last = 0;
        for (int g = 0; g < GlyphCount; g++)
        {
            if (g < numHMetrics) last = U16(hmtx + 4 * g);
            _advances[g] = last;
        }

        CapHeight = (short)(Ascender * 0.7);
        if (_tables.TryGetValue("OS/2", out var os2))
        {
            int o = os2.Offset;
            Ascender = S16(o + 68); Descender = S16(o + 70);
            if (U16(o) >= 2 && os2.Length >= 90) CapHeight = S16(o + 88);
            IsBold |= U16(o + 4) >= 600;
        }
        if (_tables.TryGetValue("post", out var post))
        {
            ItalicAngle = S16(post.Offset + 4) + U16(post.Offset + 6) / 65536.0;
            IsFixedPitch = U32(post.Offset + 12) != 0;
        }
        ParseName();
        ParseCmap();

        var loca = _tables["loca"].Offset;
        _loca = new int[GlyphCount + 1];
        for (int g = 0; g <= GlyphCount; g++)
            _loca[g] = locFormat == 0 ? U16(loca + 2 * g) * 2 : (int)U32(loca + 4 * g);

        CheckGlyphs();
        ParseKern();
        try { ParseGpos(); } catch (Exception) { _gposPairs.Clear(); } // a malformed GPOS must never stop text from rendering
    }

    // A font comes from an organisation's folder: a damaged one must be refused when it is loaded, with a reason,
    // not accepted and then drawn wrongly or crash the writer. These checks cover every table this class and the
    // subsetter read (head, hhea, maxp, hmtx, loca, glyf, cmap); kern and GPOS are read defensively as they are.

    private static InvalidDataException Damaged(string source, string what) => new($"{source}: {what}");

    private void CheckTables()
    {
        foreach (var (tag, (offset, length)) in _tables)
            if (offset < 0 || length < 0 || (long)offset + length > _data.Length)
                throw Damaged(Source, $"its '{tag}' table lies outside the file (it is cut short or damaged)");
        foreach (var (tag, min) in new[] { ("head", 54), ("hhea", 36), ("maxp", 6), ("hmtx", 4), ("loca", 4) })
            if (!_tables.TryGetValue(tag, out var t) || t.Length < min) throw Damaged(Source, $"its '{tag}' table is missing or too short");
        if (U32(_tables["head"].Offset + 12) != 0x5F0F3CF5) throw Damaged(Source, "its 'head' table has the wrong magic number");
        int upm = U16(_tables["head"].Offset + 18);
        if (upm is < 16 or > 16384) throw Damaged(Source, $"its units per em ({upm}) are outside 16–16384");
        if (S16(_tables["head"].Offset + 50) is not (0 or 1)) throw Damaged(Source, "its 'head' table names an unknown 'loca' format");
        int glyphs = U16(_tables["maxp"].Offset + 4), metrics = U16(_tables["hhea"].Offset + 34);
        if (glyphs == 0) throw Damaged(Source, "it has no glyphs");
        if (metrics == 0 || metrics > glyphs) throw Damaged(Source, $"its 'hhea' table gives {metrics} metrics for {glyphs} glyphs");
        if (_tables["hmtx"].Length < 4L * metrics + 2L * (glyphs - metrics)) throw Damaged(Source, "its 'hmtx' table is shorter than the glyph count needs");
        int locaEntry = S16(_tables["head"].Offset + 50) == 0 ? 2 : 4;
        if (_tables["loca"].Length < (long)(glyphs + 1) * locaEntry) throw Damaged(Source, "its 'loca' table is shorter than the glyph count needs");
    }

    /// <summary>Every glyph's outline lies inside 'glyf' in order, and its structure (contours, points, components) fits in its bytes.</summary>
    private void CheckGlyphs()
    {
        var (glyf, glyfLength) = _tables["glyf"];
        for (int g = 0; g < GlyphCount; g++)
        {
            int start = _loca[g], end = _loca[g + 1];
            if (start < 0 || end < start || end > glyfLength)
                throw Damaged(Source, $"glyph {g} lies outside the 'glyf' table ('loca' is damaged)");
            if (end == start) continue; // an empty glyph (the space)
            if (end - start < 10) throw Damaged(Source, $"glyph {g} is too short to hold an outline");
            if (!GlyphFits(glyf + start, end - start)) throw Damaged(Source, $"glyph {g}'s outline is damaged (its data runs past its end)");
        }
    }

    private bool GlyphFits(int o, int length)
    {
        int end = o + length;
        int contours = S16(o);
        if (contours >= 0)
        {
            int p = o + 10;
            if (p + 2 * contours + 2 > end) return false;
            int points = 0, previous = -1;
            for (int c = 0; c < contours; c++)
            {
                int last = U16(p + 2 * c);
                if (last <= previous && c > 0) return false;
                previous = last;
                points = last + 1;
            }
            p += 2 * contours;
            int instructions = U16(p);
            p += 2 + instructions;
            if (p > end) return false;
            // Flags (with repeats), then x and y coordinates whose sizes the flags give.
            int xBytes = 0, yBytes = 0;
            for (int i = 0; i < points;)
            {
                if (p >= end) return false;
                int flag = _data[p++], repeat = 1;
                if ((flag & 8) != 0) { if (p >= end) return false; repeat += _data[p++]; }
                int x = (flag & 2) != 0 ? 1 : (flag & 16) != 0 ? 0 : 2;
                int y = (flag & 4) != 0 ? 1 : (flag & 32) != 0 ? 0 : 2;
                xBytes += x * repeat; yBytes += y * repeat;
                i += repeat;
            }
            return p + xBytes + yBytes <= end;
        }
        if (contours != -1) return false;
        // A composite: component records until one without MORE_COMPONENTS (0x20).
        for (int p = o + 10; ;)
        {
            if (p + 4 > end) return false;
            int flags = U16(p), glyph = U16(p + 2);
            if (glyph >= GlyphCount) return false;
            p += 4 + ((flags & 1) != 0 ? 4 : 2);
            p += (flags & 8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0;
            if (p > end) return false;
            if ((flags & 0x20) == 0) return true;
        }
    }

    private void ParseName()
    {
        if (!_tables.TryGetValue("name", out var t)) return;
        int o = t.Offset, count = U16(o + 2), strings = o + U16(o + 4);
        for (int i = 0; i < count; i++)
        {
            int r = o + 6 + 12 * i;
            int platform = U16(r), nameId = U16(r + 6), len = U16(r + 8), off = U16(r + 10);
            if (nameId != 1 && nameId != 6) continue;
            string s = platform is 0 or 3
                ? Encoding.BigEndianUnicode.GetString(_data, strings + off, len)
                : Encoding.Latin1.GetString(_data, strings + off, len);
            if (nameId == 6 && (PostScriptName == "Font" || platform == 3)) PostScriptName = s;
            if (nameId == 1 && (FamilyName == "" || platform == 3)) FamilyName = s;
        }
        PostScriptName = new string(PostScriptName.Where(c => c > ' ' && c < 127 && "[](){}<>/%#".IndexOf(c) < 0).ToArray());
        if (PostScriptName.Length == 0) PostScriptName = "Font";
    }

    private void ParseCmap()
    {
        if (!_tables.TryGetValue("cmap", out var cm)) return; // subset fonts embedded in PDF carry no cmap
        int o = cm.Offset, n = U16(o + 2);
        int best = -1, bestScore = -1;
        for (int i = 0; i < n; i++)
        {
            int r = o + 4 + 8 * i;
            int pid = U16(r), eid = U16(r + 2), sub = o + (int)U32(r + 4), fmt = U16(sub);
            int score = (pid, eid, fmt) switch
            {
                (3, 10, 12) => 5, (0, _, 12) => 4, (3, 1, 4) => 3, (0, _, 4) => 2, _ => -1,
            };
            if (score > bestScore) { bestScore = score; best = sub; }
        }
        if (best < 0) return;
        if (U16(best) == 4)
        {
            int segX2 = U16(best + 6), ends = best + 14, starts = ends + segX2 + 2, deltas = starts + segX2, ranges = deltas + segX2;
            for (int s = 0; s < segX2 / 2; s++)
            {
                int end = U16(ends + 2 * s), start = U16(starts + 2 * s);
                short delta = S16(deltas + 2 * s);
                int ro = U16(ranges + 2 * s);
                if (start == 0xFFFF) continue;
                for (int c = start; c <= end; c++)
                {
                    int g;
                    if (ro == 0) g = (c + delta) & 0xFFFF;
                    else
                    {
                        int addr = ranges + 2 * s + ro + 2 * (c - start);
                        g = U16(addr);
                        if (g != 0) g = (g + delta) & 0xFFFF;
                    }
                    if (g != 0 && g < GlyphCount) _cmap[c] = (ushort)g;
                }
            }
        }
        else
        {
            int groups = (int)U32(best + 12);
            for (int i = 0; i < groups; i++)
            {
                int r = best + 16 + 12 * i;
                uint start = U32(r), end = U32(r + 4), g = U32(r + 8);
                for (uint c = start; c <= end && c - start < 0x10000; c++)
                    if (g + (c - start) < GlyphCount) _cmap[(int)c] = (ushort)(g + (c - start));
            }
        }
    }

    private void ParseKern()
    {
        if (!_tables.TryGetValue("kern", out var t)) return;
        int o = t.Offset;
        if (U16(o) != 0) return; // only the Microsoft version-0 layout
        int n = U16(o + 2), p = o + 4;
        for (int i = 0; i < n; i++)
        {
            int len = U16(p + 2), coverage = U16(p + 4);
            if ((coverage >> 8) == 0 && (coverage & 1) == 1)
            {
                int pairs = U16(p + 6);
                for (int k = 0; k < pairs; k++)
                {
                    int r = p + 14 + 6 * k;
                    _kernPairs[((uint)U16(r) << 16) | U16(r + 2)] = S16(r + 4);
                }
            }
            p += len;
        }
    }

    private sealed class PairPosSubtable
    {
        public int Format;
        public Dictionary<ushort, int> Coverage = new();
        public int ValueFormat1, ValueFormat2;
        // format 1
        public Dictionary<ushort, short>[] PairSets = [];
        // format 2
        public Func<ushort, int> Class1 = _ => 0, Class2 = _ => 0;
        public int Class2Count;
        public short[] ClassValues = [];
    }

    private void ParseGpos()
    {
        if (!_tables.TryGetValue("GPOS", out var t)) return;
        int o = t.Offset;
        int featureList = o + U16(o + 6), lookupList = o + U16(o + 8);
        var lookups = new SortedSet<int>();
        int fc = U16(featureList);
        for (int i = 0; i < fc; i++)
        {
            int r = featureList + 2 + 6 * i;
            if (Encoding.ASCII.GetString(_data, r, 4) != "kern") continue;
            int f = featureList + U16(r + 4), lc = U16(f + 2);
            for (int k = 0; k < lc; k++) lookups.Add(U16(f + 4 + 2 * k));
        }
        foreach (int li in lookups)
        {
            int lk = lookupList + U16(lookupList + 2 + 2 * li);
            int type = U16(lk), subCount = U16(lk + 4);
            for (int s = 0; s < subCount; s++)
            {
                int st = lk + U16(lk + 6 + 2 * s);
                int stType = type;
                if (type == 9) { stType = U16(st + 2); st += (int)U32(st + 4); }
                if (stType == 2) _gposPairs.Add(ReadPairPos(st));
            }
        }
    }

    private static int ValueSize(int vf) => System.Numerics.BitOperations.PopCount((uint)vf) * 2;

    private short XAdvance(int at, int vf)
    {
        // XPlacement(1), YPlacement(2), XAdvance(4): only XAdvance matters for horizontal kerning.
        if ((vf & 4) == 0) return 0;
        int skip = ((vf & 1) != 0 ? 2 : 0) + ((vf & 2) != 0 ? 2 : 0);
        return S16(at + skip);
    }

    private PairPosSubtable ReadPairPos(int st)
    {
        var p = new PairPosSubtable { Format = U16(st), ValueFormat1 = U16(st + 4), ValueFormat2 = U16(st + 6) };
        var cov = ReadCoverage(st + U16(st + 2));
        for (int i = 0; i < cov.Count; i++) p.Coverage[cov[i]] = i;
        int v1 = ValueSize(p.ValueFormat1), v2 = ValueSize(p.ValueFormat2);
        if (p.Format == 1)
        {
            int setCount = U16(st + 8);
            p.PairSets = new Dictionary<ushort, short>[setCount];
            for (int i = 0; i < setCount; i++)
            {
                int ps = st + U16(st + 10 + 2 * i), pc = U16(ps);
                var d = new Dictionary<ushort, short>();
                for (int k = 0; k < pc; k++)
                {
                    int r = ps + 2 + k * (2 + v1 + v2);
                    short adv = XAdvance(r + 2, p.ValueFormat1);
                    if (adv != 0) d[U16(r)] = adv;
                }
                p.PairSets[i] = d;
            }
        }
        else if (p.Format == 2)
        {
            p.Class1 = ReadClassDef(st + U16(st + 8));
            p.Class2 = ReadClassDef(st + U16(st + 10));
            int c1 = U16(st + 12), c2 = U16(st + 14);
            p.Class2Count = c2;
            p.ClassValues = new short[c1 * c2];
            int rec = st + 16;
            for (int i = 0; i < c1; i++)
                for (int k = 0; k < c2; k++)
                {
                    p.ClassValues[i * c2 + k] = XAdvance(rec, p.ValueFormat1);
                    rec += v1 + v2;
                }
        }
        return p;
    }

    private List<ushort> ReadCoverage(int c)
    {
        var list = new List<ushort>();
        int fmt = U16(c), n = U16(c + 2);
        if (fmt == 1) for (int i = 0; i < n; i++) list.Add(U16(c + 4 + 2 * i));
        else
            for (int i = 0; i < n; i++)
            {
                int r = c + 4 + 6 * i, s = U16(r), e = U16(r + 2);
                for (int g = s; g <= e; g++) list.Add((ushort)g);
            }
        return list;
    }

    private Func<ushort, int> ReadClassDef(int c)
    {
        var map = new Dictionary<ushort, int>();
        int fmt = U16(c);
        if (fmt == 1)
        {
            int start = U16(c + 2), n = U16(c + 4);
            for (int i = 0; i < n; i++) map[(ushort)(start + i)] = U16(c + 6 + 2 * i);
        }
        else if (fmt == 2)
        {
            int n = U16(c + 2);
            for (int i = 0; i < n; i++)
            {
                int r = c + 4 + 6 * i, s = U16(r), e = U16(r + 2), cls = U16(r + 4);
                for (int g = s; g <= e; g++) map[(ushort)g] = cls;
            }
        }
        return g => map.TryGetValue(g, out var v) ? v : 0;
    }

    /// <summary>Maps a Unicode code point to a glyph id; 0 (.notdef) when the font lacks it.</summary>
    public ushort GetGlyphId(int codePoint) => _cmap.TryGetValue(codePoint, out var g) ? g : (ushort)0;

    /// <summary>True when the font has a real glyph for the code point.</summary>
    public bool HasGlyph(int codePoint) => _cmap.ContainsKey(codePoint);

    /// <summary>Advance width of a glyph in font units.</summary>
    public int GetAdvance(ushort glyph) => glyph < _advances.Length ? _advances[glyph] : 0;

    /// <summary>
    /// Horizontal kerning between two glyphs in font units (negative tightens). GPOS pair adjustments are
    /// preferred over the legacy kern table, matching what modern shapers do.
    /// </summary>
    public int GetKerning(ushort left, ushort right)
    {
        uint key = ((uint)left << 16) | right;
        if (_gposPairs.Count > 0)
        {
            if (_gposCache.TryGetValue(key, out var cached)) return cached;
            short v = 0;
            foreach (var p in _gposPairs)
            {
                if (!p.Coverage.TryGetValue(left, out int ci)) continue;
                if (p.Format == 1)
                {
                    if (ci < p.PairSets.Length && p.PairSets[ci].TryGetValue(right, out var a)) { v = a; break; }
                }
                else if (p.Format == 2)
                {
                    int c1 = p.Class1(left), c2 = p.Class2(right);
                    int idx = c1 * p.Class2Count + c2;
                    if (idx < p.ClassValues.Length) { v = p.ClassValues[idx]; break; } // first subtable covering the glyph wins
                }
            }
            _gposCache[key] = v;
            return v;
        }
        return _kernPairs.TryGetValue(key, out var k) ? k : 0;
    }

    /// <summary>Byte range of a glyph's outline in the glyf table (relative to the table start).</summary>
    internal (int Start, int End) GlyphRange(ushort glyph) => (_loca[glyph], _loca[glyph + 1]);

    /// <summary>Scales a font-unit value to points at the given size.</summary>
    public double ToPoints(double fontUnits, double size) => fontUnits * size / UnitsPerEm;
}
