using System.CommandLine;
using QcdpBuilder.Build;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp build</c>: writes the whole package for an organisation.</summary>
public static class BuildCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Where to write the package (default: output/<organisation slug>)" };
        var format = new Option<string>("--format") { Description = "What to write: package (default) or html (the package plus a website of it in site/)", DefaultValueFactory = _ => "package" };
        format.AcceptOnlyFromAmong("package", "html");
        var command = new Command("build", "Build the complete course package (slides, guides, handouts, contract, programme documents) into output/<organisation>/");
        command.Options.Add(CommonOptions.Org);
        command.Options.Add(output);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var report = new Report(CommonOptions.AutoProblemFormat);
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var options = new BuildOptions(root) { Profile = CommonOptions.Organisation(parse.GetValue(CommonOptions.Org)), OutputDir = CommonOptions.FullPath(parse.GetValue(output)), Site = parse.GetValue(format) == "html" };
            var result = report.WithProgress("Building", progress => PackageBuilder.Run(options, progress));
            return report.Finish(result, root);
        });
        return command;
    }
}
