using QcdpBuilder.Pdf;
using QcdpBuilder.Pdf.Forms;
using QcdpBuilder.Pdf.Tagging;
using M = QcdpBuilder.Documents;
using P = QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.PdfOutput;

/// <summary>Sizes and switches that differ between printed pages and slides; the mapping itself is shared.</summary>
internal sealed record BlockStyle
{
    public double BodySize { get; init; } = 11;
    public double LineHeight { get; init; } = 1.4;
    public double ParagraphSpace { get; init; } = 6;
    public double[] HeadingSizes { get; init; } = [18, 14.5, 12.5];
    public double ListItemSpacing { get; init; } = 3;
    public double? ImageMaxHeight { get; init; } = 300;
    /// <summary>Make form elements real AcroForm fields (the applicant contract).</summary>
    public bool Interactive { get; init; }
    /// <summary>Headings become tagged paragraphs without bookmarks or destinations (slides, thumbnails).</summary>
    public bool PlainHeadings { get; init; }
    /// <summary>Drop <c>::: notes</c> divs (their content is the speaker notes, not slide content).</summary>
    public bool SkipNotes { get; init; }
    /// <summary>Text colour override (white text on coloured slides); null = the brand's text colour.</summary>
    public Color? TextColour { get; init; }
    public Color? HeadingColour { get; init; }
    /// <summary>Distance between ruled writing lines: 27 pt ≈ 9.5 mm, room for handwriting.</summary>
    public double WritingLineSpacing { get; init; } = 27;
    /// <summary>Height of empty fill-in table rows: 28.35 pt = 10 mm.</summary>
    public double FillRowHeight { get; init; } = 28.35;

    public static BlockStyle Print => new();

    public static BlockStyle Slide => new()
    {
        // 24 pt body, as in the PowerPoint decks, so the PDF and PPTX read alike; text frames shrink to fit.
        BodySize = 24, LineHeight = 1.25, ParagraphSpace = 12, HeadingSizes = [28, 26, 24], ListItemSpacing = 9,
        ImageMaxHeight = null, PlainHeadings = true, SkipNotes = true,
    };
}

/// <summary>
/// The one mapping from the course document model to engine blocks, used by guides, handouts, forms, slides and
/// notes alike. Each model block becomes zero or more engine blocks (plain divs are flattened so pagination rules
/// such as keep-with-next see their content).
/// </summary>
internal sealed class BlockConverter
{
    private static readonly string[] Bullets = ["\u2022", "\u2013", "\u2022"];
    private readonly PdfTheme _theme;
    private readonly BlockStyle _s;
    private string? _lastPrompt;

    public BlockConverter(PdfTheme theme, BlockStyle style) { _theme = theme; _s = style; }

    private Color TextColour => _s.TextColour ?? _theme.Text;
    private Color HeadingColour => _s.HeadingColour ?? _s.TextColour ?? _theme.Primary;

    public List<P.PdfBlock> Convert(IEnumerable<M.Block> blocks)
    {
        var result = new List<P.PdfBlock>();
        foreach (var b in blocks) result.AddRange(Convert(b));
        // A question or instruction stays with the writing space that answers it.
        for (int i = 0; i + 1 < result.Count; i++)
            if (result[i] is P.PdfParagraph && IsFillIn(result[i + 1])) result[i].KeepWithNext = true;
        return result;
    }

    private static bool IsFillIn(P.PdfBlock b) => b is FormBlock || b is P.KeepTogether
        || (b is P.Column c && c.Blocks.FirstOrDefault() is CheckboxItem)
        || (b is P.PdfTable t && t.Rows.Count > 0 && t.Rows[^1].MinHeight > 0);

    public IEnumerable<P.PdfBlock> Convert(M.Block block)
    {
        switch (block)
        {
            case M.Heading h:
                _lastPrompt = h.Text;
                yield return Heading(h);
                break;
            case M.Paragraph p:
                if (p.Content.Count == 0) break;
                _lastPrompt = M.Inlines.PlainText(p.Content);
                yield return Paragraph(p.Content);
                break;
            case M.ListBlock l:
                yield return List(l, 0);
                break;
            case M.Table t:
                var table = Table(t);
                // A short table reads best on one page (a long one splits, repeating its header row).
                if (t.Body.Count <= 12)
                {
                    yield return new P.KeepTogether(table) { SpaceBefore = table.SpaceBefore, SpaceAfter = table.SpaceAfter };
                    table.SpaceBefore = 0; table.SpaceAfter = 0;
                }
                else yield return table;
                break;
            case M.Quote q:
            {
                var inner = Convert(q.Blocks);
                foreach (var para in inner.OfType<P.PdfParagraph>()) para.Italic = true;
                yield return new P.Box(inner.ToArray())
                {
                    Border = P.BoxBorder.Left, BorderColor = _theme.Primary.Tint(0.45), BorderWidth = 3, Padding = 8,
                    KeepTogether = false,
                };
                break;
            }
            case M.CodeBlock c:
                yield return new P.Box(new P.PdfParagraph(Preformatted(c.Text))
                {
                    FontSize = _s.BodySize - 1, LineHeight = 1.3, Color = TextColour, SpaceAfter = 0, MinLinesOnPage = 2,
                })
                { Background = Color.FromHex("#F3F3F3"), Padding = 8, KeepTogether = false };
                break;
            case M.Image img:
                yield return Image(img);
                break;
            case M.ChartBlock chart:
                yield return new ChartRenderer(chart, _theme);
                break;
            case M.Rule:
                yield return new P.HorizontalRule { Color = _theme.Primary.Tint(0.35) };
                break;
            case M.PageBreak:
                yield return new P.PdfPageBreak();
                break;
            case M.Div d:
                foreach (var b in Div(d)) yield return b;
                break;
            case M.WritingLines w:
                yield return new PdfWritingLines(Math.Max(1, w.Count), _s.WritingLineSpacing)
                {
                    Interactive = _s.Interactive, LineColor = _theme.LineColour, FontSize = _s.BodySize,
                    Description = Short(_lastPrompt) ?? "Your answer",
                };
                break;
            case M.FormField f:
                yield return new LabelledField(f.Label)
                {
                    Interactive = _s.Interactive, FieldName = f.Id, LineSpacing = 28, FontSize = _s.BodySize,
                    Kind = f.Kind == M.FieldKind.Date ? FormFieldKind.Date : FormFieldKind.Text,
                    LineColor = _theme.LineColour, TextColor = TextColour,
                };
                break;
            case M.RatingScale r:
                yield return new PdfRatingScale(r.Min, r.Max)
                {
                    Question = r.Label, Interactive = _s.Interactive, FieldName = r.Id, FontSize = _s.BodySize,
                    LowLabel = r.Min.ToString(System.Globalization.CultureInfo.InvariantCulture) + " = low",
                    HighLabel = r.Max.ToString(System.Globalization.CultureInfo.InvariantCulture) + " = high",
                    LineColor = _theme.LineColour, TextColor = TextColour,
                };
                break;
            case M.FillTable ft:
            {
                var t = FillInTable.Create(ft.Columns, Math.Max(1, ft.Rows), _s.FillRowHeight);
                t.HeaderBackground = _theme.HeaderShade;
                t.BorderColor = _theme.LineColour;
                t.SpaceAfter = 0;
                // A fill-in table moves to the next page whole rather than leaving one empty row behind.
                yield return new P.KeepTogether(t) { SpaceBefore = 4, SpaceAfter = 10 };
                break;
            }
            case M.SignatureLine sig:
                yield return Signature(sig);
                break;
        }
    }

    // ---- Text ---------------------------------------------------------------------------------------

    private P.PdfBlock Heading(M.Heading h)
    {
        int level = Math.Clamp(h.Level, 1, 3);
        double size = _s.HeadingSizes[level - 1];
        if (_s.PlainHeadings)
        {
            return new P.PdfParagraph(Runs(h.Content, bold: true).ToArray())
            {
                FontSize = size, LineHeight = 1.2, Bold = true, Color = HeadingColour, KeepWithNext = true,
                SpaceBefore = 6, SpaceAfter = 6, Tag = new StructTag(StructRoles.Heading(level)),
            };
        }
        return new P.PdfHeading(level, h.Text, string.IsNullOrWhiteSpace(h.Id) ? null : h.Id)
        {
            FontSize = size, Color = HeadingColour,
            SpaceBefore = level == 1 ? 16 : 12, SpaceAfter = level == 1 ? 8 : 5,
        };
    }

    /// <summary>The destination a heading gets in the PDF (the model's id, or the engine's derived one).</summary>
    public static string DestinationOf(M.Heading h) =>
        string.IsNullOrWhiteSpace(h.Id) ? "h-" + P.PdfHeading.SlugFor(h.Text) : h.Id;

    public P.PdfParagraph Paragraph(IReadOnlyList<M.Inline> content, double? size = null, bool bold = false, TextAlign align = TextAlign.Left) =>
        new(Runs(content, bold).ToArray())
        {
            FontSize = size ?? _s.BodySize, LineHeight = _s.LineHeight, Color = TextColour, SpaceAfter = _s.ParagraphSpace,
            Align = align,
        };

    private IEnumerable<P.TextRun> Runs(IReadOnlyList<M.Inline> inlines, bool bold = false)
    {
        foreach (var i in inlines)
        {
            switch (i)
            {
                case M.LineBreak:
                    yield return new P.TextRun("\n");
                    break;
                case M.Run r:
                {
                    var link = LinkOf(r.Link);
                    yield return new P.TextRun(r.Text)
                    {
                        Bold = r.Bold || bold, Italic = r.Italic, Link = link, Underline = link != null,
                        Color = link != null ? (_s.TextColour ?? _theme.Primary) : r.Code ? CodeColour : null,
                    };
                    break;
                }
            }
        }
    }

    private Color? CodeColour => _s.TextColour == null ? Color.FromHex("#3B3B3B") : null;

    /// <summary>"#id" links go to headings (not on slides, which have no heading destinations); URLs stay links.</summary>
    private LinkTarget? LinkOf(string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        if (link.StartsWith('#')) return _s.PlainHeadings || link.Length < 2 ? null : LinkTarget.Internal(link[1..]);
        return link.Contains(':') ? LinkTarget.Url(link) : null;
    }

    /// <summary>Keeps indentation of code: leading spaces become no-break spaces (the line breaker drops spaces).</summary>
    private static string Preformatted(string text) => string.Join("\n", text.Replace("\r\n", "\n").Replace("\t", "    ").Split('\n')
        .Select(l => { int n = l.Length - l.TrimStart(' ').Length; return new string('\u00A0', n) + l[n..]; }));

    private static string? Short(string? s) => s is null ? null : s.Length <= 90 ? s : s[..87].TrimEnd() + "…";

    // ---- Lists --------------------------------------------------------------------------------------

    private P.PdfBlock List(M.ListBlock l, int depth)
    {
        if (l.Items.Count > 0 && l.Items.All(i => i.Checkbox != null))
        {
            var col = new P.Column { Tag = new StructTag(StructRoles.Div) };
            foreach (var item in l.Items) col.Blocks.AddRange(CheckboxItem(item, depth));
            col.SpaceAfter = _s.ParagraphSpace + 2;
            return col;
        }
        var list = new P.PdfListBlock(l.Ordered)
        {
            Start = l.Start, FontSize = _s.BodySize, LineHeight = _s.LineHeight, ItemSpacing = _s.ListItemSpacing,
            Bullet = Bullets[Math.Min(depth, Bullets.Length - 1)], LabelColor = _s.TextColour ?? _theme.Primary,
            Indent = _s.BodySize * 1.6, SpaceAfter = depth == 0 ? _s.ParagraphSpace + 2 : 0,
        };
        if (depth > 0) list.SpaceBefore = _s.ListItemSpacing;
        foreach (var item in l.Items)
        {
            var blocks = item.Checkbox != null ? CheckboxItem(item, depth) : ItemBlocks(item, depth);
            list.Items.Add(new P.PdfListItem(blocks.ToArray()));
        }
        return list;
    }

    private List<P.PdfBlock> ItemBlocks(M.ListItem item, int depth)
    {
        var blocks = new List<P.PdfBlock>();
        foreach (var b in item.Blocks)
        {
            if (b is M.ListBlock nested) { blocks.Add(List(nested, depth + 1)); continue; }
            foreach (var x in Convert(b))
            {
                if (x is P.PdfParagraph p && x is not P.PdfHeading) p.SpaceAfter = 2;
                blocks.Add(x);
            }
        }
        if (blocks.Count > 0 && blocks[^1] is P.PdfParagraph last) last.SpaceAfter = 0;
        return blocks;
    }

    /// <summary>A task-list item: a tick box (fillable on forms) with the first paragraph as its label.</summary>
    private List<P.PdfBlock> CheckboxItem(M.ListItem item, int depth)
    {
        var first = item.Blocks.OfType<M.Paragraph>().FirstOrDefault();
        var label = first == null ? "" : M.Inlines.PlainText(first.Content);
        var result = new List<P.PdfBlock>
        {
            new CheckboxItem(label)
            {
                Interactive = _s.Interactive, Checked = item.Checkbox == true, FontSize = _s.BodySize,
                LineColor = _theme.LineColour, TextColor = TextColour, SpaceAfter = 5,
            },
        };
        var rest = new M.ListItem(item.Blocks.Where(b => !ReferenceEquals(b, first)).ToList());
        if (rest.Blocks.Count > 0) result.AddRange(ItemBlocks(rest, depth));
        return result;
    }

    // ---- Tables -------------------------------------------------------------------------------------

    private P.PdfTable Table(M.Table t)
    {
        var fractions = M.ColumnWidths.Fractions(t);
        int n = fractions.Length;
        var table = new P.PdfTable(fractions.Select(f => P.TableColumn.Relative(f)).ToArray())
        {
            HeaderBackground = _theme.HeaderShade, BorderColor = _theme.LineColour, CellPadding = Math.Round(_s.BodySize * 0.45, 1),
            SpaceBefore = 4, SpaceAfter = 10,
        };
        double size = _s.BodySize - 1;
        P.PdfTableRow Row(M.TableRow row, bool header)
        {
            var cells = new List<P.TableCell>();
            for (int i = 0; i < n; i++)
            {
                var content = i < row.Cells.Count ? row.Cells[i] : [];
                var align = i < t.Alignments.Count ? t.Alignments[i] switch
                {
                    M.Align.Centre => TextAlign.Center, M.Align.Right => TextAlign.Right, _ => TextAlign.Left,
                } : TextAlign.Left;
                var p = Paragraph(content, size, header, align);
                p.SpaceAfter = 0; p.LineHeight = 1.3;
                cells.Add(new P.TableCell(p));
            }
            return new P.PdfTableRow(cells.ToArray());
        }
        foreach (var h in t.Header) { table.Rows.Add(Row(h, true)); table.HeaderRows++; }
        foreach (var b in t.Body) table.Rows.Add(Row(b, false));
        return table;
    }

    // ---- Images, divs, signatures ---------------------------------------------------------------------

    public P.PdfBlock Image(M.Image img)
    {
        if (!File.Exists(img.Path))
            return new P.PdfParagraph(new P.TextRun($"[Image: {img.Alt}]") { Italic = true }) { FontSize = _s.BodySize, Color = _theme.Muted };
        return new P.ImageBlock(_theme.Image(img.Path), string.IsNullOrWhiteSpace(img.Alt) ? null : img.Alt)
        {
            MaxHeight = _s.ImageMaxHeight, Align = TextAlign.Center, SpaceBefore = 4, SpaceAfter = 10,
        };
    }

    private IEnumerable<P.PdfBlock> Div(M.Div d)
    {
        var cls = d.Class.ToLowerInvariant();
        if (cls == "notes" && _s.SkipNotes) return [];
        if (cls is "activity" or "callout")
        {
            var box = new P.Box(Convert(d.Blocks).ToArray())
            {
                Title = d.Title, TitleColor = _s.TextColour ?? _theme.Primary, TitleSize = _s.BodySize + 0.5,
                Background = _theme.Tint, Border = P.BoxBorder.Left, BorderColor = _theme.Primary, BorderWidth = 4,
                Padding = _s.BodySize * 0.9,
            };
            // The last block's own space after would only pad the box bottom.
            if (box.Blocks.Count > 0) box.Blocks[^1].SpaceAfter = 0;
            return [box];
        }
        var inner = Convert(d.Blocks);
        if (!string.IsNullOrWhiteSpace(d.Title))
            inner.Insert(0, new P.PdfParagraph(new P.TextRun(d.Title!) { Bold = true })
                { FontSize = _s.BodySize + 0.5, Color = HeadingColour, KeepWithNext = true, SpaceAfter = 4 });
        return inner;
    }

    private P.PdfBlock Signature(M.SignatureLine sig)
    {
        var party = new P.PdfParagraph(new P.TextRun(sig.Party) { Bold = true })
            { FontSize = _s.BodySize, Color = TextColour, KeepWithNext = true, SpaceBefore = 8, SpaceAfter = 2 };
        var name = new LabelledField("Printed name")
        {
            Interactive = _s.Interactive, FieldName = sig.Id + "-name", LineSpacing = 28, FontSize = _s.BodySize,
            LineColor = _theme.LineColour, TextColor = TextColour, SpaceAfter = 0,
        };
        var line = new PdfSignatureLine("Signature")
        {
            Interactive = _s.Interactive, FieldName = sig.Id, FontSize = _s.BodySize, TextColor = TextColour,
            SpaceBefore = 6, Height = 34,
        };
        return new P.KeepTogether(party, name, line) { SpaceBefore = 6, SpaceAfter = 12 };
    }
}
