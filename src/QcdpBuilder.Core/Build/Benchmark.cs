using System.Diagnostics;
using System.Text.RegularExpressions;

namespace QcdpBuilder.Build;

/// <summary>One measured step: how many files, the fastest and median wall time over the runs, and the least CPU time (all threads) a run took.</summary>
public sealed record BenchmarkResult(string What, int Files, long Bytes, double MinMs, double MedianMs, double MinCpuMs = 0);

/// <summary>
/// Times rendering from a single plan (loading and parsing are measured once, separately), so the
/// numbers say what the writers cost. Performance is measured here, never asserted in a test.
/// </summary>
public static class Benchmark
{
    /// <summary>
    /// Load and parse; each kind of output on one thread (where the time goes); the whole package on one
    /// thread and on every core; and one workstream's PDFs.
    /// </summary>
    public static IReadOnlyList<BenchmarkResult> Run(BuildOptions options, string workstreamFolder, int runs)
    {
        var results = new List<BenchmarkResult>();
        BuildPlan? plan = null;
        results.Add(Time("load and parse everything", runs, () => plan = PackageBuilder.Plan(options), () => (0, 0)));
        if (plan!.Diagnostics.HasErrors || plan.Programme is null) throw new InvalidOperationException("the content has errors; run qcdp validate");
        var ws = plan.Programme.Workstreams.FirstOrDefault(w => w.Folder == workstreamFolder)
            ?? throw new ArgumentException($"no workstream folder '{workstreamFolder}'; try one of: {string.Join(", ", plan.Programme.Workstreams.Select(w => w.Folder))}");

        // Warm up once (JIT, font and picture caches), so each kind below is measured at steady state.
        Render("warm-up", plan.Artefacts, 1, parallel: true);
        foreach (var kind in plan.Artefacts.GroupBy(KindOf).OrderBy(g => g.Key, StringComparer.Ordinal))
            results.Add(Render($"  {kind.Key}", kind.ToList(), runs, parallel: false));

        var sources = ws.Sessions.Select(s => Path.GetRelativePath(Path.GetFullPath(options.Root), s.SlidesFile).Replace('\\', '/'))
            .Concat([ws.File])
            .Concat(plan.Programme.Handouts.Where(h => h.File.Contains(Path.DirectorySeparatorChar + ws.Folder + Path.DirectorySeparatorChar)).Select(h => Path.GetRelativePath(Path.GetFullPath(options.Root), h.File).Replace('\\', '/')))
            .ToHashSet();
        var workstreamPdfs = plan.Artefacts.Where(a => a.Path.EndsWith(".pdf") && sources.Contains(a.Source)).ToList();
        results.Add(Render($"all PDFs of {ws.Folder}, one thread", workstreamPdfs, runs, parallel: false));
        results.Add(Render("all PDFs of the package, one thread", plan.Artefacts.Where(a => a.Path.EndsWith(".pdf")).ToList(), runs, parallel: false));
        results.Add(Render("whole package, one thread", plan.Artefacts, runs, parallel: false));
        results.Add(Render($"whole package, {Environment.ProcessorCount} cores", plan.Artefacts, runs, parallel: true));
        return results;
    }

    /// <summary>
    /// A faculty building for many organisations at once: <paramref name="count"/> variants of the profile
    /// (own name, slug and colours) are planned and rendered in one process, all on every core, and compared
    /// with one organisation on one thread. Profiles are written to a temporary folder, nothing else.
    /// </summary>
    public static IReadOnlyList<BenchmarkResult> Organisations(BuildOptions options, int count, int runs)
    {
        var root = Path.GetFullPath(options.Root);
        var profile = QcdpBuilder.Organisations.OrganisationFolders.Resolve(root, options.Profile, new Diagnostics.DiagnosticBag())
            ?? throw new InvalidOperationException("no organisation to build for; pass --org");
        var temp = Path.Combine(Path.GetTempPath(), "qcdp-bench-orgs-" + Environment.ProcessId);
        try
        {
            var profiles = WriteVariants(profile, temp, count);
            var plans = profiles.Select(p => PackageBuilder.Plan(options with { Profile = p })).ToList();
            foreach (var d in plans.SelectMany(p => p.Diagnostics.Items).Where(d => d.Severity == Diagnostics.Severity.Error).Take(5)) Console.Error.WriteLine(d);
            if (plans.Any(p => p.Diagnostics.HasErrors)) throw new InvalidOperationException("a profile variant has errors; run qcdp validate");
            var all = plans.SelectMany(p => p.Artefacts).ToList();
            Render("warm-up", plans[0].Artefacts, 1, parallel: true);
            return
            [
                Render("1 organisation, one thread", plans[0].Artefacts, runs, parallel: false),
                Render($"1 organisation, {Environment.ProcessorCount} cores", plans[0].Artefacts, runs, parallel: true),
                Render($"{count} organisations, {Environment.ProcessorCount} cores", all, runs, parallel: true),
            ];
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Copies the organisation's folder <paramref name="count"/> times, each profile with its own name, slug and primary colour.</summary>
    static List<string> WriteVariants(string profile, string folder, int count)
    {
        var text = File.ReadAllText(profile);
        var list = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var dir = Path.Combine(folder, $"org-{i:D2}");
            Copy(Path.GetDirectoryName(profile)!, dir);
            var variant = Regex.Replace(text, @"^name: (.*)$", $"name: Benchmark Trust {i:D2}", RegexOptions.Multiline);
            variant = Regex.Replace(variant, @"^slug: .*$", $"slug: benchmark-{i:D2}", RegexOptions.Multiline);
            variant = Regex.Replace(variant, @"^(\s+primary:\s*)""#[0-9A-Fa-f]{6}""", m => $"{m.Groups[1].Value}\"#{0x10 * i:X2}5EB8\"", RegexOptions.Multiline);
            var path = Path.Combine(dir, "organisation.yaml");
            File.WriteAllText(path, variant);
            list.Add(path);
        }
        return list;
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)), overwrite: true);
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    /// <summary>"pdf slides", "docx handout": the format and what the file is for.</summary>
    static string KindOf(Artefact a) => $"{Path.GetExtension(a.Path).TrimStart('.')} {a.Kind}";

    static BenchmarkResult Render(string what, IReadOnlyList<Artefact> artefacts, int runs, bool parallel)
    {
        long bytes = 0;
        return Time(what, runs, () => bytes = parallel
            ? ParallelRender.All(artefacts, write: (_, _, _) => { }).Sum(r => r.Error is null ? r.Length : throw new InvalidOperationException($"{r.Artefact.Path}: {r.Error.Message}"))
            : artefacts.Sum(a => (long)a.Render().Length), () => (artefacts.Count, bytes));
    }

    static BenchmarkResult Time(string what, int runs, Action action, Func<(int Files, long Bytes)> size)
    {
        var times = new List<double>();
        var cpu = double.MaxValue;
        // CPU time as well as wall time: on a shared machine wall time measures the neighbours too.
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        times.Sort();
        var (files, bytes) = size();
        return new BenchmarkResult(what, files, bytes, times[0], times[times.Count / 2], cpu);
    }
}
