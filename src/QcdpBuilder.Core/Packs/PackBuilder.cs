using QcdpBuilder.Branding;
using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;
using QcdpBuilder.Markdown;
using QcdpBuilder.Organisations;
using QcdpBuilder.Output;
using QcdpBuilder.Pipeline;
using QcdpBuilder.PdfOutput;

namespace QcdpBuilder.Packs;

/// <summary>What <c>qcdp pack</c> should make.</summary>
public sealed record PackOptions(string Root)
{
    /// <summary>Organisation profile; defaults to the one <c>qcdp build</c> uses.</summary>
    public string? Profile { get; init; }
    /// <summary>Output folder; defaults to <c>output/&lt;organisation slug&gt;/packs</c>.</summary>
    public string? OutputDir { get; init; }
    public string? Day { get; init; }
    public string? Session { get; init; }
    public string? Webinar { get; init; }
    /// <summary>Every workshop day and webinar.</summary>
    public bool All { get; init; }
    /// <summary>How many participants (sign-in rows and print counts) when there is no roster.</summary>
    public int? Copies { get; init; }
    /// <summary>A roster CSV (names, optional other columns).</summary>
    public string? Participants { get; init; }
    /// <summary>A4 or Letter; null follows the organisation profile.</summary>
    public string? Paper { get; init; }
    /// <summary>Impose pages for folded A5 (or half-letter) booklets.</summary>
    public bool Booklet { get; init; }
    /// <summary><c>--force</c>: write into a folder that holds other files (never replacing them).</summary>
    public bool Force { get; init; }
}

/// <summary>The outcome of <c>qcdp pack</c>: every diagnostic, and the files written (none when there were errors).</summary>
public sealed record PackResult(DiagnosticBag Diagnostics, string? OutputDir, IReadOnlyList<(string Path, long Bytes)> Files);

/// <summary>
/// Builds print-ready session packs: load and check the content as a build does, plan the packs asked for,
/// parse just the content they need, render every PDF in memory, and only then write them (each through a
/// temporary file), so a failed run leaves existing packs as they were.
/// </summary>
public static class PackBuilder
{
    public static PackResult Run(PackOptions options, Action<string>? progress = null)
    {
        PreparedPacks prepared;
        // Laying out reads every picture; one damaged beyond what the checks while loading can see is an error, not a crash.
        try { prepared = Prepare(options, progress); }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            var failed = new DiagnosticBag();
            failed.Report(Rules.WriteFailed, new SourceSpan("qcdp pack", 1, 1), $"could not lay out the packs: {e.Message}", "check the pictures and font files the content uses");
            return new(failed, null, []);
        }
        var diagnostics = prepared.Diagnostics;
        if (diagnostics.HasErrors) return new(diagnostics, null, []);

        // 4. Render every pack in memory; nothing is written unless all of them succeed.
        var rendered = new List<(string Name, byte[] Bytes)>();
        foreach (var pack in prepared.Packs)
        {
            progress?.Invoke(pack.Name);
            try { rendered.Add((pack.Name, pack.Document.ToPdfBytes())); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                diagnostics.Report(Rules.WriteFailed, SourceSpan.StartOf(prepared.Source), $"could not write {pack.Name}: {e.Message}", "check the pictures and font files the content uses");
                return new(diagnostics, null, []);
            }
        }

        // 5. Write: staged, then committed together; earlier packs in the folder stay listed and untouched.
        var request = new OutputRequest(Path.GetFullPath(options.Root), prepared.OutputDir, OutputPolicy.Display(options.Root, prepared.OutputDir), "packs", "qcdp pack") { Force = options.Force };
        using var folder = OutputFolder.Open(request, diagnostics, progress);
        if (folder is null) return new(diagnostics, null, []);
        if (!folder.Add(rendered, "pack", prepared.Source, [("organisation", prepared.Source)], diagnostics)) return new(diagnostics, null, []);
        var files = rendered.Select(r => (r.Name, r.Bytes.LongLength)).ToList();
        return new PackResult(diagnostics, prepared.OutputDir, files);
    }

    /// <summary>Steps 1–3: load and check, plan, and lay out every pack as an engine document (not yet rendered).</summary>
    public static PreparedPacks Prepare(PackOptions options, Action<string>? progress = null)
    {
        var root = Path.GetFullPath(options.Root);
        var diagnostics = new DiagnosticBag();
        PreparedPacks Fail() => new(diagnostics, [], "", "");

        int selections = new[] { options.Day is not null, options.Session is not null, options.Webinar is not null, options.All }.Count(b => b);
        if (selections != 1)
        {
            diagnostics.Report(Rules.PackOptions, new SourceSpan("qcdp pack", 1, 1), selections == 0 ? "say which pack to make" : "give only one of --day, --session, --webinar and --all",
                "for example: qcdp pack --day W2.1 (Workshop 2, day 1), --session 5.1, --webinar Wb1, or --all");
            return Fail();
        }
        if (options.Paper is { } paper && !paper.Equals("a4", StringComparison.OrdinalIgnoreCase) && !paper.Equals("letter", StringComparison.OrdinalIgnoreCase))
            diagnostics.Report(Rules.PackOptions, new SourceSpan("--paper", 1, 1), $"unknown paper size '{paper}'", "use --paper a4 or --paper letter");
        if (options.Copies is < 1 or > 500)
            diagnostics.Report(Rules.PackOptions, new SourceSpan("--copies", 1, 1), $"--copies must be between 1 and 500, not {options.Copies}", "give the number of participants");

        // 1. Load, customise and check, exactly as a build does: the same session, and every product of the package
        //    planned (not rendered), so pack accepts and rejects exactly the content build and validate do.
        progress?.Invoke("Loading content");
        Roster? roster = null;
        if (options.Participants is { } rosterPath)
            roster = Roster.Load(rosterPath, Path.GetRelativePath(Directory.GetCurrentDirectory(), rosterPath), diagnostics);
        if (ContentSession.Open(root, options.Profile, diagnostics) is not { } session) return Fail();
        _ = PackageBuilder.Products(session, site: false);
        if (diagnostics.HasErrors) return Fail();
        var (programme, org) = (session.Programme, session.Organisation);

        // 2. Plan the packs asked for.
        var plans = options.All ? PackPlan.All(programme, org)
            : options.Day is { } day ? [PackPlan.ForDay(programme, org, day, diagnostics)]
            : options.Session is { } sessionId ? [PackPlan.ForSession(programme, org, sessionId, diagnostics)]
            : [PackPlan.ForWebinar(programme, org, options.Webinar!, diagnostics)];
        if (diagnostics.HasErrors) return Fail();

        // 3. Lay out the packs from the session's decks, notes and handouts.
        var brand = session.Brand;
        if (options.Paper is { } p) brand = brand with { Paper = p.Equals("letter", StringComparison.OrdinalIgnoreCase) ? Branding.PaperSize.Letter : Branding.PaperSize.A4 };
        var content = new PackContent(session, brand);
        var people = new PackPeople(roster, roster?.Participants.Count ?? options.Copies);
        var suffix = options.Booklet ? "-booklet" : "";
        var packs = new List<PreparedPack>();
        foreach (var plan in plans)
        {
            progress?.Invoke("Laying out " + plan!.Title);
            var facilitator = FacilitatorPack.Build(content, plan, people);
            var participant = ParticipantPack.Build(content, plan, people);
            facilitator.Booklet = participant.Booklet = options.Booklet;
            packs.Add(new($"{plan.Stem}-facilitator-pack{suffix}.pdf", plan, facilitator));
            packs.Add(new($"{plan.Stem}-participant-pack{suffix}.pdf", plan, participant));
        }
        if (diagnostics.HasErrors) return Fail();
        var outDir = Path.GetFullPath(options.OutputDir ?? Path.Combine(root, "output", org.Slug, "packs"), root);
        return new PreparedPacks(diagnostics, packs, outDir, org.File);
    }
}

/// <summary>One pack laid out as an engine document, with the file name it will get.</summary>
public sealed record PreparedPack(string Name, PackPlan Plan, Pdf.Layout.PdfDocument Document);

/// <summary>What <see cref="PackBuilder.Prepare"/> gives: diagnostics, the packs, where they go and the profile they came from.</summary>
public sealed record PreparedPacks(DiagnosticBag Diagnostics, IReadOnlyList<PreparedPack> Packs, string OutputDir, string Source);

/// <summary>Who the packs are for: a roster (names for the sign-in sheet and covers) or just a head count.</summary>
public sealed record PackPeople(Roster? Roster, int? Count);

/// <summary>
/// The content a pack needs, from the build's <see cref="ContentSession"/>: each session's deck and facilitator
/// notes, the handouts and the feedback form, with the organisation's placeholders filled in as in a build.
/// What the build has already checked is parsed again quietly, so a pack reports nothing a build would not.
/// </summary>
internal sealed class PackContent(ContentSession session, Branding.Brand brand)
{
    public Programme Programme => session.Programme;
    public Organisation Organisation => session.Organisation;
    public Branding.Brand Brand => brand;

    public Deck Deck(Session s) => session.Deck(s);

    public List<Block> Notes(Session s) => session.Filled(s.NotesFile) is { } md ? session.Parse(md, s.NotesFile, quietly: true) : [];

    /// <summary>A session's text (an activity's facilitator or online notes) as blocks, placeholders filled.</summary>
    public List<Block> Markdown(string markdown, string file) => session.Snippet(markdown, file, quietly: true);

    public Document? Handout(string id) => session.Handout(id) is { } doc ? doc with { Meta = new Dictionary<string, string>() } : null;

    public const string FeedbackForm = "content/forms/session-feedback.md";

    /// <summary>The session feedback form (<c>content/forms/session-feedback.md</c>) for the pack's sessions.</summary>
    public Document? Feedback(PackPlan plan)
    {
        var path = session.Overlay.Content(Path.Combine(session.Root, FeedbackForm));
        if (!File.Exists(path))
        {
            session.Diagnostics.Report(Rules.MissingFile, SourceSpan.StartOf(FeedbackForm), "the session feedback form is missing", "restore content/forms/session-feedback.md (see content/README.md)");
            return null;
        }
        if (session.Text(path) is not { } text) return null;
        var (yaml, _) = FrontMatter.Split(text);
        string title = "Session feedback";
        if (yaml is not null && Content.YamlMap.Load(yaml, FeedbackForm, session.Diagnostics) is { } fm)
        {
            fm.AllowOnly("title");
            title = fm.String("title") ?? title;
        }
        var with = new Dictionary<string, object>(session.Data)
        {
            ["pack"] = new Dictionary<string, object>
            {
                ["title"] = plan.Title,
                ["sessions"] = plan.Sessions.Select(s => new Dictionary<string, object> { ["id"] = s.Id, ["title"] = s.Title }).ToList(),
            },
        };
        var md = session.Render(text, session.Rel(path), with: with);
        return md is null ? null : new Document(title, session.Parse(md, path)) { Subtitle = plan.Title };
    }
}
