using System.Text;
using QcdpBuilder.Decks;
using QcdpBuilder.Documents;

namespace QcdpBuilder.Tests.Support;

/// <summary>An indented text dump of the document and deck models, for golden files.</summary>
public static class DocumentDump
{
    public static string Dump(IEnumerable<Block> blocks, string root)
    {
        var sb = new StringBuilder();
        foreach (var b in blocks) Block(sb, b, 0, root);
        return sb.ToString();
    }

    public static string Dump(Deck deck, string root)
    {
        var sb = new StringBuilder($"deck «{deck.Title}» / «{deck.Subtitle}»\n");
        var i = 0;
        foreach (var s in deck.Slides)
        {
            sb.Append($"slide {++i} {s.Layout} «{s.Title}»\n");
            if (s.Picture is { } p) Block(sb, p, 1, root);
            foreach (var b in s.Body) Block(sb, b, 1, root);
            if (s.Right.Count > 0) sb.Append("  right:\n");
            foreach (var b in s.Right) Block(sb, b, 2, root);
            if (s.Notes.Count > 0) sb.Append("  notes:\n");
            foreach (var b in s.Notes) Block(sb, b, 2, root);
        }
        return sb.ToString();
    }

    static void Block(StringBuilder sb, Block b, int depth, string root)
    {
        var pad = new string(' ', depth * 2);
        switch (b)
        {
            case Heading h: sb.Append($"{pad}H{h.Level} #{h.Id} {Runs(h.Content)}\n"); break;
            case Paragraph p: sb.Append($"{pad}P {Runs(p.Content)}\n"); break;
            case ListBlock l:
                sb.Append($"{pad}{(l.Ordered ? $"OL start={l.Start}" : "UL")}\n");
                foreach (var item in l.Items)
                {
                    sb.Append($"{pad}  LI{(item.Checkbox is { } c ? (c ? " [x]" : " [ ]") : "")}\n");
                    foreach (var x in item.Blocks) Block(sb, x, depth + 2, root);
                }
                break;
            case Table t:
                sb.Append($"{pad}TABLE cols={t.ColumnCount} align={string.Join(",", t.Alignments)}\n");
                foreach (var r in t.Header) sb.Append($"{pad}  TH {string.Join(" | ", r.Cells.Select(Runs))}\n");
                foreach (var r in t.Body) sb.Append($"{pad}  TR {string.Join(" | ", r.Cells.Select(Runs))}\n");
                break;
            case Image i: sb.Append($"{pad}IMAGE {Path.GetRelativePath(root, i.Path).Replace('\\', '/')} alt=«{i.Alt}»\n"); break;
            case Div d:
                sb.Append($"{pad}DIV {d.Class}{(d.Title is null ? "" : $" «{d.Title}»")}\n");
                foreach (var x in d.Blocks) Block(sb, x, depth + 1, root);
                break;
            case Quote q:
                sb.Append($"{pad}QUOTE\n");
                foreach (var x in q.Blocks) Block(sb, x, depth + 1, root);
                break;
            case WritingLines w: sb.Append($"{pad}LINES {w.Count}\n"); break;
            case FormField f: sb.Append($"{pad}FIELD {f.Kind} «{f.Label}» id={f.Id}\n"); break;
            case RatingScale r: sb.Append($"{pad}SCALE {r.Min}-{r.Max} «{r.Label}» id={r.Id}\n"); break;
            case FillTable ft: sb.Append($"{pad}FILLTABLE {string.Join(" | ", ft.Columns)} rows={ft.Rows} id={ft.Id}\n"); break;
            case SignatureLine s: sb.Append($"{pad}SIGNATURE «{s.Party}» id={s.Id}\n"); break;
            default: sb.Append($"{pad}{b.GetType().Name}\n"); break;
        }
    }

    static string Runs(IEnumerable<Inline> inlines) => string.Concat(inlines.Select(i => i switch
    {
        Run r => $"[{(r.Bold ? "b" : "")}{(r.Italic ? "i" : "")}{(r.Code ? "c" : "")}{(r.Link is null ? "" : $" →{r.Link}")}]«{r.Text}»",
        LineBreak => "⏎",
        _ => "?",
    }));
}
