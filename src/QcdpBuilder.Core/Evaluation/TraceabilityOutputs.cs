using QcdpBuilder.Branding;
using QcdpBuilder.Content;
using QcdpBuilder.Documents;

namespace QcdpBuilder.Evaluation;

/// <summary>
/// The traceability matrix as <c>evaluation/traceability.xlsx</c> (a row per outcome with every session,
/// activity, handout and evaluation item, plus an outcome × evaluation-item grid) and as a programme
/// document (<c>programme/traceability</c>), flagging outcomes nothing teaches or nothing evaluates.
/// </summary>
public static class TraceabilityOutputs
{
    public static byte[] Workbook(IReadOnlyList<TraceRow> rows, EvaluationDefinition e, Brand brand)
    {
        var book = new XlsxWorkbook();
        var s = book.Add("Matrix");
        s.Text(1, 1, $"Traceability: learning outcomes to teaching and evaluation ({brand.OrganisationName})", XlsxStyle.Title);
        s.Text(2, 1, Summary(rows), XlsxStyle.Wrap);
        s.Merge(2, 1, 9); s.Height(2, 30);
        string[] headers = ["Outcome", "Learning outcome", "Workstream", "Sessions", "Activities", "Handouts", "Self-assessment items", "Measures", "Gap"];
        for (var i = 0; i < headers.Length; i++) s.Text(4, i + 1, headers[i], XlsxStyle.Header);
        var r = 5;
        foreach (var row in rows)
        {
            s.Text(r, 1, row.Outcome.Id, XlsxStyle.BoldCell);
            s.Text(r, 2, row.Outcome.Text, XlsxStyle.Cell);
            s.Text(r, 3, $"{row.Workstream.Number} {row.Workstream.Title}", XlsxStyle.Cell);
            s.Text(r, 4, string.Join("\n", row.Sessions.Select(x => $"{x.Id} {x.Title}")), XlsxStyle.Cell);
            s.Text(r, 5, string.Join("\n", row.Activities), XlsxStyle.Cell);
            s.Text(r, 6, string.Join("\n", row.Handouts), XlsxStyle.Cell);
            s.Text(r, 7, string.Join("\n", row.Items.Select(i => $"{i.Id} {i.Title}")), XlsxStyle.Cell);
            s.Text(r, 8, string.Join("\n", row.Measures.Select(m => $"{m.Number} {m.Title}")), XlsxStyle.Cell);
            s.Text(r, 9, row.Gap, row.Gap.Length > 0 ? XlsxStyle.Flag : XlsxStyle.Cell);
            s.Height(r, 15 * Math.Clamp(new[] { row.Activities.Count, row.Sessions.Count, row.Items.Count + 1, row.Measures.Count, row.Handouts.Count, row.Outcome.Text.Length / 38 + 1 }.Max(), 2, 40));
            r++;
        }
        s.FreezeRows = 4;
        s.Width(1, 9); s.Width(2, 44); s.Width(3, 22); s.Width(4, 30); s.Width(5, 44); s.Width(6, 28); s.Width(7, 30); s.Width(8, 22); s.Width(9, 18);

        var g = book.Add("Grid");
        g.Text(1, 1, "Which evaluation items give evidence of each outcome (x)", XlsxStyle.Title);
        g.Text(3, 1, "Outcome", XlsxStyle.Header);
        var columns = e.Items.Select(i => $"{i.Id} {i.Title}").Concat(e.Measures.Select(m => $"M{m.Number} {m.Title}")).ToList();
        for (var c = 0; c < columns.Count; c++) { g.Text(3, c + 2, columns[c], XlsxStyle.Header); g.Width(c + 2, 11); }
        g.Height(3, 75);
        r = 4;
        foreach (var row in rows)
        {
            g.Text(r, 1, row.Outcome.Id, row.Evaluated ? XlsxStyle.BoldCell : XlsxStyle.Flag);
            for (var c = 0; c < e.Items.Count; c++) g.Text(r, c + 2, row.Items.Contains(e.Items[c]) ? "x" : "", XlsxStyle.Cell);
            for (var c = 0; c < e.Measures.Count; c++) g.Text(r, c + 2 + e.Items.Count, row.Measures.Contains(e.Measures[c]) ? "x" : "", XlsxStyle.Cell);
            r++;
        }
        g.FreezeRows = 3;
        g.Width(1, 10);
        return book.ToBytes($"Traceability: {brand.OrganisationName}", brand.ProgrammeTitle, brand.BuildDate, brand.Primary.Hex, brand.Tint.Hex);
    }

    static string Summary(IReadOnlyList<TraceRow> rows)
    {
        var gaps = rows.Where(r => r.Gap.Length > 0).ToList();
        return gaps.Count == 0
            ? $"All {rows.Count} learning outcomes are taught by at least one session and evaluated by at least one self-assessment item or measure."
            : $"{gaps.Count} of {rows.Count} learning outcomes have a gap: {string.Join("; ", gaps.Select(g => $"{g.Outcome.Id} ({g.Gap})"))}.";
    }

    /// <summary>The matrix as a document for the programme guides: a table per workstream.</summary>
    public static Document Document(IReadOnlyList<TraceRow> rows, Programme p)
    {
        static IReadOnlyList<Inline> T(string s) => Inlines.Plain(s);
        var blocks = new List<Block>
        {
            new Paragraph(T("This matrix traces every learning outcome of the programme to what teaches it (the sessions that serve it and their handouts) " +
                "and to what evaluates it (items of the competency self-assessment and measures of the evaluation framework). An outcome that nothing teaches " +
                "or nothing evaluates is flagged. The workbook evaluation/traceability.xlsx holds the same matrix with every activity listed.")),
            new Paragraph([new Run(Summary(rows), Bold: true)]),
        };
        foreach (var ws in p.Workstreams)
        {
            blocks.Add(new Heading(2, T($"Workstream {ws.Number}: {ws.Title}"), $"trace-ws{ws.Number}"));
            var body = rows.Where(r => r.Workstream == ws).Select(r => new TableRow(
            [
                [new Run(r.Outcome.Id, Bold: true), new LineBreak(), new Run(r.Outcome.Text)],
                T(r.Sessions.Count == 0 ? "none" : string.Join(", ", r.Sessions.Select(s => s.Id)) + $" ({r.Activities.Count} activities)"),
                T(r.Handouts.Count == 0 ? "–" : string.Join(", ", r.Handouts)),
                T(string.Join(", ", r.Items.Select(i => $"{i.Id} {i.Title}").Concat(r.Measures.Select(m => $"measure {m.Number} {m.Title}"))) is { Length: > 0 } ev ? ev : "none"),
                r.Gap.Length > 0 ? [new Run(r.Gap, Bold: true)] : T("–"),
            ])).ToList();
            blocks.Add(new Table([new TableRow([T("Outcome"), T("Taught in"), T("Handouts"), T("Evaluated by"), T("Gap")])], body,
                [Align.Left, Align.Left, Align.Left, Align.Left, Align.Left]));
        }
        return new Document("Traceability: outcomes, teaching and evaluation", blocks) { Subtitle = p.Title };
    }
}
