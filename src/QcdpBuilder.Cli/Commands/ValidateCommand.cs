using System.CommandLine;
using QcdpBuilder.Build;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp validate</c>: checks everything a build would, and writes nothing.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", "Check the content and templates for errors and warnings without writing anything");
        command.Options.Add(CommonOptions.Org);
        var strict = new Option<bool>("--strict") { Description = "Treat warnings as errors (exit code 1 if there are any)" };
        command.Options.Add(CommonOptions.ProblemFormat);
        command.Options.Add(strict);
        command.SetAction(parse =>
        {
            var report = new Report(parse.GetValue(CommonOptions.ProblemFormat)!);
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var options = new BuildOptions(root) { Profile = CommonOptions.Organisation(parse.GetValue(CommonOptions.Org)), Write = false };
            var result = PackageBuilder.Run(options);
            if (parse.GetValue(strict)) result.Diagnostics.PromoteWarnings();
            return report.Finish(result, root, writes: false);
        });
        return command;
    }
}
