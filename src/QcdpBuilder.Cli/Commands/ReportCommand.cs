using QcdpBuilder.Reports;
using System.CommandLine;
using QcdpBuilder.Build;
using QcdpBuilder.Evaluation;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp report --data &lt;workbook.xlsx | CSV folder&gt;</c>: the evaluation report with run charts.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The completed measures workbook (.xlsx) or a folder of <measure id>.csv files", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write evaluation-report.docx and .pdf (default: output/<organisation slug>/report)" };
        var command = new Command("report", "Apply the run-chart rules to completed evaluation data and write the evaluation report (DOCX and PDF) with a run chart per measure");
        command.Options.Add(data);
        command.Options.Add(CommonOptions.Org);
        command.Options.Add(output);
        var force = CommonOptions.Force();
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var report = new Report(CommonOptions.AutoProblemFormat);
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var result = ReportRunner.Run(new ReportOptions(root, CommonOptions.FullPath(parse.GetValue(data))!)
            {
                Org = CommonOptions.Organisation(parse.GetValue(CommonOptions.Org)),
                OutputDir = CommonOptions.FullPath(parse.GetValue(output)),
                Force = parse.GetValue(force),
            });
            var code = report.Finish(new BuildResult(result.Diagnostics, null, []), root, quiet: true);
            foreach (var f in result.Files) Console.WriteLine($"Wrote {Path.GetRelativePath(Environment.CurrentDirectory, f)}");
            return code;
        });
        return command;
    }
}
