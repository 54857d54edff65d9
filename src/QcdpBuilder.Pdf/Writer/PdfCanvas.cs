using System.Security.Cryptography;
using System.Text;
using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Forms;
using QcdpBuilder.Pdf.Images;
using QcdpBuilder.Pdf.Tagging;
using static QcdpBuilder.Pdf.Writer.PdfSyntax;

namespace QcdpBuilder.Pdf.Writer;

/// <summary>
/// The PDF implementation of <see cref="ICanvas"/>: turns drawing calls into content streams, embeds subset
/// fonts and images, builds the structure tree (tagged PDF), outline, named destinations, link annotations and
/// AcroForm fields, then writes a PDF 1.7 file with <see cref="Save"/>.
/// </summary>
public sealed class PdfCanvas : ICanvas
{
    private sealed class Page
    {
        public int Id;
        public PageSize Size;
        public readonly StringBuilder Content = new();
        public readonly List<int> Annots = new();
        public readonly List<StructElem> Mcids = new();
        public int StructParents = -1;
    }

    private sealed class StructElem
    {
        public int Id;
        public required StructTag Tag;
        public StructElem? Parent;
        public int PageIndex = -1;
        public readonly List<object> Kids = new(); // StructElem | (int Page, int Mcid) | Objr
    }

    private sealed record Objr(int AnnotId, int PageIndex);

    private sealed class FontUse
    {
        public required string Name;
        public int Id;
        public readonly SortedDictionary<ushort, string> Glyphs = new();
    }

    private readonly PdfObjectStore _store = new();
    private readonly DocumentInfo _info;
    private readonly List<Page> _pages = new();
    private readonly Dictionary<TrueTypeFont, FontUse> _fonts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PdfImage, (string Name, int Id)> _images = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StructTag, StructElem> _elems = new(); // StructTag: reference equality, cheap hash
    private readonly List<StructElem> _allElems = new();
    private readonly Stack<StructElem> _stack = new();
    private readonly StructElem _root;
    private readonly SortedDictionary<int, string> _parentTree = new();
    private readonly List<(int Level, string Title, string Dest)> _outlines = new();
    private readonly SortedDictionary<string, (int Page, double Y)> _dests = new(StringComparer.Ordinal);
    private readonly List<int> _fields = new();
    private readonly HashSet<string> _fieldNames = new(StringComparer.Ordinal);
    private readonly int _pagesId, _resourcesId;
    private int _helvId;
    private int _nextStructParent;
    private int _artifactDepth;
    private object? _openMc; // null, "artifact" or StructElem
    private (double Dx, double Dy, double S) _t = (0, 0, 1);
    private readonly Stack<(double, double, double)> _states = new();
    private bool _saved;

    public PdfCanvas(DocumentInfo info)
    {
        _info = info;
        _pagesId = _store.Reserve();
        _resourcesId = _store.Reserve();
        _root = new StructElem { Tag = new StructTag(StructRoles.Document) };
        _allElems.Add(_root);
    }

    public int PageCount => _pages.Count;
    private Page Cur => _pages.Count > 0 ? _pages[^1] : throw new InvalidOperationException("BeginPage first.");
    private double H => Cur.Size.Height;

    public void BeginPage(PageSize size)
    {
        _pages.Add(new Page { Id = _store.Reserve(), Size = size });
        _t = (0, 0, 1); _states.Clear(); _openMc = null;
    }

    public void EndPage()
    {
        var p = Cur;
        CloseMc();
        if (p.Mcids.Count > 0)
        {
            p.StructParents = _nextStructParent++;
            _parentTree[p.StructParents] = ""; // filled in by WriteStructTree, once the elements have object ids
        }
        var content = _store.AddStream("", Latin1(p.Content), compress: true);
        var sb = new StringBuilder($"<< /Type /Page /Parent {_pagesId} 0 R /MediaBox [0 0 {Num(p.Size.Width)} {Num(p.Size.Height)}] /Resources {_resourcesId} 0 R /Contents {content} 0 R");
        if (p.StructParents >= 0) sb.Append(" /StructParents ").Append(p.StructParents);
        if (p.Annots.Count > 0) sb.Append(" /Annots [").Append(string.Join(" ", p.Annots.Select(a => $"{a} 0 R"))).Append("] /Tabs /S");
        sb.Append(" >>");
        _store.Set(p.Id, sb.ToString());
    }

    /// <summary>A content stream's bytes, encoded straight from the builder's chunks (no intermediate string).</summary>
    private static byte[] Latin1(StringBuilder sb)
    {
        var bytes = new byte[sb.Length];
        var at = 0;
        foreach (var chunk in sb.GetChunks()) at += Encoding.Latin1.GetBytes(chunk.Span, bytes.AsSpan(at));
        return bytes;
    }

    // ---- marked content -------------------------------------------------------------------------------

    private StructElem CurrentElem => _stack.Count > 0 ? _stack.Peek() : _root;

    private void CloseMc()
    {
        if (_openMc != null) { Cur.Content.Append("EMC\n"); _openMc = null; }
    }

    private void OpenContentMc()
    {
        if (_artifactDepth > 0) { OpenArtifactMc(); return; }
        var e = CurrentElem;
        if (ReferenceEquals(_openMc, e)) return;
        CloseMc();
        var p = Cur;
        int mcid = p.Mcids.Count;
        p.Mcids.Add(e);
        if (e.PageIndex < 0) e.PageIndex = _pages.Count - 1;
        e.Kids.Add((_pages.Count - 1, mcid));
        p.Content.Append(Name(e.Tag.Role)).Append(" <</MCID ").Append(mcid).Append(">> BDC\n");
        _openMc = e;
    }

    private void OpenArtifactMc()
    {
        if (_openMc is string) return;
        CloseMc();
        Cur.Content.Append("/Artifact BMC\n");
        _openMc = "artifact";
    }

    // ---- drawing --------------------------------------------------------------------------------------

    private static string Rgb(Color c) => $"{Num(c.R)} {Num(c.G)} {Num(c.B)}";

    private const string Hex = "0123456789ABCDEF";

    public void DrawText(ShapedText text, double x, double baseline, Color color)
    {
        if (text.Glyphs.Length == 0) return;
        if (!_fonts.TryGetValue(text.Font, out var use))
            _fonts[text.Font] = use = new FontUse { Name = "F" + (_fonts.Count + 1), Id = _store.Reserve() };
        for (int i = 0; i < text.Glyphs.Length; i++) use.Glyphs.TryAdd(text.Glyphs[i], text.GlyphText[i]);
        OpenContentMc();
        var c = Cur.Content;
        c.Append(Rgb(color)).Append(" rg BT ").Append('/').Append(use.Name).Append(' ').Append(Num(text.Size))
         .Append(" Tf 1 0 0 1 ").Append(Num(x)).Append(' ').Append(Num(H - baseline)).Append(" Tm [<");
        for (int i = 0; i < text.Glyphs.Length; i++)
        {
            var g = text.Glyphs[i];
            c.Append(Hex[g >> 12]).Append(Hex[(g >> 8) & 0xF]).Append(Hex[(g >> 4) & 0xF]).Append(Hex[g & 0xF]);
            if (text.Kerning[i] != 0 && i + 1 < text.Glyphs.Length)
                c.Append("> ").Append(Num(-text.Kerning[i] * 1000.0 / text.Font.UnitsPerEm)).Append(" <");
        }
        c.Append(">] TJ ET\n");
    }

    public void DrawLine(double x1, double y1, double x2, double y2, double width, Color color, double dash = 0)
    {
        OpenArtifactMc();
        var c = Cur.Content;
        c.Append("q ").Append(Num(width)).Append(" w ").Append(Rgb(color)).Append(" RG ");
        if (dash > 0) c.Append('[').Append(Num(dash)).Append("] 0 d ");
        c.Append(Num(x1)).Append(' ').Append(Num(H - y1)).Append(" m ").Append(Num(x2)).Append(' ').Append(Num(H - y2)).Append(" l S Q\n");
    }

    private string PaintOp(Color? fill, Color? stroke, double strokeWidth, StringBuilder c)
    {
        if (fill is { } f) c.Append(Rgb(f)).Append(" rg ");
        bool doStroke = stroke is not null && strokeWidth > 0;
        if (doStroke) c.Append(Rgb(stroke!.Value)).Append(" RG ").Append(Num(strokeWidth)).Append(" w ");
        return fill is not null ? (doStroke ? "B" : "f") : doStroke ? "S" : "n";
    }

    public void DrawRect(Rect r, Color? fill, Color? stroke = null, double strokeWidth = 0)
    {
        OpenArtifactMc();
        var c = Cur.Content;
        c.Append("q ");
        var op = PaintOp(fill, stroke, strokeWidth, c);
        c.Append(Num(r.X)).Append(' ').Append(Num(H - r.Bottom)).Append(' ').Append(Num(r.Width)).Append(' ').Append(Num(r.Height)).Append(" re ").Append(op).Append(" Q\n");
    }

    public void DrawEllipse(Rect r, Color? fill, Color? stroke = null, double strokeWidth = 0)
    {
        OpenArtifactMc();
        var c = Cur.Content;
        c.Append("q ");
        var op = PaintOp(fill, stroke, strokeWidth, c);
        c.Append(EllipsePath(r.X + r.Width / 2, H - (r.Y + r.Height / 2), r.Width / 2, r.Height / 2)).Append(op).Append(" Q\n");
    }

    private static string EllipsePath(double cx, double cy, double rx, double ry)
    {
        const double k = 0.5523;
        double ox = rx * k, oy = ry * k;
        return $"{Num(cx - rx)} {Num(cy)} m " +
               $"{Num(cx - rx)} {Num(cy + oy)} {Num(cx - ox)} {Num(cy + ry)} {Num(cx)} {Num(cy + ry)} c " +
               $"{Num(cx + ox)} {Num(cy + ry)} {Num(cx + rx)} {Num(cy + oy)} {Num(cx + rx)} {Num(cy)} c " +
               $"{Num(cx + rx)} {Num(cy - oy)} {Num(cx + ox)} {Num(cy - ry)} {Num(cx)} {Num(cy - ry)} c " +
               $"{Num(cx - ox)} {Num(cy - ry)} {Num(cx - rx)} {Num(cy - oy)} {Num(cx - rx)} {Num(cy)} c h ";
    }

    public void DrawImage(PdfImage image, Rect r)
    {
        if (!_images.TryGetValue(image, out var im))
        {
            int id = _store.Reserve();
            string extra = "";
            if (image.AlphaData != null)
            {
                int smask = _store.AddStream($"/Type /XObject /Subtype /Image /Width {image.PixelWidth} /Height {image.PixelHeight} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", image.AlphaData, false);
                extra = $" /SMask {smask} 0 R";
            }
            if (image.InvertCmyk) extra += " /Decode [1 0 1 0 1 0 1 0]";
            if (image.DecodeParms != null) extra += " /DecodeParms " + image.DecodeParms;
            _store.SetStream(id, $"/Type /XObject /Subtype /Image /Width {image.PixelWidth} /Height {image.PixelHeight} /ColorSpace /{image.ColorSpace} /BitsPerComponent {image.BitsPerComponent} /Filter /{image.Filter}{extra}", image.Data, false);
            _images[image] = im = ("Im" + (_images.Count + 1), id);
        }
        OpenContentMc();
        Cur.Content.Append("q ").Append(Num(r.Width)).Append(" 0 0 ").Append(Num(r.Height)).Append(' ').Append(Num(r.X)).Append(' ')
            .Append(Num(H - r.Bottom)).Append(" cm /").Append(im.Name).Append(" Do Q\n");
    }

    // ---- annotations, destinations, outline ------------------------------------------------------------

    private string PdfRect(Rect r)
    {
        var m = new Rect(_t.Dx + _t.S * r.X, _t.Dy + _t.S * r.Y, _t.S * r.Width, _t.S * r.Height);
        return $"[{Num(m.X)} {Num(H - m.Bottom)} {Num(m.Right)} {Num(H - m.Y)}]";
    }

    private int AttachAnnotation(int annotId)
    {
        int sp = _nextStructParent++;
        var elem = CurrentElem;
        elem.Kids.Add(new Objr(annotId, _pages.Count - 1));
        if (elem.PageIndex < 0) elem.PageIndex = _pages.Count - 1;
        _parentTree[sp] = $"{0} 0 R"; // placeholder, resolved when element ids are known
        _pendingParents.Add((sp, elem));
        Cur.Annots.Add(annotId);
        return sp;
    }
    private readonly List<(int Key, StructElem Elem)> _pendingParents = new();

    public void AddLink(Rect rect, LinkTarget target, string description)
    {
        int id = _store.Reserve();
        int sp = AttachAnnotation(id);
        string action = target.Uri != null
            ? $"/A << /S /URI /URI {Text(target.Uri)} >>"
            : $"/A << /S /GoTo /D {Text(target.Destination ?? "")} >>";
        _store.Set(id, $"<< /Type /Annot /Subtype /Link /Rect {PdfRect(rect)} /Border [0 0 0] /F 4 {action} /Contents {Text(description)} /StructParent {sp} /P {Cur.Id} 0 R >>");
    }

    public void AddFormField(Rect rect, FormFieldSpec field)
    {
        int id = _store.Reserve();
        int sp = AttachAnnotation(id);
        string name = field.Name.Replace('.', '_');
        if (!_fieldNames.Add(name)) { int n = 2; while (!_fieldNames.Add($"{name}_{n}")) n++; name = $"{name}_{n}"; }
        _fields.Add(id);
        var m = new Rect(0, 0, rect.Width * _t.S, rect.Height * _t.S);
        string bbox = $"[0 0 {Num(m.Width)} {Num(m.Height)}]";
        string common = $"/Type /Annot /Subtype /Widget /Rect {PdfRect(rect)} /F 4 /P {Cur.Id} 0 R /T {Text(name)} /StructParent {sp}";
        if (field.Kind == FormFieldKind.Checkbox)
        {
            double w = m.Width, h = m.Height;
            var on = $"q 0 0 0 RG {Num(Math.Max(1, w / 10))} w 1 J 1 j {Num(w * 0.2)} {Num(h * 0.5)} m {Num(w * 0.42)} {Num(h * 0.25)} l {Num(w * 0.8)} {Num(h * 0.8)} l S Q";
            int onId = _store.AddStream($"/Type /XObject /Subtype /Form /BBox {bbox} /Resources << >>", Encoding.ASCII.GetBytes(on), false);
            int offId = _store.AddStream($"/Type /XObject /Subtype /Form /BBox {bbox} /Resources << >>", [], false);
            string state = field.Checked ? "/Yes" : "/Off";
            _store.Set(id, $"<< {common} /FT /Btn /TU {Text(field.Tooltip)} /V {state} /AS {state} /MK << /CA (4) >> /AP << /N << /Yes {onId} 0 R /Off {offId} 0 R >> /D << /Yes {onId} 0 R /Off {offId} 0 R >> >> >>");
            return;
        }
        int ap = _store.AddStream($"/Type /XObject /Subtype /Form /BBox {bbox} /Resources << >>", "/Tx BMC EMC"u8.ToArray(), false);
        int flags = field.Kind == FormFieldKind.MultilineText ? 4096 : 0;
        string tooltip = field.Kind == FormFieldKind.Date ? $"{field.Tooltip} (date, {field.DateFormat})" : field.Tooltip;
        string aa = "";
        if (field.Kind == FormFieldKind.Date)
        {
            string fmt = field.DateFormat.Replace("\"", "");
            aa = $" /AA << /F << /S /JavaScript /JS {Text($"AFDate_FormatEx(\"{fmt}\");")} >> /K << /S /JavaScript /JS {Text($"AFDate_KeystrokeEx(\"{fmt}\");")} >> >>";
        }
        EnsureHelvetica();
        _store.Set(id, $"<< {common} /FT /Tx /Ff {flags} /TU {Text(tooltip)} /V () /DA (/Helv {Num(field.FontSize)} Tf 0 g) /MK << >> /AP << /N {ap} 0 R >>{aa} >>");
    }

    private void EnsureHelvetica()
    {
        if (_helvId == 0) _helvId = _store.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    }

    public void AddDestination(string name, double y) => _dests.TryAdd(name, (_pages.Count - 1, _t.Dy + _t.S * y));

    public void AddOutline(int level, string title, string destination) => _outlines.Add((level, title, destination));

    // ---- structure and state ---------------------------------------------------------------------------

    public void BeginTag(StructTag tag)
    {
        if (!_elems.TryGetValue(tag, out var e))
        {
            e = new StructElem { Tag = tag, Parent = CurrentElem };
            CurrentElem.Kids.Add(e);
            _elems[tag] = e;
            _allElems.Add(e);
        }
        _stack.Push(e);
    }

    public void EndTag() { if (_stack.Count > 0) _stack.Pop(); }
    public void BeginArtifact() => _artifactDepth++;
    public void EndArtifact() => _artifactDepth = Math.Max(0, _artifactDepth - 1);

    public void SaveState() { CloseMc(); Cur.Content.Append("q\n"); _states.Push(_t); }
    public void RestoreState() { CloseMc(); Cur.Content.Append("Q\n"); if (_states.Count > 0) _t = _states.Pop(); }
    public void Clip(Rect r)
    {
        CloseMc();
        Cur.Content.Append(Num(r.X)).Append(' ').Append(Num(H - r.Bottom)).Append(' ').Append(Num(r.Width)).Append(' ').Append(Num(r.Height)).Append(" re W n\n");
    }
    public void Transform(double dx, double dy, double s)
    {
        CloseMc();
        Cur.Content.Append(Num(s)).Append(" 0 0 ").Append(Num(s)).Append(' ').Append(Num(dx)).Append(' ').Append(Num(H - dy - s * H)).Append(" cm\n");
        _t = (_t.Dx + _t.S * dx, _t.Dy + _t.S * dy, _t.S * s);
    }

    // ---- finishing -------------------------------------------------------------------------------------

    /// <summary>Writes the finished PDF. Call once, after the last <see cref="EndPage"/>.</summary>
    public void Save(Stream output) => output.Write(ToBytes());

    /// <summary>The finished PDF. Call once, after the last <see cref="EndPage"/>.</summary>
    public byte[] ToBytes()
    {
        if (_saved) throw new InvalidOperationException("Already saved.");
        _saved = true;
        WriteFonts();
        var res = new StringBuilder("<< /ProcSet [/PDF /Text /ImageB /ImageC]");
        if (_fonts.Count > 0) res.Append(" /Font << ").Append(string.Join(" ", _fonts.Values.Select(f => $"/{f.Name} {f.Id} 0 R"))).Append(" >>");
        if (_images.Count > 0) res.Append(" /XObject << ").Append(string.Join(" ", _images.Values.Select(i => $"/{i.Name} {i.Id} 0 R"))).Append(" >>");
        res.Append(" >>");
        _store.Set(_resourcesId, res.ToString());
        _store.Set(_pagesId, $"<< /Type /Pages /Kids [{string.Join(" ", _pages.Select(p => $"{p.Id} 0 R"))}] /Count {_pages.Count} >>");

        int structRoot = WriteStructTree();
        int outlines = WriteOutlines();
        int metadata = WriteXmp();
        int info = WriteInfo();

        var cat = new StringBuilder($"<< /Type /Catalog /Pages {_pagesId} 0 R /Lang {Text(_info.Language)} /MarkInfo << /Marked true >> /StructTreeRoot {structRoot} 0 R /Metadata {metadata} 0 R /ViewerPreferences << /DisplayDocTitle true >>");
        if (outlines > 0) cat.Append($" /Outlines {outlines} 0 R /PageMode /UseOutlines");
        if (_dests.Count > 0)
        {
            cat.Append(" /Names << /Dests << /Names [");
            foreach (var (name, d) in _dests.OrderBy(k => Encoding.UTF8.GetBytes(k.Key), ByteComparer.Instance))
                cat.Append(Text(name)).Append(' ').Append(Dest(d.Page, d.Y)).Append(' ');
            cat.Append("] >> >>");
        }
        if (_fields.Count > 0)
        {
            EnsureHelvetica();
            cat.Append($" /AcroForm << /Fields [{string.Join(" ", _fields.Select(f => $"{f} 0 R"))}] /NeedAppearances false /DA (/Helv 0 Tf 0 g) /DR << /Font << /Helv {_helvId} 0 R >> >> >>");
        }
        cat.Append(" >>");
        int catalog = _store.Add(cat.ToString());
        return _store.ToBytes(catalog, info);
    }

    private sealed class ByteComparer : IComparer<byte[]>
    {
        public static readonly ByteComparer Instance = new();
        public int Compare(byte[]? a, byte[]? b) => a!.AsSpan().SequenceCompareTo(b);
    }

    private string Dest(int page, double y) =>
        $"[{_pages[page].Id} 0 R /XYZ 0 {Num(_pages[page].Size.Height - y)} null]";

    private void WriteFonts()
    {
        foreach (var (font, use) in _fonts)
        {
            var glyphs = use.Glyphs.Keys.ToList();
            var tagSeed = SHA256.HashData(Encoding.UTF8.GetBytes(font.PostScriptName + ":" + string.Join(",", glyphs)));
            var tag = new string(tagSeed.Take(6).Select(b => (char)('A' + b % 26)).ToArray());
            string baseFont = tag + "+" + font.PostScriptName;
            var program = FontSubsetter.Subset(font, glyphs);
            int file = _store.AddStream($"/Length1 {program.Length}", program, true);
            double k = 1000.0 / font.UnitsPerEm;
            int flags = 32 + (font.ItalicAngle != 0 ? 64 : 0) + (font.IsFixedPitch ? 1 : 0);
            int descriptor = _store.Add($"<< /Type /FontDescriptor /FontName /{baseFont} /Flags {flags} /FontBBox [{Num(font.XMin * k)} {Num(font.YMin * k)} {Num(font.XMax * k)} {Num(font.YMax * k)}] /ItalicAngle {Num(font.ItalicAngle)} /Ascent {Num(font.Ascender * k)} /Descent {Num(font.Descender * k)} /CapHeight {Num(font.CapHeight * k)} /StemV {(font.IsBold ? 120 : 80)} /FontFile2 {file} 0 R >>");
            var w = new StringBuilder("[");
            foreach (var g in glyphs) w.Append(g).Append(" [").Append(Num(font.GetAdvance(g) * k)).Append("] ");
            w.Append(']');
            int cid = _store.Add($"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 /W {w} /CIDToGIDMap /Identity >>");
            int toUnicode = _store.AddStream("", Encoding.ASCII.GetBytes(ToUnicodeCMap(use.Glyphs)), true);
            _store.Set(use.Id, $"<< /Type /Font /Subtype /Type0 /BaseFont /{baseFont} /Encoding /Identity-H /DescendantFonts [{cid} 0 R] /ToUnicode {toUnicode} 0 R >>");
        }
    }

    private static string ToUnicodeCMap(SortedDictionary<ushort, string> glyphs)
    {
        var sb = new StringBuilder();
        sb.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        var entries = glyphs.ToList();
        for (int i = 0; i < entries.Count; i += 100)
        {
            var chunk = entries.Skip(i).Take(100).ToList();
            sb.Append(chunk.Count).Append(" beginbfchar\n");
            foreach (var (g, t) in chunk)
                sb.Append('<').Append(g.ToString("X4")).Append("> <").Append(Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(t))).Append(">\n");
            sb.Append("endbfchar\n");
        }
        sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return sb.ToString();
    }

    private int WriteStructTree()
    {
        int rootId = _store.Reserve();
        foreach (var e in _allElems) e.Id = _store.Reserve();
        foreach (var (key, elem) in _pendingParents) _parentTree[key] = $"{elem.Id} 0 R";
        // Page parent-tree arrays were written with ids unknown at EndPage time: rebuild them now.
        for (int p = 0; p < _pages.Count; p++)
            if (_pages[p].StructParents >= 0)
                _parentTree[_pages[p].StructParents] = "[" + string.Join(" ", _pages[p].Mcids.Select(e => $"{e.Id} 0 R")) + "]";
        foreach (var e in _allElems)
        {
            if (e.PageIndex < 0) e.PageIndex = e.Kids.OfType<StructElem>().Select(k => k.PageIndex).FirstOrDefault(i => i >= 0, -1);
            var sb = new StringBuilder($"<< /Type /StructElem /S {Name(e.Tag.Role)} /P {(e.Parent?.Id ?? rootId)} 0 R");
            if (e.PageIndex >= 0) sb.Append($" /Pg {_pages[e.PageIndex].Id} 0 R");
            if (e.Tag.Alt != null) sb.Append(" /Alt ").Append(Text(e.Tag.Alt));
            if (e.Tag.Title != null) sb.Append(" /T ").Append(Text(e.Tag.Title));
            if (e.Tag.Scope != null) sb.Append(" /A << /O /Table /Scope /").Append(e.Tag.Scope).Append(" >>");
            sb.Append(" /K [");
            foreach (var k in e.Kids)
            {
                switch (k)
                {
                    case StructElem c: sb.Append(c.Id).Append(" 0 R "); break;
                    case ValueTuple<int, int> m:
                        if (m.Item1 == e.PageIndex) sb.Append(m.Item2).Append(' ');
                        else sb.Append($"<< /Type /MCR /Pg {_pages[m.Item1].Id} 0 R /MCID {m.Item2} >> ");
                        break;
                    case Objr o: sb.Append($"<< /Type /OBJR /Pg {_pages[o.PageIndex].Id} 0 R /Obj {o.AnnotId} 0 R >> "); break;
                }
            }
            sb.Append("] >>");
            _store.Set(e.Id, sb.ToString());
        }
        var nums = string.Join(" ", _parentTree.Select(kv => $"{kv.Key} {kv.Value}"));
        int parentTree = _store.Add($"<< /Nums [{nums}] >>");
        _store.Set(rootId, $"<< /Type /StructTreeRoot /K [{_root.Id} 0 R] /ParentTree {parentTree} 0 R /ParentTreeNextKey {_nextStructParent} >>");
        return rootId;
    }

    private sealed class OutlineNode
    {
        public int Id, Level;
        public string Title = "", Dest = "";
        public OutlineNode? Parent;
        public readonly List<OutlineNode> Kids = new();
    }

    private int WriteOutlines()
    {
        if (_outlines.Count == 0) return 0;
        var root = new OutlineNode { Id = _store.Reserve(), Level = 0 };
        var stack = new Stack<OutlineNode>();
        stack.Push(root);
        foreach (var (level, title, dest) in _outlines)
        {
            while (stack.Peek().Level >= level) stack.Pop();
            var n = new OutlineNode { Id = _store.Reserve(), Level = level, Title = title, Dest = dest, Parent = stack.Peek() };
            stack.Peek().Kids.Add(n);
            stack.Push(n);
        }
        int Count(OutlineNode n) => n.Kids.Count + n.Kids.Sum(Count);
        void Write(OutlineNode n)
        {
            for (int i = 0; i < n.Kids.Count; i++)
            {
                var k = n.Kids[i];
                var sb = new StringBuilder($"<< /Title {Text(k.Title)} /Parent {n.Id} 0 R");
                if (i > 0) sb.Append($" /Prev {n.Kids[i - 1].Id} 0 R");
                if (i + 1 < n.Kids.Count) sb.Append($" /Next {n.Kids[i + 1].Id} 0 R");
                if (k.Kids.Count > 0) sb.Append($" /First {k.Kids[0].Id} 0 R /Last {k.Kids[^1].Id} 0 R /Count {(k.Level < 2 ? Count(k) : -Count(k))}");
                if (_dests.TryGetValue(k.Dest, out var d)) sb.Append(" /Dest ").Append(Dest(d.Page, d.Y));
                sb.Append(" >>");
                _store.Set(k.Id, sb.ToString());
                Write(k);
            }
        }
        Write(root);
        _store.Set(root.Id, $"<< /Type /Outlines /First {root.Kids[0].Id} 0 R /Last {root.Kids[^1].Id} 0 R /Count {Count(root)} >>");
        return root.Id;
    }

    private int WriteInfo()
    {
        var sb = new StringBuilder($"<< /Title {Text(_info.Title)}");
        if (_info.Author != null) sb.Append(" /Author ").Append(Text(_info.Author));
        if (_info.Subject != null) sb.Append(" /Subject ").Append(Text(_info.Subject));
        if (_info.Keywords != null) sb.Append(" /Keywords ").Append(Text(_info.Keywords));
        sb.Append($" /Creator {Text(_info.Creator)} /Producer {Text(_info.Producer)} /CreationDate ({Date(_info.Date)}) /ModDate ({Date(_info.Date)}) >>");
        return _store.Add(sb.ToString());
    }

    private int WriteXmp()
    {
        static string X(string s) => System.Security.SecurityElement.Escape(s) ?? "";
        string date = _info.Date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var xmp = $"""
<?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{X(_info.Title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{X(_info.Author ?? _info.Creator)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{X(_info.Subject ?? "")}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{X(_info.Language)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>{X(_info.Producer)}</pdf:Producer>
   <pdf:Keywords>{X(_info.Keywords ?? "")}</pdf:Keywords>
   <xmp:CreatorTool>{X(_info.Creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
""";
        return _store.AddStream("/Type /Metadata /Subtype /XML", Encoding.UTF8.GetBytes(xmp), false);
    }
}
