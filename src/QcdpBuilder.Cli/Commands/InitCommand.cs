using System.CommandLine;
using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Organisations;
using QcdpBuilder.Scaffolding;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp init &lt;slug&gt;</c>: scaffolds a new organisation's profile and overlay folders; never overwrites.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var slug = new Argument<string>("slug") { Description = "The new organisation's slug: lower-case letters, digits and hyphens (its folder and output folder)" };
        var name = new Option<string?>("--name") { Description = "The organisation's full name (default: made from the slug)" };
        var command = new Command("init", "Create organisations/<slug>/ with a commented organisation.yaml and empty content/ and templates/ overlays (never overwrites)");
        command.Arguments.Add(slug);
        command.Options.Add(name);
        command.SetAction(parse =>
        {
            var report = new Report(CommonOptions.AutoProblemFormat);
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var diagnostics = new DiagnosticBag();
            var written = Scaffold.Organisation(root, parse.GetValue(slug)!, parse.GetValue(name), diagnostics);
            if (written is null) return report.Finish(new BuildResult(diagnostics, null, []), root);
            foreach (var file in written) Console.WriteLine($"Created {file}");
            Console.WriteLine($"Next: edit organisations/{parse.GetValue(slug)}/organisation.yaml, then run: qcdp validate --org {parse.GetValue(slug)}");
            return 0;
        });
        return command;
    }
}
