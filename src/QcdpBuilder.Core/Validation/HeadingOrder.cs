using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;

namespace QcdpBuilder.Validation;

/// <summary>
/// Headings must not skip levels (rule QCDP406): screen readers and the navigation pane use
/// them as an outline, and a jump from ## to #### leaves a hole in it. The document's title
/// (from front matter) is level 1, so a handout's own headings start at ##.
/// </summary>
public static class HeadingOrder
{
    public static void Check(IReadOnlyList<Block> blocks, string file, DiagnosticBag diagnostics)
    {
        var previous = 1;
        foreach (var h in Headings(blocks))
        {
            if (h.Level > previous + 1)
                diagnostics.Report(Rules.HeadingLevels, new SourceSpan(file, Math.Max(1, h.Line), 1),
                    $"heading '{h.Text}' is level {h.Level} ({new string('#', h.Level)}) but the heading before it is level {previous}",
                    $"make it level {previous + 1} ({new string('#', previous + 1)}): headings go down one level at a time; the document's title is level 1");
            previous = h.Level;
        }
    }

    static IEnumerable<Heading> Headings(IEnumerable<Block> blocks)
    {
        foreach (var b in blocks)
        {
            if (b is Heading h) yield return h;
            else if (b is Div d) foreach (var inner in Headings(d.Blocks)) yield return inner;
            else if (b is Quote q) foreach (var inner in Headings(q.Blocks)) yield return inner;
        }
    }
}
