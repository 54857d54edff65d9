using System.Globalization;
using QcdpBuilder.Packaging;

namespace QcdpBuilder.Evaluation;

/// <summary>The limits on the number of runs for one number of useful observations: fewer than Lower or more than Upper is a signal.</summary>
public readonly record struct RunsLimits(int Useful, int Lower, int Upper);

/// <summary>
/// The runs table for 10–60 useful observations (points not on the median), kept as data in
/// <c>Assets/Evaluation/runs-table.csv</c> with its source: Perla, Provost and Murray (2011), Table 1,
/// after Swed and Eisenhart (1943).
/// </summary>
public static class RunsTable
{
    public const int MinUseful = 10, MaxUseful = 60;
    static readonly Lazy<IReadOnlyDictionary<int, RunsLimits>> Rows = new(Load);

    public static IReadOnlyCollection<RunsLimits> All => Rows.Value.Values.OrderBy(r => r.Useful).ToList();

    /// <summary>The limits for <paramref name="useful"/> observations, or null outside the table (fewer than 10 or more than 60).</summary>
    public static RunsLimits? For(int useful) => Rows.Value.TryGetValue(useful, out var r) ? r : null;

    static IReadOnlyDictionary<int, RunsLimits> Load()
    {
        var rows = new Dictionary<int, RunsLimits>();
        foreach (var line in Assets.Text("Evaluation/runs-table.csv").Split('\n'))
        {
            var t = line.Trim();
            if (t.Length == 0 || t.StartsWith('#') || t.StartsWith("useful", StringComparison.Ordinal)) continue;
            var f = t.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            rows[f[0]] = new RunsLimits(f[0], f[1], f[2]);
        }
        return rows;
    }
}
