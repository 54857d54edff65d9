using System.CommandLine;
using QcdpBuilder.Build;
using Spectre.Console;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp benchmark</c>: times the PDF outputs of one workstream and the whole package.</summary>
public static class BenchmarkCommand
{
    public static Command Create()
    {
        var workstream = new Option<string>("--workstream") { Description = "Workstream folder to time", DefaultValueFactory = _ => "05-coaching-skills" };
        var runs = new Option<int>("--runs") { Description = "How many times to run each step (the minimum and median are reported)", DefaultValueFactory = _ => 3 };
        var command = new Command("benchmark", "Time the PDF outputs of one workstream and the whole package (nothing is written)");
        command.Options.Add(workstream);
        command.Options.Add(runs);
        command.SetAction(parse =>
        {
            var report = new Report(CommonOptions.AutoProblemFormat);
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var results = Benchmark.Run(new BuildOptions(root), parse.GetValue(workstream)!, parse.GetValue(runs));
            var table = new Table().AddColumn("Step").AddColumn(new TableColumn("Files").RightAligned())
                .AddColumn(new TableColumn("MB").RightAligned()).AddColumn(new TableColumn("Min ms").RightAligned()).AddColumn(new TableColumn("Median ms").RightAligned());
            foreach (var r in results)
                table.AddRow(Markup.Escape(r.What), r.Files.ToString(), (r.Bytes / 1048576.0).ToString("N1"), r.MinMs.ToString("N0"), r.MedianMs.ToString("N0"));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
