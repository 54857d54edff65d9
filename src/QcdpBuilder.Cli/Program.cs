using System.CommandLine;
using QcdpBuilder.Cli.Commands;

// qcdp: builds the Quality Coach Development Programme package from content/.
// Each command is a few lines over QcdpBuilder.Core; this file only lists them.
var root = new RootCommand("QcdpBuilder: compile the Quality Coach Development Programme from content/ into a branded course package.");
root.Options.Add(CommonOptions.Root);
root.Subcommands.Add(BuildCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(BenchmarkCommand.Create());
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(PackCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(SchemaCommand.Create());
root.Subcommands.Add(NewCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
return root.Parse(args).Invoke();
