using System.Globalization;
using QcdpBuilder.Documents;

namespace QcdpBuilder.Evaluation;

/// <summary>
/// The evaluation report: for each measure with data, a run chart drawn by our writers with every signal
/// annotated, a one-paragraph plain-English reading, and the data. Measures without data are listed at the end.
/// </summary>
public static class EvaluationReport
{
    public static Document Build(IReadOnlyList<MeasureSeries> data, EvaluationDefinition e, string organisation, string programme, string source)
    {
        static IReadOnlyList<Inline> T(string s) => Inlines.Plain(s);
        var blocks = new List<Block>
        {
            new Paragraph(T($"This report applies the run-chart rules to the evaluation measures of the {programme} at {organisation}, from the data in {source}. " +
                "Each chart plots the measure in time order against its median (the dashed line); shaded stretches mark signals of non-random variation.")),
            new Heading(2, T("How the charts are read"), "how-read"),
            new ListBlock(false, 1,
            [
                Item("Shift: six or more consecutive points all above or all below the median. Points exactly on the median are skipped: they neither count towards a shift nor break it."),
                Item("Trend: five or more consecutive points all going up or all going down. When two neighbouring values are the same, only one of them counts; a repeated value neither adds to a trend nor breaks it."),
                Item($"Runs: a run is a series of points on one side of the median. Too few or too many runs, for the number of points not on the median, signal non-random variation; the limits come from the runs table for {RunsTable.MinUseful} to {RunsTable.MaxUseful} useful observations (Perla, Provost and Murray 2011, Table 1, after Swed and Eisenhart 1943)."),
                Item("Astronomical point: not marked by this report. Whether a point is obviously different from all the others is a judgement for the people who know the process; look at each chart and ask."),
                Item($"The rules need at least {RunChart.MinimumPoints} points; with fewer, the chart is shown but not judged. These are run-chart rules (Perla, Provost and Murray 2011), not SPC rules."),
            ]),
        };
        var empty = new List<Measure>();
        foreach (var m in e.Measures)
        {
            var series = data.FirstOrDefault(s => s.Measure == m);
            if (series is null || series.Points.Count == 0) { empty.Add(m); continue; }
            var values = series.Points.Select(p => p.Value).ToList();
            var a = RunChart.Analyse(values);
            // One measure per page: its chart, reading and data read together.
            blocks.Add(new PageBreak());
            blocks.Add(new Heading(2, T($"{m.Number}. {m.Title}"), $"measure-{m.Id}"));
            blocks.Add(new Paragraph([new Run($"{Capital(m.TypeText)} measure. ", Bold: true), new Run($"{m.Definition} Numerator: {Lower(m.Numerator)} Denominator: {Lower(m.Denominator)}")]));
            blocks.Add(Chart(m, series, a));
            blocks.Add(new Paragraph([new Run("Reading. ", Bold: true), new Run(Reading(m, series, a))]));
            blocks.Add(DataTable(m, series));
        }
        if (empty.Count > 0)
        {
            blocks.Add(new Heading(2, T("Measures with no data yet"), "no-data"));
            blocks.Add(new ListBlock(false, 1, empty.Select(m => Item($"{m.Number}. {m.Title} ({m.Frequency.ToLowerInvariant()})")).ToList()));
        }
        return new Document($"Evaluation report: {organisation}", blocks) { Subtitle = programme };
    }

    static ListItem Item(string text) => new([new Paragraph(Inlines.Plain(text))]);
    static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    public static string Format(Measure m, double v) => m.IsPercent
        ? (v * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%"
        : v.ToString("0.00", CultureInfo.InvariantCulture);

    static ChartBlock Chart(Measure m, MeasureSeries s, RunChartAnalysis a)
    {
        var highlights = a.Signals.Where(x => x.Kind is SignalKind.Shift or SignalKind.Trend)
            .Select(x => new ChartHighlight(x.First, x.Last, Label(x))).ToList();
        var alt = $"Run chart of {m.Title}, {s.Points.Count} points from {s.Points[0].Period} to {s.Points[^1].Period}, median {Format(m, a.Median)}. " +
            (a.EnoughData ? (a.Signals.Count == 0 ? "No signals." : string.Join(" ", a.Signals.Select(x => Label(x) + ", " + Span(s, x) + "."))) : "Too few points to apply the rules.");
        return new ChartBlock($"{m.Number}. {m.Title}", s.Points.Select(p => p.Period).ToList(), s.Points.Select(p => p.Value).ToList(), a.Median, highlights, alt)
        {
            Percent = m.IsPercent,
            ValueName = m.IsPercent ? "Percentage" : "Mean change",
            Notes = a.Signals.Where(x => x.Kind is SignalKind.TooFewRuns or SignalKind.TooManyRuns).Select(x => Label(x) + RunsNote(x, a)).ToList(),
        };
    }

    static string Label(Signal x) => x.Kind switch
    {
        SignalKind.Shift => $"Shift: {x.Length} points {x.Direction} the median",
        SignalKind.Trend => $"Trend: {x.Length} points going {x.Direction}",
        SignalKind.TooFewRuns => $"Too few runs ({x.Length})",
        _ => $"Too many runs ({x.Length})",
    };

    static string RunsNote(Signal x, RunChartAnalysis a) => a.Limits is { } l
        ? (x.Kind == SignalKind.TooFewRuns ? $": fewer than {l.Lower} for {a.Useful} points" : $": more than {l.Upper} for {a.Useful} points")
        : "";

    static string Span(MeasureSeries s, Signal x) => $"{s.Points[x.First].Period} to {s.Points[x.Last].Period}";

    /// <summary>One paragraph in plain English: the median, each signal and what it suggests given the measure's direction.</summary>
    public static string Reading(Measure m, MeasureSeries s, RunChartAnalysis a)
    {
        var n = s.Points.Count;
        var parts = new List<string> { $"Median {Format(m, a.Median)} over {n} {(n == 1 ? "point" : "points")} ({s.Points[0].Period} to {s.Points[^1].Period})." };
        if (!a.EnoughData)
        {
            parts.Add($"A run chart needs more data: with fewer than {RunChart.MinimumPoints} points the rules cannot tell a real change from chance, so none are applied yet. Keep collecting and read the chart again when there are at least {RunChart.MinimumPoints}.");
            return string.Join(" ", parts);
        }
        var better = m.Direction == "up" ? "above" : "below";
        // A signal reaching the latest points says where the process is now; an earlier one describes the past.
        bool Recent(Signal x) => x.Last >= n - 3;
        string Shift(Signal x)
        {
            var good = x.Direction == better;
            var span = $"A shift of {x.Length} points {x.Direction} the median from {s.Points[x.First].Period} to {s.Points[x.Last].Period}";
            return Recent(x)
                ? $"{span} suggests a real {(good ? "improvement" : "deterioration")}, not chance; look at what changed just before it began."
                : $"{span} is a non-random signal: the measure ran {(x.Direction == "above" ? "higher" : "lower")} than usual then, which for this measure is {(good ? "better" : "worse")}.";
        }
        string Trend(Signal x)
        {
            var good = (x.Direction == "up") == (m.Direction == "up");
            return $"A trend of {x.Length} points going {x.Direction} from {s.Points[x.First].Period} to {s.Points[x.Last].Period} " +
                (Recent(x) ? $"suggests a real {(good ? "improvement" : "deterioration")} under way." : $"is a non-random signal of a change {(good ? "for the better" : "for the worse")} at that time.");
        }
        foreach (var x in a.Signals)
        {
            parts.Add(x.Kind switch
            {
                SignalKind.Shift => Shift(x),
                SignalKind.Trend => Trend(x),
                SignalKind.TooFewRuns => $"There are {a.Runs} runs, fewer than the {a.Limits!.Value.Lower} the runs table expects at the least for {a.Useful} points not on the median: too few runs, a sign that the process has changed over the period.",
                _ => $"There are {a.Runs} runs, more than the {a.Limits!.Value.Upper} the runs table allows for {a.Useful} points not on the median: too many runs, a sign of alternating or mixed data (for example two sources plotted together).",
            });
        }
        if (a.Signals.Count == 0)
            parts.Add($"No shift, trend or unusual number of runs ({a.Runs} runs for {a.Useful} points not on the median{(a.Limits is { } l ? $"; the table expects {l.Lower} to {l.Upper}" : "")}): the variation is consistent with chance, and the median is the best summary of current performance.");
        else if (a.Limits is null && a.Useful > RunsTable.MaxUseful)
            parts.Add($"The runs rule was not applied: the runs table stops at {RunsTable.MaxUseful} points not on the median.");
        parts.Add("Astronomical points are not marked automatically: judge from the chart whether any point is obviously different from the rest.");
        return string.Join(" ", parts);
    }

    static Table DataTable(Measure m, MeasureSeries s)
    {
        static IReadOnlyList<Inline> T(string x) => Inlines.Plain(x);
        static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        return new Table([new TableRow([T("Period"), T("Numerator"), T("Denominator"), T(m.IsPercent ? "Percentage" : "Mean"), T("Annotation")])],
            s.Points.Select(p => new TableRow([T(p.Period), T(N(p.Numerator)), T(N(p.Denominator)), T(Format(m, p.Value)), T(p.Annotation)])).ToList(),
            [Align.Left, Align.Right, Align.Right, Align.Right, Align.Left]);
    }
}
