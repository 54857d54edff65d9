using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;

namespace QcdpBuilder.Decks;

/// <summary>
/// Splits a slides document into a <see cref="Deck"/> using pandoc's conventions: a level-1
/// heading makes a section header slide, a level-2 heading or a rule starts a slide,
/// <c>::: notes</c> holds speaker notes and <c>:::: columns</c> makes two columns. The layout
/// of each slide is picked from what it holds.
/// </summary>
public static class SlideBuilder
{
    public static Deck Build(string title, string? subtitle, IReadOnlyList<Block> blocks, string file, DiagnosticBag diagnostics) =>
        Build(title, subtitle, [(blocks, file)], diagnostics);

    /// <summary>
    /// A deck from Markdown read from several files in turn (a deck template's own slides around those of
    /// <c>slides.md</c>): a slide's missing notes are reported at the file and line its heading came from.
    /// </summary>
    public static Deck Build(string title, string? subtitle, IReadOnlyList<(IReadOnlyList<Block> Blocks, string File)> parts, DiagnosticBag diagnostics)
    {
        var slides = new List<Slide> { new(SlideLayout.Title, title) { Subtitle = subtitle } };
        var files = new List<string> { "" };
        Pending? current = null;
        var file = parts.Count > 0 ? parts[0].File : "";

        void Flush()
        {
            if (current is null) return;
            slides.Add(current.ToSlide() with { SourceLine = current.Line });
            files.Add(current.File);
            current = null;
        }

        foreach (var (blocks, from) in parts)
        foreach (var block in blocks)
        {
            file = from;
            switch (block)
            {
                case Heading { Level: 1 } h:
                    Flush();
                    current = new Pending(h.Text, section: true) { Line = h.Line, File = file };
                    break;
                case Heading { Level: 2 } h:
                    Flush();
                    current = new Pending(h.Text, section: false) { Line = h.Line, File = file };
                    break;
                case Rule r:
                    Flush();
                    current = new Pending("", section: false) { Line = r.Line, File = file };
                    break;
                default:
                    current ??= new Pending("", section: false) { File = file };
                    current.Add(block);
                    break;
            }
        }
        Flush();

        // Content slides need speaker notes: the notes carry the talk.
        for (var i = 1; i < slides.Count; i++)
        {
            var s = slides[i];
            if (s.Layout != SlideLayout.SectionHeader && s.Notes.Count == 0)
                diagnostics.Report(Rules.SpeakerNotes, new SourceSpan(files[i], Math.Max(1, s.SourceLine), 1), $"slide {i + 1} ('{(s.Title.Length > 0 ? s.Title : "untitled")}') has no speaker notes", "add a ::: notes block under it");
        }
        return new Deck(title, subtitle, slides);
    }

    sealed class Pending(string title, bool section)
    {
        public int Line { get; init; }
        public string File { get; init; } = "";
        readonly List<Block> body = [];
        readonly List<Block> notes = [];
        List<Block>? left, right;
        Image? picture;

        public void Add(Block block)
        {
            switch (block)
            {
                case Div { Class: "notes" } n:
                    notes.AddRange(n.Blocks);
                    break;
                case Div { Class: "columns" } c:
                    var columns = c.Blocks.OfType<Div>().Where(d => d.Class == "column").ToList();
                    left = columns.ElementAtOrDefault(0)?.Blocks.ToList() ?? [];
                    right = columns.ElementAtOrDefault(1)?.Blocks.ToList() ?? [];
                    break;
                case Image img when picture is null:
                    picture = img;
                    break;
                default:
                    body.Add(block);
                    break;
            }
        }

        public Slide ToSlide()
        {
            if (section)
                return new Slide(SlideLayout.SectionHeader, title) { Body = body, Notes = notes };
            if (left is not null)
            {
                // Two columns that each open with a heading are a comparison.
                var comparison = left.FirstOrDefault() is Heading && right!.FirstOrDefault() is Heading;
                return new Slide(comparison ? SlideLayout.Comparison : SlideLayout.TwoContent, title)
                { Body = body.Concat(left).ToList(), Right = right!, Notes = notes };
            }
            // A picture with words beside it is a captioned picture; a picture alone gets the whole content area.
            if (picture is not null)
                return new Slide(body.Count > 0 ? SlideLayout.ContentWithCaption : SlideLayout.TitleAndContent, title) { Body = body, Picture = picture, Notes = notes };
            if (title.Length == 0 && body.Count == 0)
                return new Slide(SlideLayout.Blank, title) { Notes = notes };
            return new Slide(SlideLayout.TitleAndContent, title) { Body = body, Notes = notes };
        }
    }
}
