using QcdpBuilder.Evaluation;

namespace QcdpBuilder.Tests.Evaluation;

/// <summary>The run-chart rules on textbook cases (Perla, Provost and Murray 2011).</summary>
public class RunChartTests
{
    static RunChartAnalysis A(params double[] v) => RunChart.Analyse(v);

    [Fact]
    public void Six_points_on_one_side_make_a_shift_and_five_do_not()
    {
        // Median 5: six points below (1–6), then six above.
        var six = A(4, 3, 4, 2, 3, 4, 7, 8, 6, 7, 8, 9);
        Assert.Equal(5.0, six.Median);
        var shifts = six.Signals.Where(s => s.Kind == SignalKind.Shift).ToList();
        Assert.Equal(2, shifts.Count);
        Assert.Equal((0, 5, "below", 6), (shifts[0].First, shifts[0].Last, shifts[0].Direction, shifts[0].Length));
        Assert.Equal((6, 11, "above", 6), (shifts[1].First, shifts[1].Last, shifts[1].Direction, shifts[1].Length));

        // Five below, then alternating: no shift.
        var five = A(1, 2, 1, 2, 1, 9, 1, 9, 8, 9, 8, 9);
        Assert.DoesNotContain(five.Signals, s => s.Kind == SignalKind.Shift);
    }

    [Fact]
    public void A_point_on_the_median_neither_counts_towards_a_shift_nor_breaks_it()
    {
        // Median 10 (the 7th of 13 values is 10). Points 1-3 below, point 4 on the median, points 5-7 below:
        // six counting points, so a shift of 6 from the first to the seventh point.
        double[] v = [8, 7, 9, 10, 8, 9, 7, 12, 11, 13, 10, 12, 14];
        var a = A(v);
        Assert.Equal(10.0, a.Median);
        var shift = Assert.Single(a.Signals, s => s.Kind == SignalKind.Shift && s.Direction == "below");
        Assert.Equal((0, 6, 6), (shift.First, shift.Last, shift.Length));

        // The same points with the median point removed still make only six: it did not add one.
        // And replacing it by a point above the median breaks the shift into 3 + 3.
        double[] broken = [8, 7, 9, 12, 8, 9, 7, 12, 11, 13, 10, 12, 14];
        Assert.DoesNotContain(A(broken).Signals, s => s.Kind == SignalKind.Shift && s.Direction == "below");
    }

    [Fact]
    public void A_repeated_value_neither_adds_to_a_trend_nor_breaks_it()
    {
        // 1, 2, 3, 3, 4, 5 rises through five distinct values: a trend of 5 (the repeated 3 counts once).
        var a = A(5, 1, 2, 3, 3, 4, 5, 2, 6, 1, 7, 2);
        var trend = Assert.Single(a.Signals, s => s.Kind == SignalKind.Trend);
        Assert.Equal(("up", 5), (trend.Direction, trend.Length));
        Assert.Equal((1, 6), (trend.First, trend.Last));

        // Four distinct rising values with a repeat are only four: no trend, even though six points are involved.
        var b = A(5, 1, 2, 2, 3, 3, 4, 1, 6, 1, 7, 2);
        Assert.DoesNotContain(b.Signals, s => s.Kind == SignalKind.Trend);
    }

    [Fact]
    public void Falling_trend_of_five_is_found_and_a_fall_of_four_is_not()
    {
        Assert.Contains(A(9, 8, 7, 6, 5, 9, 2, 8, 3, 7, 4, 6).Signals, s => s is { Kind: SignalKind.Trend, Direction: "down", Length: 5, First: 0, Last: 4 });
        Assert.DoesNotContain(A(9, 8, 7, 6, 9, 2, 8, 3, 7, 4, 6, 5).Signals, s => s.Kind == SignalKind.Trend);
    }

    [Fact]
    public void Runs_are_judged_against_the_table_at_both_limits()
    {
        var limits = RunsTable.For(14)!.Value;           // 14 useful observations
        // Too few: exactly one run fewer than the lower limit is a signal; the lower limit itself is not.
        Assert.Contains(A(Series(14, limits.Lower - 1)).Signals, s => s.Kind == SignalKind.TooFewRuns);
        var atLower = A(Series(14, limits.Lower));
        Assert.Equal(limits.Lower, atLower.Runs);
        Assert.DoesNotContain(atLower.Signals, s => s.Kind is SignalKind.TooFewRuns or SignalKind.TooManyRuns);
        // Too many: the upper limit is not a signal; one more is.
        var atUpper = A(Series(14, limits.Upper));
        Assert.Equal(limits.Upper, atUpper.Runs);
        Assert.DoesNotContain(atUpper.Signals, s => s.Kind is SignalKind.TooFewRuns or SignalKind.TooManyRuns);
        Assert.Contains(A(Series(14, limits.Upper + 1)).Signals, s => s.Kind == SignalKind.TooManyRuns);
    }

    /// <summary>n points, half above and half below a median of 50, arranged into exactly <paramref name="runs"/> runs.</summary>
    static double[] Series(int n, int runs)
    {
        // Runs alternate below/above; spread the points over them as evenly as each side allows.
        var below = (runs + 1) / 2; var above = runs / 2;
        var sizes = new List<int>();
        int lowLeft = n / 2, highLeft = n / 2;
        for (var r = 0; r < runs; r++)
        {
            var isLow = r % 2 == 0;
            var remainingRuns = isLow ? below-- : above--;
            var left = isLow ? lowLeft : highLeft;
            var size = (int)Math.Ceiling(left / (double)remainingRuns);
            if (isLow) lowLeft -= size; else highLeft -= size;
            sizes.Add(size);
        }
        var v = new List<double>();
        var k = 0;
        for (var r = 0; r < runs; r++)
            for (var i = 0; i < sizes[r]; i++) v.Add(r % 2 == 0 ? 40 - (k++ % 3) : 60 + (k++ % 3));
        Assert.Equal(n, v.Count);
        return [.. v];
    }

    [Fact]
    public void Fewer_than_ten_points_get_no_signals()
    {
        var a = A(1, 2, 3, 4, 5, 6, 7, 8, 9);   // a rise that would be a trend with more data
        Assert.False(a.EnoughData);
        Assert.Empty(a.Signals);
        Assert.True(A(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).EnoughData);
    }

    [Fact]
    public void Runs_table_matches_the_exact_Swed_Eisenhart_distribution()
    {
        Assert.Equal(51, RunsTable.All.Count);
        foreach (var row in RunsTable.All)
        {
            int m = row.Useful / 2, n = row.Useful - m;
            var p = Distribution(m, n);
            // The lower limit: fewer runs than it happen by chance at most 2.5% of the time, and it is the largest such.
            Assert.True(p.Where(x => x.Key < row.Lower).Sum(x => x.Value) <= 0.025, $"lower {row.Useful}");
            Assert.True(p.Where(x => x.Key <= row.Lower).Sum(x => x.Value) > 0.025, $"lower {row.Useful} not the largest");
            Assert.True(p.Where(x => x.Key > row.Upper).Sum(x => x.Value) <= 0.025, $"upper {row.Useful}");
            Assert.True(p.Where(x => x.Key >= row.Upper).Sum(x => x.Value) > 0.025, $"upper {row.Useful} not the smallest");
        }
    }

    /// <summary>P(R = r) for m points of one kind and n of the other in random order (Swed and Eisenhart 1943).</summary>
    static Dictionary<int, double> Distribution(int m, int n)
    {
        static double C(int a, int b) => b < 0 || b > a ? 0 : Enumerable.Range(1, b).Aggregate(1.0, (acc, i) => acc * (a - b + i) / i);
        var total = C(m + n, m);
        var p = new Dictionary<int, double>();
        for (var r = 2; r <= m + n; r++)
        {
            double ways;
            if (r % 2 == 0) { var k = r / 2; ways = 2 * C(m - 1, k - 1) * C(n - 1, k - 1); }
            else { var k = (r - 1) / 2; ways = C(m - 1, k) * C(n - 1, k - 1) + C(m - 1, k - 1) * C(n - 1, k); }
            p[r] = ways / total;
        }
        return p;
    }
}
