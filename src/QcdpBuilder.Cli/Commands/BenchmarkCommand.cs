using System.CommandLine;
using QcdpBuilder.Build;
using Spectre.Console;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp benchmark</c>: where the build's time goes, per kind of output; or many organisations at once.</summary>
public static class BenchmarkCommand
{
    public static Command Create()
    {
        var workstream = new Option<string>("--workstream") { Description = "Workstream folder to time", DefaultValueFactory = _ => "05-coaching-skills" };
        var runs = new Option<int>("--runs") { Description = "How many times to run each step (the minimum and median are reported)", DefaultValueFactory = _ => 3 };
        var orgs = new Option<int>("--orgs") { Description = "Instead, build this many variants of the organisation in one process and report how it scales on the cores", DefaultValueFactory = _ => 0 };
        var command = new Command("benchmark", "Time loading, each kind of output and the whole package, in process (nothing is written)");
        command.Options.Add(workstream);
        command.Options.Add(runs);
        command.Options.Add(orgs);
        command.Options.Add(CommonOptions.Org);
        command.SetAction(parse =>
        {
            var report = new Report(CommonOptions.AutoProblemFormat);
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var options = new BuildOptions(root) { Profile = CommonOptions.FullPath(parse.GetValue(CommonOptions.Org)) };
            var n = parse.GetValue(orgs);
            var results = n > 0 ? Benchmark.Organisations(options, n, parse.GetValue(runs)) : Benchmark.Run(options, parse.GetValue(workstream)!, parse.GetValue(runs));
            var table = new Table().AddColumn("Step").AddColumn(new TableColumn("Files").RightAligned())
                .AddColumn(new TableColumn("MB").RightAligned()).AddColumn(new TableColumn("Min ms").RightAligned()).AddColumn(new TableColumn("Median ms").RightAligned()).AddColumn(new TableColumn("Min CPU ms").RightAligned());
            foreach (var r in results)
                table.AddRow(Markup.Escape(r.What), r.Files.ToString(), (r.Bytes / 1048576.0).ToString("N1"), r.MinMs.ToString("N0"), r.MedianMs.ToString("N0"), r.MinCpuMs.ToString("N0"));
            AnsiConsole.Write(table);
            if (n > 0)
            {
                // Ideal: n organisations take n times one organisation's single-thread time, divided by the cores. The
                // single-thread run shares the process's GC settings (the server GC slows it; compare with
                // DOTNET_gcServer=0), so the batch is also compared with one organisation on every core.
                double one = results[0].MinMs, oneAllCores = results[1].MinMs, many = results[2].MinMs, speedup = n * one / many;
                Console.WriteLine($"{n} organisations: {speedup:N2}x the throughput of one organisation on one thread on {Environment.ProcessorCount} cores (ideal {Environment.ProcessorCount}x), " +
                    $"{n * oneAllCores / many:N2}x that of one organisation at a time on every core");
            }
            return 0;
        });
        return command;
    }
}
