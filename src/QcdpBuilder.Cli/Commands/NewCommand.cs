using System.CommandLine;
using QcdpBuilder.Scaffolding;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp new session|handout</c>: scaffolds a new, valid, correctly linked file set.</summary>
public static class NewCommand
{
    public static Command Create()
    {
        var command = new Command("new", "Start a new session or handout from a template with guidance comments (never overwrites)");
        command.Subcommands.Add(Sub("session", "workstream", "The workstream: its folder, id or number (05-coaching-skills, coaching-skills or 5)",
            "Add a session to a workstream with the next free id: session.yaml, slides.md and facilitator-notes.md, listed in workstream.yaml", Scaffold.Session,
            "Next: write the files, add the session to a day in content/programme.yaml, then run qcdp validate."));
        command.Subcommands.Add(Sub("handout", "session", "The session's id, e.g. 5.1",
            "Add a handout to a session: a Markdown worksheet in the workstream's handouts/, listed in the session.yaml", Scaffold.Handout,
            "Next: write the handout, then run qcdp validate and qcdp build to see it."));
        return command;
    }

    static Command Sub(string name, string argName, string argDescription, string description, Func<string, string, string?, ScaffoldResult> make, string next)
    {
        var target = new Argument<string>(argName) { Description = argDescription };
        var title = new Option<string?>("--title") { Description = "Its title (also names the folder or file)" };
        var command = new Command(name, description);
        command.Arguments.Add(target);
        command.Options.Add(title);
        command.SetAction(parse =>
        {
            var report = new Report("text");
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var result = make(root, parse.GetValue(target)!, parse.GetValue(title));
            if (result.Error is not null) { Console.Error.WriteLine($"error: {result.Error}"); return 1; }
            foreach (var f in result.Created) Console.WriteLine($"created {f}");
            foreach (var f in result.Changed) Console.WriteLine($"updated {f}");
            Console.WriteLine(next);
            return 0;
        });
        return command;
    }
}
