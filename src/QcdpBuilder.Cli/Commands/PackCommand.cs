using System.CommandLine;
using QcdpBuilder.Build;
using QcdpBuilder.Output;
using QcdpBuilder.Packs;

namespace QcdpBuilder.Cli.Commands;

/// <summary><c>qcdp pack</c>: print-ready facilitator and participant packs for a workshop day, session or webinar.</summary>
public static class PackCommand
{
    public static Command Create()
    {
        var day = new Option<string?>("--day") { Description = "A workshop day: W2.1 is Workshop 2, day 1 (W2-D1 also works)" };
        var session = new Option<string?>("--session") { Description = "One session by id, e.g. 5.1" };
        var webinar = new Option<string?>("--webinar") { Description = "One webinar by id, e.g. Wb1" };
        var all = new Option<bool>("--all") { Description = "Every workshop day and webinar of the cohort" };
        var copies = new Option<int?>("--copies") { Description = "Number of participants: sign-in rows and print counts" };
        var participants = new Option<string?>("--participants") { Description = "Roster CSV with a 'name' column: sign-in sheet and a named copy of the participant pack for each" };
        var paper = new Option<string?>("--paper") { Description = "a4 or letter (default: the organisation's paper)" };
        var booklet = new Option<bool>("--booklet") { Description = "Impose pages two-up for folded A5 (or half-letter) booklets" };
        var output = new Option<string?>("--out") { Description = "Where to write the packs (default: output/<organisation slug>/packs)" };
        var force = CommonOptions.Force();
        var command = new Command("pack", "Write print-ready facilitator and participant packs (PDF) for a workshop day, a session or a webinar");
        foreach (var o in new Option[] { day, session, webinar, all, copies, participants, paper, booklet, CommonOptions.Org, output, force }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var report = new Report(CommonOptions.AutoProblemFormat);
            if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) return report.NoRoot();
            var options = new PackOptions(root)
            {
                Profile = CommonOptions.Organisation(parse.GetValue(CommonOptions.Org)), OutputDir = CommonOptions.FullPath(parse.GetValue(output)),
                Day = parse.GetValue(day), Session = parse.GetValue(session), Webinar = parse.GetValue(webinar), All = parse.GetValue(all),
                Copies = parse.GetValue(copies), Participants = CommonOptions.FullPath(parse.GetValue(participants)),
                Paper = parse.GetValue(paper), Booklet = parse.GetValue(booklet), Force = parse.GetValue(force),
            };
            var result = report.WithProgress("Making packs", progress =>
            {
                var packs = PackBuilder.Run(options, progress);
                return new BuildResult(packs.Diagnostics, packs.OutputDir,
                    packs.Files.Select(f => new ManifestEntry(f.Path, "pack", "", "", f.Bytes)).ToList());
            });
            return report.Finish(result, root);
        });
        return command;
    }
}
