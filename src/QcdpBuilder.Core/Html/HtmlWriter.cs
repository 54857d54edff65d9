using System.Text;
using QcdpBuilder.Documents;
using static QcdpBuilder.Html.HtmlText;

namespace QcdpBuilder.Html;

/// <summary>
/// Writes document-model blocks as semantic HTML5: the HTML counterpart of the DOCX and PDF
/// writers, reading only <see cref="Block"/>s. Every text run and attribute is escaped; links
/// pass <see cref="HtmlText.SafeHref"/>; headings never skip a level (a page's outline stays in
/// order whatever the content does); fill-in elements become labelled form controls.
/// One writer per page: it numbers form controls so their ids are unique on the page.
/// </summary>
public sealed class HtmlWriter(Func<Image, string> imageHref)
{
    readonly StringBuilder html = new();
    int lastLevel = 1;
    int controls;

    /// <summary>The HTML written so far.</summary>
    public override string ToString() => html.ToString();

    /// <summary>The level of the heading just written (the page's h1 is 1); the next heading may be at most one deeper.</summary>
    public int HeadingLevel { get => lastLevel; set => lastLevel = Math.Clamp(value, 1, 6); }

    public HtmlWriter Raw(string markup) { html.Append(markup); return this; }

    public HtmlWriter Blocks(IEnumerable<Block> blocks)
    {
        foreach (var b in blocks) Block(b);
        return this;
    }

    /// <summary>Writes a heading at <paramref name="level"/>, or shallower if that would skip a level.</summary>
    public HtmlWriter Heading(int level, IReadOnlyList<Inline> content, string? id)
    {
        var h = Math.Clamp(level, 2, Math.Min(6, lastLevel + 1));
        lastLevel = h;
        html.Append($"<h{h}{(id is null ? "" : $" id=\"{Attr(id)}\"")}>");
        Inlines(content);
        html.Append($"</h{h}>\n");
        return this;
    }

    void Block(Block block)
    {
        switch (block)
        {
            case Heading h: Heading(h.Level, h.Content, h.Id); break;
            case Paragraph p: html.Append("<p>"); Inlines(p.Content); html.Append("</p>\n"); break;
            case ListBlock l: List(l); break;
            case Table t: Table(t); break;
            case Quote q: html.Append("<blockquote>\n"); Blocks(q.Blocks); html.Append("</blockquote>\n"); break;
            case CodeBlock c: html.Append("<pre><code>").Append(Escape(c.Text.TrimEnd('\n'))).Append("</code></pre>\n"); break;
            case Image img: Figure(img); break;
            case Rule: html.Append("<hr>\n"); break;
            case PageBreak: html.Append("<div class=\"page-break\"></div>\n"); break;
            case Div { Class: "notes" } d:
                html.Append("<aside class=\"notes\" aria-label=\"Speaker notes\">\n<p class=\"label\">Speaker notes</p>\n");
                Blocks(d.Blocks);
                html.Append("</aside>\n");
                break;
            case Div { Class: "columns" } d:
                html.Append("<div class=\"columns\">\n");
                foreach (var c in d.Blocks) Block(c);
                html.Append("</div>\n");
                break;
            case Div d:
                html.Append($"<div class=\"{Attr(CssClass(d.Class))}\">\n");
                if (d.Title is { } title) html.Append("<p class=\"label\">").Append(Escape(title)).Append("</p>\n");
                Blocks(d.Blocks);
                html.Append("</div>\n");
                break;
            case WritingLines w:
                // Ruled space to write on, as on paper; a text area would promise saving that a static page cannot do.
                // (One element a line: the page allows no inline styles.)
                html.Append($"<div class=\"writing-lines\" role=\"img\" aria-label=\"Space to write ({w.Count} lines)\">")
                    .Append(string.Concat(Enumerable.Repeat("<div></div>", w.Count))).Append("</div>\n");
                break;
            case FormField f:
                var id = ControlId(f.Id);
                html.Append($"<p class=\"field\"><label for=\"{id}\">{Escape(f.Label)}</label> <input id=\"{id}\" type=\"{(f.Kind == FieldKind.Date ? "date" : "text")}\"></p>\n");
                break;
            case RatingScale s:
                var name = ControlId(s.Id);
                html.Append($"<fieldset class=\"scale\"><legend>{Escape(s.Label)}</legend>\n");
                for (var v = s.Min; v <= s.Max; v++)
                    html.Append($"<label><input type=\"radio\" name=\"{name}\" value=\"{v}\"> {v}</label>\n");
                html.Append("</fieldset>\n");
                break;
            case FillTable ft:
                html.Append("<div class=\"table-wrap\"><table class=\"fill-in\">\n<thead><tr>");
                foreach (var c in ft.Columns) html.Append("<th scope=\"col\">").Append(Escape(c)).Append("</th>");
                html.Append("</tr></thead>\n<tbody>\n");
                for (var r = 0; r < ft.Rows; r++)
                    html.Append("<tr>").Append(string.Concat(Enumerable.Repeat("<td></td>", ft.Columns.Count))).Append("</tr>\n");
                html.Append("</tbody>\n</table></div>\n");
                break;
            case SignatureLine sig:
                html.Append($"<p class=\"signature\"><span>Signed ({Escape(sig.Party)})</span><span class=\"line\"></span><span>Date</span><span class=\"line short\"></span></p>\n");
                break;
        }
    }

    void List(ListBlock l)
    {
        var tag = l.Ordered ? "ol" : "ul";
        var tasks = l.Items.Any(i => i.Checkbox is not null);
        html.Append('<').Append(tag);
        if (l.Ordered && l.Start != 1) html.Append($" start=\"{l.Start}\"");
        if (tasks) html.Append(" class=\"tasks\"");
        html.Append(">\n");
        foreach (var item in l.Items)
        {
            html.Append("<li>");
            var blocks = item.Blocks;
            if (item.Checkbox is { } check)
            {
                // A checklist item is a real checkbox labelled by its first paragraph.
                var id = ControlId("check");
                html.Append($"<input type=\"checkbox\" id=\"{id}\"{(check ? " checked" : "")}> <label for=\"{id}\">");
                if (blocks.FirstOrDefault() is Paragraph first) { Inlines(first.Content); blocks = blocks.Skip(1).ToList(); }
                html.Append("</label>");
            }
            // A tight item is a single paragraph: no <p> inside the <li>.
            if (blocks is [Paragraph only]) Inlines(only.Content);
            else if (blocks.Count > 0) { html.Append('\n'); Blocks(blocks); }
            html.Append("</li>\n");
        }
        html.Append("</").Append(tag).Append(">\n");
    }

    void Table(Table t)
    {
        string Align(int c) => c < t.Alignments.Count ? t.Alignments[c] switch { Documents.Align.Centre => " class=\"centre\"", Documents.Align.Right => " class=\"right\"", _ => "" } : "";
        html.Append("<div class=\"table-wrap\"><table>\n");
        if (t.Header.Count > 0)
        {
            html.Append("<thead>\n");
            foreach (var row in t.Header)
            {
                html.Append("<tr>");
                for (var c = 0; c < row.Cells.Count; c++) { html.Append($"<th scope=\"col\"{Align(c)}>"); Inlines(row.Cells[c]); html.Append("</th>"); }
                html.Append("</tr>\n");
            }
            html.Append("</thead>\n");
        }
        html.Append("<tbody>\n");
        foreach (var row in t.Body)
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Cells.Count; c++) { html.Append($"<td{Align(c)}>"); Inlines(row.Cells[c]); html.Append("</td>"); }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    void Figure(Image img) =>
        html.Append($"<figure><img src=\"{Attr(imageHref(img))}\" alt=\"{Attr(img.Alt)}\"></figure>\n");

    /// <summary>Writes inline runs: bold, italic, code and links, all escaped.</summary>
    public HtmlWriter Inlines(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            if (inline is LineBreak) { html.Append("<br>"); continue; }
            if (inline is not Run r) continue;
            var text = Escape(r.Text);
            if (r.Code) text = $"<code>{text}</code>";
            if (r.Italic) text = $"<em>{text}</em>";
            if (r.Bold) text = $"<strong>{text}</strong>";
            if (SafeHref(r.Link) is { } href) text = $"<a href=\"{Attr(href)}\">{text}</a>";
            html.Append(text);
        }
        return this;
    }

    string ControlId(string id) => $"c{++controls}-{Content.Slugs.Make(id)}";

    /// <summary>A Div's class as a CSS class: letters, digits and hyphens only.</summary>
    static string CssClass(string c)
    {
        var slug = Content.Slugs.Make(c);
        return slug.Length == 0 ? "box" : "box " + slug;
    }
}
