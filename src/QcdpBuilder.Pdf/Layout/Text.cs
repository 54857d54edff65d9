using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Tagging;

namespace QcdpBuilder.Pdf.Layout;

/// <summary>
/// A run of text with uniform formatting inside a <see cref="PdfParagraph"/>. Unset properties inherit from the
/// paragraph, so consumers only state what differs (e.g. <c>new TextRun("important") { Bold = true }</c>).
/// </summary>
public sealed record TextRun(string Text)
{
    public bool Bold { get; init; }
    public bool Italic { get; init; }
    public bool Underline { get; init; }
    public Color? Color { get; init; }
    public double? Size { get; init; }
    /// <summary>Makes the run a hyperlink (external URI or internal destination such as a heading id).</summary>
    public LinkTarget? Link { get; init; }

    public static implicit operator TextRun(string text) => new(text);
}

/// <summary>
/// A paragraph of inline runs, broken into lines on spaces, after hyphens and at '\n'; words longer than a line
/// are broken between characters. Splits across pages line by line with widow/orphan control.
/// </summary>
public class PdfParagraph : PdfBlock
{
    private readonly Dictionary<int, StructTag> _linkTags = new();
    private (double Width, List<Line> Lines)? _cache;

    public PdfParagraph() { SpaceAfter = 6; }
    public PdfParagraph(params TextRun[] runs) : this() { Runs.AddRange(runs); }
    public PdfParagraph(string text) : this(new TextRun(text)) { }

    public List<TextRun> Runs { get; } = new();
    /// <summary>Default font size in points for runs without their own size.</summary>
    public double FontSize { get; set; } = 11;
    /// <summary>Line height as a multiple of the largest font size on the line.</summary>
    public double LineHeight { get; set; } = 1.4;
    public Color Color { get; set; } = Color.Black;
    public bool Bold { get; set; }
    public bool Italic { get; set; }
    public TextAlign Align { get; set; } = TextAlign.Left;
    /// <summary>Minimum lines left at the bottom of a page (orphans) and carried to the next (widows).</summary>
    public int MinLinesOnPage { get; set; } = 2;
    /// <summary>The structure element; /P by default, /H1–/H3 for headings, /Caption etc. if the consumer wishes.</summary>
    public StructTag Tag { get; set; } = new(StructRoles.P);

    public PdfParagraph Add(TextRun run) { Runs.Add(run); return this; }

    /// <summary>Plain text of all runs (used for outline titles and link descriptions).</summary>
    public string PlainText => string.Concat(Runs.Select(r => r.Text));

    internal sealed record Segment(ShapedText Shaped, double X, TextRun Run, int RunIndex, Color Color);
    internal sealed class Line
    {
        public readonly List<Segment> Segments = new();
        public double Width, Height, Baseline;
    }

    /// <summary>First-fragment hook (headings add destinations and outline entries).</summary>
    protected virtual void OnFirstDraw(ICanvas canvas, double x, double y) { }

    public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage)
    {
        if (_cache is not { } c || Math.Abs(c.Width - width) > 0.001) _cache = c = (width, BreakLines(context.Fonts, width));
        return LayoutLines(c.Lines, 0, width, height, topOfPage, this);
    }

    private LayoutResult LayoutLines(List<Line> lines, int start, double width, double height, bool topOfPage, PdfBlock self)
    {
        int n = lines.Count - start;
        if (n <= 0) return LayoutResult.Complete(new LinesFragment(this, lines, start, 0, width, true));
        int k = 0; double h = 0;
        while (k < n && h + lines[start + k].Height <= height + 0.001) { h += lines[start + k].Height; k++; }
        if (k < n)
        {
            int min = Math.Max(1, MinLinesOnPage);
            if (n - k < min) k = Math.Max(0, n - min);   // widow: carry enough lines over
            if (k < min && k < n) k = 0;                  // orphan: don't strand a lone first line
            if (k == 0 && topOfPage) k = Math.Max(1, Math.Min(n, CountFitting(lines, start, height)));
            if (k == 0) return LayoutResult.Nothing(self);
        }
        var frag = new LinesFragment(this, lines, start, k, width, start == 0);
        if (k == n) return LayoutResult.Complete(frag);
        return new LayoutResult(frag, Continue(new ParagraphRest(this, lines, start + k, width)));
    }

    private static int CountFitting(List<Line> lines, int start, double height)
    {
        int k = 0; double h = 0;
        while (start + k < lines.Count && h + lines[start + k].Height <= height + 0.001) { h += lines[start + k].Height; k++; }
        return k;
    }

    /// <summary>Continuation of a paragraph split over pages; shares the already broken lines.</summary>
    private sealed class ParagraphRest : PdfBlock
    {
        private readonly PdfParagraph _p; private readonly List<Line> _lines; private readonly int _start; private readonly double _width;
        public ParagraphRest(PdfParagraph p, List<Line> lines, int start, double width) { _p = p; _lines = lines; _start = start; _width = width; }
        public override LayoutResult Layout(LayoutContext context, double width, double height, bool topOfPage) =>
            _p.LayoutLines(_lines, _start, width, height, topOfPage, this);
    }

    private sealed class LinesFragment : Fragment
    {
        private readonly PdfParagraph _p; private readonly List<Line> _lines; private readonly int _start, _count; private readonly double _width; private readonly bool _first;
        public LinesFragment(PdfParagraph p, List<Line> lines, int start, int count, double width, bool first)
        {
            _p = p; _lines = lines; _start = start; _count = count; _width = width; _first = first;
            Height = lines.Skip(start).Take(count).Sum(l => l.Height);
        }
        public override void Draw(ICanvas canvas, double x, double y)
        {
            canvas.BeginTag(_p.Tag);
            if (_first) _p.OnFirstDraw(canvas, x, y);
            double ly = y;
            for (int i = _start; i < _start + _count; i++)
            {
                var line = _lines[i];
                double dx = _p.Align switch
                {
                    TextAlign.Center => (_width - line.Width) / 2,
                    TextAlign.Right => _width - line.Width,
                    _ => 0,
                };
                foreach (var s in line.Segments)
                {
                    double sx = x + dx + s.X, baseline = ly + line.Baseline;
                    double visible = Math.Min(s.Shaped.Width, line.Width - s.X);
                    var link = s.Run.Link;
                    if (link != null)
                    {
                        if (!_p._linkTags.TryGetValue(s.RunIndex, out var lt)) _p._linkTags[s.RunIndex] = lt = new StructTag(StructRoles.Link);
                        canvas.BeginTag(lt);
                    }
                    canvas.DrawText(s.Shaped, sx, baseline, s.Color);
                    if (s.Run.Underline)
                    {
                        double t = Math.Max(0.5, s.Shaped.Size * 0.06);
                        canvas.DrawLine(sx, baseline + s.Shaped.Size * 0.14, sx + visible, baseline + s.Shaped.Size * 0.14, t, s.Color);
                    }
                    if (link != null)
                    {
                        var f = s.Shaped.Font;
                        double asc = f.ToPoints(f.Ascender, s.Shaped.Size), desc = f.ToPoints(-f.Descender, s.Shaped.Size);
                        canvas.AddLink(new Rect(sx, baseline - asc, visible, asc + desc), link, s.Run.Text.Trim());
                        canvas.EndTag();
                    }
                }
                ly += line.Height;
            }
            canvas.EndTag();
        }
    }

    // ---- line breaking ---------------------------------------------------------------------------------

    private sealed record Token(int Run, string Text, bool Space, bool NewLine);

    private IEnumerable<Token> Tokenize()
    {
        for (int r = 0; r < Runs.Count; r++)
        {
            var t = Runs[r].Text.Replace("\r\n", "\n");
            int i = 0;
            while (i < t.Length)
            {
                char ch = t[i];
                if (ch == '\n') { yield return new Token(r, "\n", false, true); i++; continue; }
                if (ch == ' ' || ch == '\t')
                {
                    int s = i; while (i < t.Length && (t[i] == ' ' || t[i] == '\t')) i++;
                    yield return new Token(r, t[s..i], true, false); continue;
                }
                int st = i;
                while (i < t.Length && t[i] != ' ' && t[i] != '\t' && t[i] != '\n')
                {
                    char cur = t[i++];
                    // Allow a break after a hyphen or dash when letters follow (e.g. "self-assessment").
                    if ((cur == '-' || cur == '\u2013' || cur == '\u2014' || cur == '/') && i < t.Length && char.IsLetterOrDigit(t[i]) && i - st > 1) break;
                }
                yield return new Token(r, t[st..i], false, false);
            }
        }
    }

    private (TrueTypeFont Font, double Size, Color Color) StyleOf(FontSet fonts, TextRun run) =>
        (fonts.Face(run.Bold || Bold, run.Italic || Italic), run.Size ?? FontSize, run.Color ?? Color);

    private List<Line> BreakLines(FontSet fonts, double width)
    {
        var lines = new List<Line>();
        var pieces = new List<(int Run, string Text, bool Space)>();
        double lineW = 0;
        bool atEnd = false;
        void Flush(bool force)
        {
            bool trimmed = false;
            while (pieces.Count > 0 && pieces[^1].Space) { pieces.RemoveAt(pieces.Count - 1); trimmed = true; }
            if (pieces.Count == 0 && !force) return;
            lines.Add(BuildLine(fonts, pieces, trimmed && !force && !atEnd));
            pieces.Clear(); lineW = 0;
        }
        double W(Token t) { var st = StyleOf(fonts, Runs[t.Run]); return TextShaper.Measure(st.Font, t.Text, st.Size); }
        foreach (var tok in Tokenize())
        {
            if (tok.NewLine) { Flush(true); continue; }
            if (tok.Space)
            {
                if (pieces.Count == 0) continue; // no leading spaces on a line
                pieces.Add((tok.Run, tok.Text, true)); lineW += W(tok); continue;
            }
            double w = W(tok);
            if (lineW + w <= width + 0.001 || (pieces.Count == 0 && w <= width + 0.001)) { pieces.Add((tok.Run, tok.Text, false)); lineW += w; continue; }
            if (pieces.Count > 0) Flush(false);
            if (w <= width + 0.001) { pieces.Add((tok.Run, tok.Text, false)); lineW = w; continue; }
            // Word longer than the line: break between characters.
            var st = StyleOf(fonts, Runs[tok.Run]);
            string rest = tok.Text;
            while (rest.Length > 0)
            {
                int take = 1;
                while (take < rest.Length && TextShaper.Measure(st.Font, rest[..(take + 1)], st.Size) <= width) take++;
                if (char.IsHighSurrogate(rest[take - 1]) && take < rest.Length) take++;
                var part = rest[..take];
                rest = rest[take..];
                pieces.Add((tok.Run, part, false));
                lineW = TextShaper.Measure(st.Font, part, st.Size);
                if (rest.Length > 0) Flush(false);
            }
        }
        atEnd = true;
        Flush(false);
        return lines;
    }

    private Line BuildLine(FontSet fonts, List<(int Run, string Text, bool Space)> pieces, bool wrappedAtSpace = false)
    {
        var line = new Line();
        double x = 0, maxSize = FontSize, asc = 0, desc = 0;
        TrueTypeFont? primary = null;
        // Merge consecutive pieces of the same run so kerning applies across them exactly as measured when drawn.
        int i = 0;
        while (i < pieces.Count)
        {
            int run = pieces[i].Run;
            var parts = new List<string>();
            while (i < pieces.Count && pieces[i].Run == run) parts.Add(pieces[i++].Text);
            var st = StyleOf(fonts, Runs[run]);
            var shaped = TextShaper.ShapeJoined(st.Font, parts, st.Size);
            line.Segments.Add(new Segment(shaped, x, Runs[run], run, st.Color));
            x += shaped.Width;
            if (primary == null || st.Size >= maxSize) { maxSize = Math.Max(maxSize, st.Size); primary = st.Font; }
            asc = Math.Max(asc, st.Font.ToPoints(st.Font.Ascender, st.Size));
            desc = Math.Max(desc, st.Font.ToPoints(-st.Font.Descender, st.Size));
        }
        if (primary == null)
        {
            var f = fonts.Face(Bold, Italic);
            asc = f.ToPoints(f.Ascender, FontSize); desc = f.ToPoints(-f.Descender, FontSize);
        }
        line.Width = x;
        if (wrappedAtSpace && line.Segments.Count > 0)
        {
            // Keep the space at a soft line break in the text stream (invisible, excluded from the width) so text
            // extraction and screen readers don't run the last word of one line into the first of the next.
            var last = line.Segments[^1];
            var withSpace = TextShaper.Append(last.Shaped, " ");
            line.Segments[^1] = last with { Shaped = withSpace };
        }
        line.Height = Math.Max(maxSize * LineHeight, asc + desc);
        line.Baseline = (line.Height - (asc + desc)) / 2 + asc;
        return line;
    }
}

/// <summary>
/// A heading (level 1–3). Tagged /H1–/H3, kept with the next block, and registered as a named destination
/// (<see cref="Id"/>) and an outline entry so contents pages can link to it and viewers show bookmarks.
/// </summary>
public sealed class PdfHeading : PdfParagraph
{
    private static readonly double[] DefaultSizes = [20, 15, 12.5];

    public PdfHeading(int level, string text, string? id = null) : base(new TextRun(text))
    {
        Level = Math.Clamp(level, 1, 3);
        Id = id;
        Bold = true;
        FontSize = DefaultSizes[Level - 1];
        LineHeight = 1.25;
        KeepWithNext = true;
        SpaceBefore = Level == 1 ? 14 : 10;
        SpaceAfter = Level == 1 ? 8 : 5;
        Tag = new StructTag(StructRoles.Heading(Level)) { Title = text };
    }

    public int Level { get; }
    /// <summary>Destination name for internal links; when null one is derived from the text ("h-" + slug).</summary>
    public string? Id { get; set; }
    /// <summary>Whether the heading appears in the PDF outline (bookmarks).</summary>
    public bool InOutline { get; set; } = true;

    /// <summary>The destination name used for this heading.</summary>
    public string DestinationName => Id ?? "h-" + Slug(PlainText);

    /// <summary>A URL/field-safe slug: lower case words joined by '-'.</summary>
    public static string SlugFor(string s) => Slug(s);

    internal static string Slug(string s) =>
        string.Join("-", new string(s.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    protected override void OnFirstDraw(ICanvas canvas, double x, double y)
    {
        canvas.AddDestination(DestinationName, y);
        if (InOutline) canvas.AddOutline(Level, PlainText, DestinationName);
    }
}
