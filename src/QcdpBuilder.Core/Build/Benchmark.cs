using System.Diagnostics;

namespace QcdpBuilder.Build;

/// <summary>One measured step: how many files, and the fastest and median wall time over the runs.</summary>
public sealed record BenchmarkResult(string What, int Files, long Bytes, double MinMs, double MedianMs);

/// <summary>
/// Times rendering from a single plan (loading and parsing are measured once, separately), so the
/// numbers say what the writers cost. Performance is measured here, never asserted in a test.
/// </summary>
public static class Benchmark
{
    public static IReadOnlyList<BenchmarkResult> Run(BuildOptions options, string workstreamFolder, int runs)
    {
        var results = new List<BenchmarkResult>();
        BuildPlan? plan = null;
        results.Add(Time("load and parse everything", runs, () => plan = PackageBuilder.Plan(options), () => (0, 0)));
        if (plan!.Diagnostics.HasErrors || plan.Programme is null) throw new InvalidOperationException("the content has errors; run qcdp validate");
        var ws = plan.Programme.Workstreams.FirstOrDefault(w => w.Folder == workstreamFolder)
            ?? throw new ArgumentException($"no workstream folder '{workstreamFolder}'; try one of: {string.Join(", ", plan.Programme.Workstreams.Select(w => w.Folder))}");

        var sources = ws.Sessions.Select(s => Path.GetRelativePath(Path.GetFullPath(options.Root), s.SlidesFile).Replace('\\', '/'))
            .Concat([ws.File])
            .Concat(plan.Programme.Handouts.Where(h => h.File.Contains(Path.DirectorySeparatorChar + ws.Folder + Path.DirectorySeparatorChar)).Select(h => Path.GetRelativePath(Path.GetFullPath(options.Root), h.File).Replace('\\', '/')))
            .ToHashSet();
        var workstreamPdfs = plan.Artefacts.Where(a => a.Path.EndsWith(".pdf") && sources.Contains(a.Source)).ToList();
        results.Add(Render($"all PDFs of {ws.Folder}", workstreamPdfs, runs));
        results.Add(Render("all PDFs of the package", plan.Artefacts.Where(a => a.Path.EndsWith(".pdf")).ToList(), runs));
        results.Add(Render("whole package (all kinds)", plan.Artefacts, runs));
        return results;
    }

    static BenchmarkResult Render(string what, IReadOnlyList<Artefact> artefacts, int runs)
    {
        long bytes = 0;
        return Time(what, runs, () => bytes = artefacts.Sum(a => (long)a.Render().Length), () => (artefacts.Count, bytes));
    }

    static BenchmarkResult Time(string what, int runs, Action action, Func<(int Files, long Bytes)> size)
    {
        var times = new List<double>();
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var (files, bytes) = size();
        return new BenchmarkResult(what, files, bytes, times[0], times[times.Count / 2]);
    }
}
