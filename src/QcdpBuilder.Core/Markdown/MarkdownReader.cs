using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;
using MdTable = Markdig.Extensions.Tables.Table;
using Block = QcdpBuilder.Documents.Block;
using Inline = QcdpBuilder.Documents.Inline;
using SourceSpan = QcdpBuilder.Diagnostics.SourceSpan;
using MdTableRow = Markdig.Extensions.Tables.TableRow;

namespace QcdpBuilder.Markdown;

/// <summary>
/// Turns Markdown into the <see cref="Document"/> model, once, for every writer. Raw HTML
/// is never passed through: it becomes literal text that writers escape. Images must be
/// files inside the repository with alt text. Fill-in elements (<c>[lines: 5]</c> …) become
/// their own blocks.
/// </summary>
public sealed partial class MarkdownReader(string repoRoot, DiagnosticBag diagnostics)
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseCustomContainers()
        .UseYamlFrontMatter()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <summary>The cohort's delivery mode: <c>::: {.virtual}</c> and <c>::: {.in-person}</c> passages are kept or dropped by it.</summary>
    public string Delivery { get; init; } = DeliveryModes.InPerson;
    /// <summary>Maps a picture's path to the file to read (an organisation's overlay may replace a picture).</summary>
    public Func<string, string> Resolve { get; init; } = path => path;
    /// <summary>Symbolic links followed so far in this build (pictures are checked to be inside the repository).</summary>
    public ResolvedPaths Paths { get; init; } = new();

    string file = "";
    string baseDir = "";
    /// <summary>Lines (0-based, inclusive) of the source that came from another file, and that file (see <see cref="Parse(string, string, IReadOnlyList{ValueTuple{string, string}})"/>).</summary>
    readonly List<Region> regions = [];
    readonly record struct Region(int FirstLine, int LastLine, string File, string BaseDir);
    string source = "";
    readonly Dictionary<string, int> ids = [];
    readonly List<(string Anchor, SourceSpan At)> anchors = [];
    int fieldCount;

    /// <summary>Parses <paramref name="markdown"/> from <paramref name="path"/> (absolute; images resolve relative to it).</summary>
    public List<Block> Parse(string markdown, string path) => Parse(markdown, path, []);

    /// <summary>
    /// Parses Markdown a template made from other files: <paramref name="spliced"/> are texts it inserted as they are
    /// (the facilitator notes in a guide) with the file each came from. A problem inside one is reported at that file
    /// and line, and its pictures and links resolve against that file, as they do when it is read on its own.
    /// </summary>
    public List<Block> Parse(string markdown, string path, IReadOnlyList<(string Text, string Path)> spliced)
    {
        file = Path.GetRelativePath(repoRoot, path).Replace('\\', '/');
        baseDir = Path.GetDirectoryName(path)!;
        source = markdown.Replace("\r\n", "\n");
        regions.Clear();
        var from = 0;
        foreach (var (text, origin) in spliced)
        {
            var piece = text.Replace("\r\n", "\n").Trim('\n');
            if (piece.Length == 0) continue;
            var at = source.IndexOf(piece, from, StringComparison.Ordinal);
            if (at < 0) at = source.IndexOf(piece, StringComparison.Ordinal);
            if (at < 0) continue; // the template changed it: problems are reported at the template, as before
            var first = source.AsSpan(0, at).Count('\n');
            regions.Add(new Region(first, first + piece.AsSpan().Count('\n'), Path.GetRelativePath(repoRoot, origin).Replace('\\', '/'), Path.GetDirectoryName(origin)!));
            from = at + piece.Length;
            // Markdig's guard against pathological nesting has no position: try each spliced text alone, so it is found at its file.
            try { Markdig.Markdown.Parse(piece, Pipeline); }
            catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.Ordinal))
            {
                diagnostics.Report(Rules.Nesting, SourceSpan.StartOf(regions[^1].File), "the Markdown is nested too deeply to read", "flatten nested emphasis, links, lists or quotes");
                return [];
            }
        }
        ids.Clear();
        anchors.Clear();
        fieldCount = 0;
        if (!NestingIsSane(source, path)) return [];
        MarkdownDocument doc;
        try { doc = Markdig.Markdown.Parse(source, Pipeline); }
        catch (ArgumentException e) when (e.Message.Contains("nested", StringComparison.Ordinal))
        {
            // Markdig's own guard (deep emphasis or links the line scan cannot see).
            diagnostics.Report(Rules.Nesting, SourceSpan.StartOf(file), "the Markdown is nested too deeply to read", "flatten nested emphasis, links, lists or quotes");
            return [];
        }
        var blocks = Blocks(doc);
        // In-page links may point forwards, so they are checked once every heading has its id.
        foreach (var (anchor, at) in anchors.Where(a => !ids.ContainsKey(a.Anchor) && !IsNumberedId(a.Anchor)))
        {
            var near = Suggest.Nearest(anchor, ids.Keys);
            diagnostics.Report(Rules.BrokenLink, at, $"link '#{anchor}' matches no heading in this document",
                near is not null ? $"did you mean '#{near}'?" : "anchors are the heading's text in lower case with hyphens, e.g. #next-steps for '## Next steps'");
        }
        return blocks;
    }

    /// <summary>Repeated headings get ids with -2, -3 … (see <see cref="UniqueId"/>).</summary>
    bool IsNumberedId(string anchor)
    {
        var dash = anchor.LastIndexOf('-');
        return dash > 0 && int.TryParse(anchor[(dash + 1)..], out var n) && ids.TryGetValue(anchor[..dash], out var count) && n >= 2 && n <= count;
    }

    /// <summary>
    /// Checks Markdown that will be spliced into a template (facilitator notes into the guide)
    /// against its own file, so a problem is reported there and not at the template.
    /// </summary>
    public bool NestingIsSane(string markdown, string path)
    {
        var rel = Path.GetRelativePath(repoRoot, path).Replace('\\', '/');
        if (TooDeep(markdown.Replace("\r\n", "\n"), rel) is not { } deep) return true;
        diagnostics.Report(Rules.Nesting, deep, $"lists or quotes are nested more than {MaxDepth} levels deep", "flatten the structure; slides and handouts read best with at most three levels");
        return false;
    }

    /// <summary>How deep lists and quotes may nest (content uses three levels at most).</summary>
    const int MaxDepth = 32;

    /// <summary>
    /// The first line that opens more than <see cref="MaxDepth"/> lists or quotes, counting the
    /// markers at its start and its indentation (two columns a level); such input only serves to
    /// exhaust the parser, so it is refused before parsing.
    /// </summary>
    static SourceSpan? TooDeep(string text, string file)
    {
        var line = 1;
        var inFence = false;
        foreach (var l in text.Split('\n'))
        {
            var trimmed = l.TrimStart();
            if (trimmed.StartsWith("```") || trimmed.StartsWith("~~~")) inFence = !inFence;
            if (!inFence)
            {
                int i = 0, columns = 0, markers = 0;
                while (i < l.Length)
                {
                    var ch = l[i];
                    if (ch == ' ') { columns++; i++; }
                    else if (ch == '\t') { columns += 4; i++; }
                    else if (ch == '>') { markers++; i++; }
                    else if (ch is '-' or '*' or '+' && i + 1 < l.Length && l[i + 1] is ' ' or '\t') { markers++; i++; }
                    else break;
                }
                if (markers + columns / 2 > MaxDepth * 2 || markers > MaxDepth) return new SourceSpan(file, line, 1);
            }
            line++;
        }
        return null;
    }

    SourceSpan At(MarkdownObject o) => Span(o.Line, o.Column);

    /// <summary>Where 0-based <paramref name="line"/> and <paramref name="column"/> of the source are, in the file the contributor wrote.</summary>
    SourceSpan Span(int line, int column)
    {
        foreach (var r in regions)
            if (line >= r.FirstLine && line <= r.LastLine) return new SourceSpan(r.File, line - r.FirstLine + 1, column + 1);
        return new SourceSpan(file, line + 1, column + 1);
    }

    /// <summary>The folder relative paths on 0-based <paramref name="line"/> resolve against: that of the file the line came from.</summary>
    string DirAt(int line)
    {
        foreach (var r in regions)
            if (line >= r.FirstLine && line <= r.LastLine) return r.BaseDir;
        return baseDir;
    }

    List<Block> Blocks(IEnumerable<Markdig.Syntax.Block> blocks)
    {
        var result = new List<Block>();
        foreach (var b in blocks) result.AddRange(Convert(b));
        return result;
    }

    IEnumerable<Block> Convert(Markdig.Syntax.Block block)
    {
        switch (block)
        {
            case Markdig.Extensions.Yaml.YamlFrontMatterBlock:
                break;
            case HeadingBlock h:
                var content = Inlines(h.Inline);
                yield return new Heading(h.Level, content, UniqueId(Slugs.Make(Documents.Inlines.PlainText(content)))) { Line = h.Line + 1 };
                break;
            case ParagraphBlock p:
                foreach (var b in Paragraph(p)) yield return b;
                break;
            case Markdig.Syntax.ListBlock l:
                var items = new List<Documents.ListItem>();
                foreach (var item in l.OfType<ListItemBlock>())
                {
                    bool? check = null;
                    if (item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList task }) check = task.Checked;
                    var itemBlocks = Blocks(item);
                    // The checkbox marker leaves a space before the item's text; drop it.
                    if (check is not null && itemBlocks.FirstOrDefault() is Paragraph { Content: [Run first, ..] runs } para)
                        itemBlocks[0] = para with { Content = [first with { Text = first.Text.TrimStart() }, .. runs.Skip(1)] };
                    items.Add(new Documents.ListItem(itemBlocks, check));
                }
                var start = l.IsOrdered && int.TryParse(l.OrderedStart, out var s) ? s : 1;
                yield return new Documents.ListBlock(l.IsOrdered, start, items);
                break;
            case MdTable t:
                yield return Table(t);
                break;
            case QuoteBlock q:
                yield return new Quote(Blocks(q));
                break;
            case CustomContainer c when DeliveryPassages.IsDeliveryClass(DeliveryPassages.ClassOf(c.Info ?? "")):
                foreach (var b in DeliveryPassages.Apply(DeliveryPassages.ClassOf(c.Info ?? ""), Delivery, Blocks(c))) yield return b;
                break;
            case CustomContainer c:
                var info = (c.Info ?? "").Trim();
                var title = (c.Arguments ?? "").Trim();
                if (DeliveryPassages.Misspelt(DeliveryPassages.ClassOf(info)) is { } meant)
                    diagnostics.Report(Rules.DeliveryPassage, At(c), $"unknown passage class '{info}'", $"did you mean '::: {{.{meant}}}'? Passages for one delivery mode are ::: {{.virtual}} and ::: {{.in-person}}");
                yield return new Div(info, Blocks(c)) { Title = title.Length > 0 ? title : null };
                break;
            case FencedCodeBlock or Markdig.Syntax.CodeBlock:
                yield return new Documents.CodeBlock(((LeafBlock)block).Lines.ToString());
                break;
            case ThematicBreakBlock:
                yield return new Rule { Line = block.Line + 1 };
                break;
            case HtmlBlock html:
                // Raw HTML is content, not markup: keep it as literal text.
                yield return new Paragraph([new Run(source.Substring(html.Span.Start, html.Span.Length))]);
                break;
            case LinkReferenceDefinitionGroup:
            case BlankLineBlock:
                break;
            case ContainerBlock other:
                foreach (var b in Blocks(other)) yield return b;
                break;
        }
    }

    Documents.Table Table(MdTable t)
    {
        var header = new List<Documents.TableRow>();
        var body = new List<Documents.TableRow>();
        var columns = t.ColumnDefinitions.Count;
        foreach (var row in t.OfType<MdTableRow>())
        {
            var cells = row.OfType<TableCell>().Select(c => (IReadOnlyList<Inline>)c.OfType<ParagraphBlock>().SelectMany(p => Inlines(p.Inline)).ToList()).ToList();
            columns = Math.Max(columns, cells.Count);
            (row.IsHeader ? header : body).Add(new Documents.TableRow(cells));
        }
        var aligns = Enumerable.Range(0, columns).Select(i => i < t.ColumnDefinitions.Count ? t.ColumnDefinitions[i].Alignment switch
        {
            TableColumnAlign.Center => Align.Centre,
            TableColumnAlign.Right => Align.Right,
            _ => Align.Left,
        } : Align.Left).ToList();
        // Pad ragged rows so writers can rely on a rectangle.
        Documents.TableRow Pad(Documents.TableRow r) => r.Cells.Count >= columns ? r : new(r.Cells.Concat(Enumerable.Repeat((IReadOnlyList<Inline>)[], columns - r.Cells.Count)).ToList());
        return new Documents.Table(header.Select(Pad).ToList(), body.Select(Pad).ToList(), aligns);
    }

    // ---------------- paragraphs, images and fill-in elements ----------------

    IEnumerable<Block> Paragraph(ParagraphBlock p)
    {
        // Markdig empties Lines once inlines are parsed; the source span still holds the text.
        var raw = p.Span.Length > 0 ? source.Substring(p.Span.Start, Math.Min(p.Span.Length, source.Length - p.Span.Start)).Trim() : "";
        // A paragraph of fill-ins ([lines: 4], [field: Name] …) becomes form fields; every line must be one.
        var lines = raw.StartsWith('[') ? raw.Split('\n').Select(l => l.Trim()).ToList() : [];
        if (lines.Count > 0 && lines.All(l => FillInStart().IsMatch(l)))
        {
            for (var i = 0; i < lines.Count; i++)
                if (FillIn(lines[i], Span(p.Line + i, p.Column)) is { } b) yield return b;
            yield break;
        }

        // A paragraph that is only an image is a figure; images mixed with text are split out after it.
        var images = new List<LinkInline>();
        if (p.Inline is { } inline) FindImages(inline, images);
        var text = Inlines(p.Inline);
        if (Documents.Inlines.PlainText(text).Trim().Length > 0) yield return new Paragraph(text);
        foreach (var img in images)
            if (Image(img) is { } image) yield return image;
    }

    /// <summary>The images among the inlines, in document order (Markdig's Descendants, without its allocations per paragraph).</summary>
    static void FindImages(ContainerInline container, List<LinkInline> images)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is LinkInline { IsImage: true } image) images.Add(image);
            if (child is ContainerInline inner) FindImages(inner, images);
        }
    }

    Image? Image(LinkInline img)
    {
        var alt = string.Concat(img.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
        var url = img.Url ?? "";
        var at = At(img);
        if (alt.Length == 0)
            diagnostics.Report(Rules.AltText, at, $"image '{url}' has no alt text", "describe what the picture shows: ![A PDSA cycle with four quadrants](…)");
        if (url.Contains("://") || url.StartsWith("//") || url.StartsWith("data:"))
        {
            diagnostics.Report(Rules.ImageFile, at, $"image '{url}' is not a local file", "copy the picture into content/images/ and link to it there; builds never reach the network");
            return null;
        }
        var path = Resolve(Path.GetFullPath(Path.Combine(DirAt(img.Line), Uri.UnescapeDataString(url))));
        if (!Paths.IsInside(path, repoRoot))
        {
            diagnostics.Report(Rules.OutsideRepository, at, $"image '{url}' is outside the repository", "keep images in content/images/");
            return null;
        }
        if (Files.RegularFile.Problem(path) is { } notRegular)
        {
            diagnostics.Report(Rules.ImageFile, at, $"image '{url}' {notRegular}", "link to the picture file itself, kept in content/images/");
            return null;
        }
        if (!File.Exists(path))
        {
            diagnostics.Report(Rules.ImageFile, at, $"image file not found: {url}", "paths are relative to the Markdown file, e.g. ../../../../images/name.png");
            return null;
        }
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".png" or ".jpg" or ".jpeg"))
        {
            diagnostics.Report(Rules.ImageFile, at, $"image '{url}' must be a PNG or JPEG", "render SVG diagrams to PNG and link to the PNG");
            return null;
        }
        if (Packaging.ImageInfo.Problem(path) is { } problem)
        {
            diagnostics.Report(Rules.ImageFile, at, $"image '{url}' {problem.Message}", problem.Hint);
            return null;
        }
        return new Image(path, alt);
    }

    Block? FillIn(string line, SourceSpan at)
    {
        string Id(string label) => $"f{++fieldCount:D2}-{Slugs.Make(label)}";
        Match m;
        if ((m = LinesRx().Match(line)).Success)
        {
            var ok = int.TryParse(m.Groups[1].Value, out var n);
            if (ok && n is >= 1 and <= 40) return new WritingLines(n);
            diagnostics.Report(Rules.FillIn, at, $"[lines: {m.Groups[1].Value}] must ask for 1 to 40 lines");
            return null;
        }
        if ((m = FieldRx().Match(line)).Success)
        {
            var label = m.Groups[2].Value.Trim();
            return new FormField(m.Groups[1].Value == "date" ? FieldKind.Date : FieldKind.Text, label, Id(label));
        }
        if ((m = ScaleRx().Match(line)).Success)
        {
            var okMin = int.TryParse(m.Groups[1].Success ? m.Groups[1].Value : "1", out var min);
            var okMax = int.TryParse(m.Groups[2].Success ? m.Groups[2].Value : "5", out var max);
            var label = m.Groups[3].Value.Trim();
            if (okMin && okMax && max > min && max - min <= 10) return new RatingScale(label, min, max, Id(label));
            diagnostics.Report(Rules.FillIn, at, $"rating scale {(m.Groups[1].Success ? m.Groups[1].Value : "1")}-{(m.Groups[2].Success ? m.Groups[2].Value : "5")} is not valid", "use e.g. [scale: …] for 1–5 or [scale 0-10: …]; at most 11 points");
            return null;
        }
        if ((m = TableRx().Match(line)).Success)
        {
            var cols = m.Groups[1].Value.Split('|').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
            var okRows = int.TryParse(m.Groups[2].Value, out var rows);
            if (okRows && cols.Count is >= 1 and <= 8 && rows is >= 1 and <= 40) return new FillTable(cols, rows, Id(string.Join("-", cols.Take(2))));
            diagnostics.Report(Rules.FillIn, at, "a fill-in table needs 1–8 columns and 1–40 rows", "e.g. [table: Date | Team | Action; rows: 6]");
            return null;
        }
        if ((m = SignatureRx().Match(line)).Success)
        {
            var party = m.Groups[1].Value.Trim();
            return new SignatureLine(party, Id("signature-" + party));
        }
        diagnostics.Report(Rules.FillIn, at, $"malformed fill-in element '{line}'",
            "write one of [lines: 5], [field: Label], [date: Label], [scale: Label], [scale 0-10: Label], [table: A | B; rows: 6], [signature: Party]");
        return null;
    }

    [GeneratedRegex(@"^\[(lines|field|date|scale|table|signature)\b", RegexOptions.IgnoreCase)] private static partial Regex FillInStart();
    [GeneratedRegex(@"^\[lines:\s*(\d+)\s*\]$")] private static partial Regex LinesRx();
    [GeneratedRegex(@"^\[(field|date):\s*(.+?)\s*\]$")] private static partial Regex FieldRx();
    [GeneratedRegex(@"^\[scale(?:\s+(\d+)\s*-\s*(\d+))?:\s*(.+?)\s*\]$")] private static partial Regex ScaleRx();
    [GeneratedRegex(@"^\[table:\s*(.+?);\s*rows:\s*(\d+)\s*\]$")] private static partial Regex TableRx();
    [GeneratedRegex(@"^\[signature:\s*(.+?)\s*\]$")] private static partial Regex SignatureRx();

    // ---------------- inlines ----------------

    List<Inline> Inlines(ContainerInline? container)
    {
        var runs = new List<Inline>();
        if (container is not null) Flatten(container, false, false, null, runs);
        return Merge(runs);
    }

    void Flatten(Markdig.Syntax.Inlines.Inline inline, bool bold, bool italic, string? link, List<Inline> runs)
    {
        switch (inline)
        {
            case TaskList:
                break; // the list item carries the checkbox
            case LiteralInline lit:
                runs.Add(new Run(lit.Content.ToString(), bold, italic, false, link));
                break;
            case CodeInline code:
                runs.Add(new Run(code.Content, bold, italic, true, link));
                break;
            case LineBreakInline br:
                if (br.IsHard) runs.Add(new LineBreak()); else runs.Add(new Run(" ", bold, italic, false, link));
                break;
            case HtmlEntityInline entity:
                runs.Add(new Run(entity.Transcoded.ToString(), bold, italic, false, link));
                break;
            case HtmlInline html:
                runs.Add(new Run(html.Tag, bold, italic, false, link));
                break;
            case AutolinkInline auto:
                runs.Add(new Run(auto.Url, bold, italic, false, SafeLink(auto.IsEmail ? "mailto:" + auto.Url : auto.Url, auto)));
                break;
            case LinkInline { IsImage: true }:
                break; // images become blocks of their own
            case LinkInline l:
                var target = SafeLink(l.Url ?? "", l);
                foreach (var child in l) Flatten(child, bold, italic, target, runs);
                break;
            case EmphasisInline em:
                var strong = em.DelimiterCount >= 2;
                foreach (var child in em) Flatten(child, bold || strong, italic || !strong, link, runs);
                break;
            case ContainerInline c:
                foreach (var child in c) Flatten(child, bold, italic, link, runs);
                break;
        }
    }

    /// <summary>Only web and mail links and in-document anchors are kept; anything else (javascript:, file:) is dropped with an error.</summary>
    string? SafeLink(string url, MarkdownObject at)
    {
        if (url.StartsWith("https://") || url.StartsWith("http://") || url.StartsWith("mailto:")) return url;
        if (url.StartsWith('#'))
        {
            anchors.Add((Uri.UnescapeDataString(url[1..]), At(at)));
            return url;
        }
        // A relative link names another file: say precisely when it does not exist. Either way the
        // package is printed and shared as separate files, so such links would not work there.
        if (!url.Contains(':') && !url.StartsWith("//"))
        {
            var target = url.Split('#', '?')[0];
            var path = Path.GetFullPath(Path.Combine(DirAt(at.Line), Uri.UnescapeDataString(target)));
            if (target.Length > 0 && !File.Exists(path) && !Directory.Exists(path))
            {
                diagnostics.Report(Rules.BrokenLink, At(at), $"link '{url}' points to a file that does not exist", "check the path (it is relative to this file), or link to the published https:// address");
                return null;
            }
            diagnostics.Report(Rules.LinkScheme, At(at), $"link '{url}' points to another file, which will not work in the built package",
                "name the document in the text instead (e.g. 'see the Driver diagram worksheet'), or link to its published https:// address");
            return null;
        }
        diagnostics.Report(Rules.LinkScheme, At(at), $"link '{url}' is not a web, mail or in-page link", "use a full https:// address");
        return null;
    }

    static List<Inline> Merge(List<Inline> runs)
    {
        var merged = new List<Inline>();
        foreach (var r in runs)
        {
            if (r is Run run && merged.Count > 0 && merged[^1] is Run prev && prev with { Text = "" } == run with { Text = "" })
                merged[^1] = prev with { Text = prev.Text + run.Text };
            else merged.Add(r);
        }
        return merged;
    }

    string UniqueId(string id)
    {
        if (id.Length == 0) id = "section";
        if (ids.TryGetValue(id, out var n)) { ids[id] = n + 1; return $"{id}-{n + 1}"; }
        ids[id] = 1;
        return id;
    }
}
