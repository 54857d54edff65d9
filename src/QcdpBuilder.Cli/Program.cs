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
root.Subcommands.Add(TemplatesCommand.Create());
// An exception on a background thread (a watcher, the preview server) would otherwise end the process with a
// stack trace: say it in one line instead, as for the command's own thread.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (e.ExceptionObject is Exception ex and not OutOfMemoryException) Environment.Exit(Backstop.Report(ex));
};
try
{
    var parsed = root.Parse(args);
    // A command line that cannot be parsed is exit code 2 (System.CommandLine's own is 1, which means "the content has errors").
    if (parsed.Errors.Count > 0) { parsed.Invoke(); return 2; }
    return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // The last resort, never the plan: every input problem is meant to be a located diagnostic. If one is not,
    // say what failed in one line (no stack trace for the user to wade through) and exit 1.
    return Backstop.Report(e);
}

