using System.CommandLine;
using QcdpBuilder.Build;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp build</c>: writes the whole package for an organisation.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Where to write the package (default: output/<organisation slug>)" };
        var only = new Option<string?>("--only") { Description = "Build only these kinds of file, e.g. pptx,docx (the output folder then holds just those)" };
        var force = CommonOptions.Force();
        var watch = new Option<bool>("--watch") { Description = "After building, watch content/, templates/ and the organisation's folder and rebuild only what each change affects (Ctrl+C stops)" };
        var format = new Option<string>("--format") { Description = "What to write: package (default) or html (the package plus a website of it in site/)", DefaultValueFactory = _ => "package" };
        format.AcceptOnlyFromAmong("package", "html");
        var command = new Command("build", "Build the complete course package (slides, guides, handouts, contract, programme documents) into output/<organisation>/");
        command.Options.Add(CommonOptions.Org);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(only);
        command.Options.Add(watch);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var report = new Report(CommonOptions.AutoProblemFormat);
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var options = new BuildOptions(root) { Profile = CommonOptions.Organisation(parse.GetValue(CommonOptions.Org)), OutputDir = CommonOptions.FullPath(parse.GetValue(output)), Site = parse.GetValue(format) == "html", Force = parse.GetValue(force),
                Only = parse.GetValue(only)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => k.TrimStart('.').ToLowerInvariant()).ToHashSet() };
            if (options.Only?.FirstOrDefault(k => k is not ("pptx" or "docx" or "pdf" or "xlsx" or "ics")) is { } bad)
            {
                Console.Error.WriteLine($"error: --only: unknown kind '{bad}'; use pptx, docx, pdf, xlsx and/or ics, e.g. --only pptx,docx");
                return 2;
            }
            if (parse.GetValue(watch)) return Watch(report, options, root);
            var result = report.WithProgress("Building", progress => PackageBuilder.Run(options, progress));
            if (Environment.GetEnvironmentVariable("QCDP_TIMINGS") == "1") PrintTimings();
            return report.Finish(result, root);
        });
        return command;
    }

    /// <summary>QCDP_TIMINGS=1: where a build's time went (bench/README.md uses it), on standard error.</summary>
    static void PrintTimings()
    {
        var since = DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime;
        Console.Error.WriteLine($"timings: {since.TotalMilliseconds:F0} ms since the process started; GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, {GC.GetTotalAllocatedBytes() / 1048576} MB allocated");
    }

    static int Watch(Report report, BuildOptions options, string root)
    {
        IncrementalBuild? build = null;
        report.Finish(report.WithProgress("Building", progress => { var (b, r) = IncrementalBuild.Start(options, progress); build = b; return r; }), root);
        using var watcher = new Watcher(build!, (result, sinceChange) => report.Rebuilt(result, sinceChange, root));
        Console.WriteLine($"Watching {string.Join(", ", build!.Folders.Select(f => Path.GetRelativePath(root, f) + "/"))} for changes; Ctrl+C stops.");
        using var stop = new ManualResetEventSlim();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Set(); };
        stop.Wait();
        return 0;
    }
}
