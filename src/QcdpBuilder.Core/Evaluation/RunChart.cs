namespace QcdpBuilder.Evaluation;

/// <summary>The run-chart signals (Perla, Provost and Murray 2011). Astronomical points are deliberately absent: they are a matter of judgement.</summary>
public enum SignalKind { Shift, Trend, TooFewRuns, TooManyRuns }

/// <summary>
/// One signal: its kind, the first and last point it covers (0-based indexes into the data) and its
/// direction ("above"/"below" the median for a shift, "up"/"down" for a trend). <see cref="Length"/> is
/// the number of points that count (points on the median in a shift, and repeated values in a trend, do not).
/// </summary>
public sealed record Signal(SignalKind Kind, int First, int Last, string Direction, int Length);

/// <summary>The result of applying the run-chart rules to a series.</summary>
public sealed record RunChartAnalysis(IReadOnlyList<double> Values, double Median, int Useful, int Runs, RunsLimits? Limits, IReadOnlyList<Signal> Signals)
{
    /// <summary>False below <see cref="RunChart.MinimumPoints"/>: the rules are not applied.</summary>
    public bool EnoughData => Values.Count >= RunChart.MinimumPoints;
}

/// <summary>
/// The four run-chart rules, as taught in session 2.3 and the rules card:
/// <list type="bullet">
/// <item>Shift: six or more consecutive points all above or all below the median. Points on the median are
/// skipped: they neither add to the shift nor break it.</item>
/// <item>Trend: five or more consecutive points all going up or all going down. When neighbouring values are
/// equal only one of them counts: a repeated value neither adds to the trend nor breaks it.</item>
/// <item>Runs: the number of runs (crossings of the median plus one, ignoring points on it) outside the limits
/// of the <see cref="RunsTable"/> for the number of useful observations.</item>
/// <item>Astronomical point: not computed; whether a point is obviously different is a judgement for people
/// who know the process.</item>
/// </list>
/// </summary>
public static class RunChart
{
    public const int MinimumPoints = 10, ShiftLength = 6, TrendLength = 5;

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>Which side of the median a value is on: +1 above, −1 below, 0 on it (to within rounding).</summary>
    public static int Side(double value, double median) => Math.Abs(value - median) <= 1e-9 * Math.Max(1, Math.Abs(median)) ? 0 : Math.Sign(value - median);

    public static RunChartAnalysis Analyse(IReadOnlyList<double> values)
    {
        var median = Median(values);
        var useful = values.Count(v => Side(v, median) != 0);
        var runs = CountRuns(values, median);
        var limits = RunsTable.For(useful);
        if (values.Count < MinimumPoints) return new RunChartAnalysis(values, median, useful, runs, limits, []);

        var signals = new List<Signal>();
        signals.AddRange(Shifts(values, median));
        signals.AddRange(Trends(values));
        if (limits is { } l)
        {
            if (runs < l.Lower) signals.Add(new Signal(SignalKind.TooFewRuns, 0, values.Count - 1, "", runs));
            if (runs > l.Upper) signals.Add(new Signal(SignalKind.TooManyRuns, 0, values.Count - 1, "", runs));
        }
        return new RunChartAnalysis(values, median, useful, runs, limits, signals);
    }

    /// <summary>Runs among the points not on the median: one more than the number of times the side changes.</summary>
    public static int CountRuns(IReadOnlyList<double> values, double median)
    {
        var sides = values.Select(v => Side(v, median)).Where(s => s != 0).ToList();
        if (sides.Count == 0) return 0;
        return 1 + sides.Zip(sides.Skip(1)).Count(p => p.First != p.Second);
    }

    public static IEnumerable<Signal> Shifts(IReadOnlyList<double> values, double median)
    {
        int side = 0, count = 0, first = -1, last = -1;
        var found = new List<Signal>();
        void Close()
        {
            if (count >= ShiftLength) found.Add(new Signal(SignalKind.Shift, first, last, side > 0 ? "above" : "below", count));
        }
        for (var i = 0; i < values.Count; i++)
        {
            var s = Side(values[i], median);
            if (s == 0) continue;                   // on the median: neither counts nor breaks
            if (s != side) { Close(); side = s; count = 0; first = i; }
            count++; last = i;
        }
        Close();
        return found;
    }

    public static IEnumerable<Signal> Trends(IReadOnlyList<double> values)
    {
        // Collapse repeated neighbours to one point (keeping where each value first and last occurs).
        var points = new List<(double Value, int First, int Last)>();
        for (var i = 0; i < values.Count; i++)
        {
            if (points.Count > 0 && values[i] == points[^1].Value) points[^1] = points[^1] with { Last = i };
            else points.Add((values[i], i, i));
        }
        var found = new List<Signal>();
        int start = 0, dir = 0;
        void Close(int end)
        {
            var length = end - start + 1;
            if (dir != 0 && length >= TrendLength) found.Add(new Signal(SignalKind.Trend, points[start].Last, points[end].First, dir > 0 ? "up" : "down", length));
        }
        for (var i = 1; i < points.Count; i++)
        {
            var d = Math.Sign(points[i].Value - points[i - 1].Value);
            if (d != dir)
            {
                Close(i - 1);
                start = i - 1; dir = d;
            }
        }
        Close(points.Count - 1);
        return found;
    }
}
