using System.Xml.Linq;
using QcdpBuilder.Documents;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Pptx.PptxXml;

namespace QcdpBuilder.Pptx;

enum BulletKind { None, Bullet, Number }

/// <summary>One slide paragraph: the deck-level form of document blocks (level, bullet, runs).</summary>
sealed record TextPara(int Level, BulletKind Bullet, IReadOnlyList<Inline> Inlines)
{
    public int StartAt { get; init; } = 1;
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public bool Mono { get; init; }
    public double CharCount => Inlines.Sum(i => i is Run r ? r.Text.Length : 0);
}

/// <summary>Turns document blocks into slide paragraphs (nested lists become levels).</summary>
static class TextBlocks
{
    public const int MaxLevel = 8;

    public static List<TextPara> From(IEnumerable<Block> blocks)
    {
        var list = new List<TextPara>();
        foreach (var b in blocks) Add(list, b, 0);
        return list;
    }

    static void Add(List<TextPara> list, Block block, int level)
    {
        var lvl = Math.Min(level, MaxLevel);
        switch (block)
        {
            case Paragraph p: list.Add(new TextPara(lvl, BulletKind.None, p.Content)); break;
            case Heading h: list.Add(new TextPara(lvl, BulletKind.None, h.Content) { Bold = true }); break;
            case ListBlock l:
                foreach (var item in l.Items)
                {
                    var first = true;
                    foreach (var inner in item.Blocks)
                    {
                        if (first && inner is Paragraph ip)
                        {
                            IReadOnlyList<Inline> content = item.Checkbox is null ? ip.Content
                                : [new Run(item.Checkbox == true ? "\u2611 " : "\u2610 "), .. ip.Content];
                            list.Add(new TextPara(lvl, l.Ordered ? BulletKind.Number : BulletKind.Bullet, content) { StartAt = l.Start });
                        }
                        else if (inner is ListBlock nested) Add(list, nested, level + 1);
                        else Add(list, inner, level);
                        first = false;
                    }
                }
                break;
            case Quote q:
                foreach (var para in From(q.Blocks)) list.Add(para with { Level = Math.Min(para.Level + level, MaxLevel), Italic = true });
                break;
            case CodeBlock c:
                foreach (var line in c.Text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
                    list.Add(new TextPara(lvl, BulletKind.None, [new Run(line.Length == 0 ? " " : line, Code: true)]) { Mono = true });
                break;
            case Div d:
                if (!string.IsNullOrWhiteSpace(d.Title)) list.Add(new TextPara(lvl, BulletKind.None, Inlines.Plain(d.Title!)) { Bold = true });
                foreach (var inner in d.Blocks) Add(list, inner, level);
                break;
            case Table t:
                foreach (var row in t.Header.Concat(t.Body))
                    list.Add(new TextPara(lvl, BulletKind.None, Inlines.Plain(string.Join(" | ", row.Cells.Select(Inlines.PlainText)))));
                break;
            case Image i: list.Add(new TextPara(lvl, BulletKind.None, Inlines.Plain($"[Image: {i.Alt}]")) { Italic = true }); break;
            case WritingLines w: for (var k = 0; k < Math.Min(w.Count, 3); k++) Plain(list, lvl, new string('_', 40)); break;
            case FormField f: Plain(list, lvl, $"{f.Label}: ____________________"); break;
            case RatingScale s: Plain(list, lvl, $"{s.Label}: " + string.Join("  ", Enumerable.Range(s.Min, Math.Max(0, s.Max - s.Min + 1)))); break;
            case FillTable ft: Plain(list, lvl, string.Join(" | ", ft.Columns)); break;
            case SignatureLine sl: Plain(list, lvl, $"{sl.Party}: ____________________  Date: __________"); break;
            // Rule, PageBreak: nothing on a slide.
        }
    }

    static void Plain(List<TextPara> list, int level, string text) => list.Add(new TextPara(level, BulletKind.None, Inlines.Plain(text)));
}

/// <summary>The result of fitting text into a box: explicit sizes per level, or a font scale as a last resort.</summary>
sealed record TextFit(double[]? Sizes, int? FontScale)
{
    public static readonly TextFit Natural = new(null, null);

    /// <summary>The shape's <c>a:bodyPr</c>, with the autofit; <paramref name="wrap"/> for text boxes ("square").</summary>
    public XElement BodyPr(string? wrap = null) =>
        DA("bodyPr", At("wrap", wrap), FontScale is { } scale
            ? DA("normAutofit", At("fontScale", scale), At("lnSpcReduction", 10000))
            : DA("normAutofit"));
}

/// <summary>
/// Estimates how tall text will be (characters per line from the box width and font size)
/// and shrinks it to fit: first by explicit run sizes in 2pt steps down to a minimum, then
/// with a normAutofit font scale.
/// </summary>
static class TextFitter
{
    const double InsetsX = 14.4, InsetsY = 7.2;  // default bodyPr insets, in points
    public const double CharWidth = 0.47;                // average advance of running text as a fraction of the size (measured against LibreOffice with Atkinson Hyperlegible, plus a margin)
    const double MonoWidth = 0.6;
    const double LineHeight = 1.2;
    public const double MonoFactor = 0.85;

    public static double Height(IReadOnlyList<TextPara> paras, double widthPt, double[] sizes, double[] indentsPt)
    {
        var total = 0.0;
        for (var i = 0; i < paras.Count; i++)
        {
            var p = paras[i];
            var size = Size(sizes, p);
            var indent = p.Level == 0 && p.Bullet == BulletKind.None ? 0 : indentsPt[Math.Min(p.Level, indentsPt.Length - 1)];
            var width = Math.Max(size * 4, widthPt - InsetsX - indent);
            var perLine = Math.Max(1, Math.Floor(width / (size * (p.Mono ? MonoWidth : CharWidth))));
            var lines = 0.0;
            foreach (var segment in Segments(p))
                lines += Math.Max(1, Math.Ceiling(segment * 1.08 / perLine));
            total += lines * size * LineHeight + (i == 0 ? 0 : size * 0.4);
        }
        return total + InsetsY;
    }

    static IEnumerable<double> Segments(TextPara p)
    {
        var n = 0.0;
        foreach (var inline in p.Inlines)
        {
            if (inline is LineBreak) { yield return n; n = 0; }
            else if (inline is Run r) n += r.Text.Length;
        }
        yield return n;
    }

    public static double Size(double[] sizes, TextPara p) =>
        sizes[Math.Min(p.Level, sizes.Length - 1)] * (p.Mono ? MonoFactor : 1);

    public static TextFit Fit(IReadOnlyList<TextPara> paras, Rect box, double[] sizes, double[] indentsPt, double minPt)
    {
        if (paras.Count == 0) return TextFit.Natural;
        var available = box.HeightPt;
        if (Height(paras, box.WidthPt, sizes, indentsPt) <= available) return TextFit.Natural;
        var top = sizes[0];
        double[] Scaled(double target) => sizes.Select(s => Math.Min(s, Math.Max(minPt, Math.Round(s * target / top)))).ToArray();
        for (var target = top - 2; target >= minPt; target -= 2)
        {
            var candidate = Scaled(target);
            if (Height(paras, box.WidthPt, candidate, indentsPt) <= available) return new TextFit(candidate, null);
        }
        var smallest = Scaled(minPt);
        var ratio = available / Height(paras, box.WidthPt, smallest, indentsPt);
        var scale = (int)Math.Clamp(Math.Floor(ratio * 0.95 * 40) / 40 * 100000, 25000, 100000);
        return new TextFit(smallest, scale);
    }
}

/// <summary>Writes slide paragraphs as DrawingML <c>a:p</c> elements.</summary>
sealed class ParagraphWriter(PartRels rels)
{
    /// <summary>Set explicit bullet characters and indents (notes pages, placeholders whose layout turns bullets off).</summary>
    public bool ExplicitBullets { get; init; }
    /// <summary>Text colour for every run (table cells), as six hex digits.</summary>
    public string? Colour { get; init; }
    public string? Align { get; init; }
    public bool ForceBold { get; init; }
    /// <summary>Theme font for runs that are not code ("+mn-lt", "+mj-lt"): text boxes have no placeholder style to supply it.</summary>
    public string? Font { get; init; }

    public List<XElement> Write(IEnumerable<TextPara> paras, double[]? sizes, double[] baseSizes)
    {
        var list = new List<XElement>();
        foreach (var p in paras)
        {
            double? size = sizes is not null ? TextFitter.Size(sizes, p) : p.Mono ? TextFitter.Size(baseSizes, p) : null;
            var para = DA("p", ParagraphProperties(p));
            foreach (var inline in p.Inlines)
            {
                if (inline is LineBreak) para.Add(DA("br", RunProperties(null, p, size)));
                else if (inline is Run r && r.Text.Length > 0)
                    // A slide run is one line of its paragraph: line ends and tabs become spaces.
                    para.Add(DA("r", RunProperties(r, p, size), DA("t", OpcXml.Clean(r.Text.Replace('\n', ' ').Replace('\t', ' ')))));
            }
            para.Add(EndParaRPr(size));
            list.Add(para);
        }
        if (list.Count == 0) list.Add(DA("p", EndParaRPr(null)));
        return list;
    }

    static XElement EndParaRPr(double? size) =>
        DA("endParaRPr", At("lang", "en-GB"), At("sz", size is { } s ? new Points(s).Hundredths : null), At("dirty", 0));

    XElement? ParagraphProperties(TextPara p)
    {
        var algn = At("algn", Align);
        const long step = 285750;
        if (ExplicitBullets)
        {
            return p.Bullet switch
            {
                BulletKind.Bullet => DA("pPr", At("marL", step * (p.Level + 1)), At("indent", -step), algn,
                    DA("buFont", At("typeface", "Arial")), DA("buChar", At("char", p.Level % 2 == 0 ? "\u2022" : "\u2013"))),
                BulletKind.Number => DA("pPr", At("marL", step * (p.Level + 1)), At("indent", -step), algn,
                    DA("buFont", At("typeface", "+mj-lt")), AutoNumber(p)),
                _ => DA("pPr", At("marL", step * p.Level), At("indent", 0), algn, DA("buNone")),
            };
        }
        var lvl = At("lvl", p.Level > 0 ? p.Level : null);
        return p.Bullet switch
        {
            BulletKind.Bullet => lvl is null && algn is null ? null : DA("pPr", lvl, algn),
            BulletKind.Number => DA("pPr", lvl, algn, DA("buFont", At("typeface", "+mj-lt")), AutoNumber(p)),
            _ when p.Level == 0 => DA("pPr", At("marL", 0), At("indent", 0), algn, DA("buNone")),
            _ => DA("pPr", lvl, At("indent", 0), algn, DA("buNone")),
        };
    }

    // PowerPoint numbers lists up to 32767 (ST_TextBulletStartAtNum); a list said to start beyond that starts there.
    static XElement AutoNumber(TextPara p) =>
        DA("buAutoNum", At("type", "arabicPeriod"), At("startAt", p.StartAt > 1 ? Math.Min(p.StartAt, 32767) : null));

    XElement RunProperties(Run? r, TextPara p, double? size)
    {
        var mono = p.Mono || r?.Code == true;
        return DA("rPr", At("lang", "en-GB"), At("sz", size is { } s ? new Points(s).Hundredths : null),
            ForceBold || p.Bold || r?.Bold == true ? At("b", 1) : null,
            p.Italic || r?.Italic == true ? At("i", 1) : null,
            At("dirty", 0),
            Colour is null ? null : SolidFill(Colour),
            mono ? DA("latin", At("typeface", "Consolas")) : Font is null ? null : DA("latin", At("typeface", Font)),
            mono ? DA("cs", At("typeface", "Consolas")) : null,
            r?.Link is { } url && rels.Hyperlink(url) is { } id ? DA("hlinkClick", RAt("id", id)) : null);
    }
}
