using System.Text.Json;
using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Organisations;

/// <summary>
/// An organisation's overlay (files in organisations/&lt;slug&gt;/content and templates) and its
/// profile's exclude, add and reorder: what they change, and the errors, at the profile line, when they are wrong.
/// </summary>
public class OverlayTests
{
    const string SessionDeck = "slides/1.1-first-session.pptx";

    static BuildPlan Plan(MiniRepo repo, string? org = null) => PackageBuilder.Plan(new BuildOptions(repo.Root) { Profile = org });

    static string Errors(DiagnosticBag d) => string.Join("\n", d.Items.Where(x => x.Severity == Severity.Error));

    /// <summary>Appends YAML to the mini organisation's profile; returns the line number of its first line.</summary>
    static int AddToProfile(MiniRepo repo, string yaml)
    {
        var text = File.ReadAllText(repo.PathOf(MiniRepo.Profile)).TrimEnd('\n') + "\n";
        var first = text.Split('\n').Length;
        File.WriteAllText(repo.PathOf(MiniRepo.Profile), text + yaml.TrimEnd('\n') + "\n");
        return first;
    }

    /// <summary>A session of the organisation's own in its overlay: outside any workstream, or in <paramref name="folder"/>.</summary>
    static string LocalSession(MiniRepo repo, string id, int minutes, string folder = "sessions")
    {
        var dir = $"{MiniRepo.OverlayContent}/{folder}/{id.ToLowerInvariant()}-local-session";
        repo.Write($"{dir}/session.yaml", $"""
            id: {id}
            title: Our own session {id}
            duration: {minutes}
            outcomes: [O1.1]
            activities:
              - title: Talk together
                minutes: {minutes}
                method: plenary
            """);
        repo.Write($"{dir}/slides.md", $"## Local slide {id}\n\n- A point made locally\n\n::: notes\nLocal notes for {id}.\n:::\n");
        repo.Write($"{dir}/facilitator-notes.md", "## Purpose\n\nA local purpose.\n");
        return dir;
    }

    static string Text(Artefact a) => OoxmlDump.Dump(a.Render(), p => p.EndsWith(".xml"));

    [Fact]
    public void An_overlay_handout_replaces_the_shared_one_and_the_manifest_names_it()
    {
        using var repo = new MiniRepo();
        var overlay = $"{MiniRepo.OverlayContent}/workstreams/01-sample/handouts/sample-worksheet.md";
        repo.Write(overlay, "---\ntitle: Our worksheet\nsession: \"1.1\"\n---\nOur local version of the worksheet.\n\n[lines: 2]\n");
        var plan = Plan(repo);
        Assert.False(plan.Diagnostics.HasErrors, Errors(plan.Diagnostics));
        var docx = plan.Artefacts.Single(a => a.Path == "handouts/sample-worksheet.docx");
        Assert.Equal(overlay, docx.Source);
        var text = Text(docx);
        Assert.Contains("Our local version of the worksheet.", text);
        Assert.DoesNotContain("Fill this in.", text);
        // The shared file is untouched.
        Assert.Contains("Fill this in.", File.ReadAllText(repo.PathOf(MiniRepo.Handout)));

        var result = PackageBuilder.Run(new BuildOptions(repo.Root));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.OutputDir!, "manifest.json")));
        var entry = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "handouts/sample-worksheet.pdf");
        Assert.Equal(overlay, entry.GetProperty("source").GetString());
    }

    [Fact]
    public void An_overlay_deck_replaces_one_slides_file_and_pictures_still_resolve_to_shared_images()
    {
        using var repo = new MiniRepo();
        var overlay = MiniRepo.Slides.Replace("content/", MiniRepo.OverlayContent + "/");
        repo.Write(overlay, "## Our slide\n\n- Our own point\n\n![A PDSA cycle with four quadrants](../../../../images/pdsa.png)\n\n::: notes\nOur notes.\n:::\n");
        var plan = Plan(repo);
        Assert.False(plan.Diagnostics.HasErrors, Errors(plan.Diagnostics));
        var deck = plan.Artefacts.Single(a => a.Path == SessionDeck);
        Assert.Equal(overlay, deck.Source);
        var text = Text(deck);
        Assert.Contains("Our own point", text);
        Assert.Contains("descr=\"A PDSA cycle with four quadrants\"", text);
    }

    [Fact]
    public void An_overlay_template_overrides_the_shared_template()
    {
        using var repo = new MiniRepo();
        repo.Write("organisations/smith-jones/templates/timetable.md.sbn", "Our own timetable for {{org.name}}.\n");
        var plan = Plan(repo);
        Assert.False(plan.Diagnostics.HasErrors, Errors(plan.Diagnostics));
        Assert.Contains("Our own timetable for Smith &amp; Jones &lt;North&gt; NHS Trust.", Text(plan.Artefacts.Single(a => a.Path == "programme/timetable.docx")));

        repo.Write("organisations/smith-jones/templates/timetable.md.sbn", "Broken {{org.nmae}}\n");
        var broken = Plan(repo);
        var error = Assert.Single(broken.Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal(("organisations/smith-jones/templates/timetable.md.sbn", 1, 14), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void A_local_session_takes_an_excluded_sessions_slot()
    {
        using var repo = new MiniRepo();
        var dir = LocalSession(repo, "L1", 60);
        AddToProfile(repo, """
            exclude: ["1.1"]
            add:
              - session: L1
                day: 1
                instead_of: "1.1"
            """);
        var plan = Plan(repo);
        Assert.False(plan.Diagnostics.HasErrors, Errors(plan.Diagnostics));
        var paths = plan.Artefacts.Select(a => a.Path).ToList();
        Assert.Contains("slides/l1-local-session.pptx", paths);
        Assert.DoesNotContain(SessionDeck, paths);
        Assert.Contains("guides/local-facilitator-guide.docx", paths);
        Assert.Equal($"{dir}/slides.md", plan.Artefacts.Single(a => a.Path == "slides/l1-local-session.pptx").Source);
        // The day keeps its shape: the local session where 1.1 was, then the break.
        var day = plan.Programme!.Workshops[0].Days[0];
        Assert.Equal(["L1", null], day.Items.Select(i => i.SessionId));
        Assert.Equal(new TimeOnly(10, 15), day.End);
        // The excluded session's worksheet goes with it.
        Assert.DoesNotContain("handouts/sample-worksheet.docx", paths);
        Assert.Contains("09:00", Text(plan.Artefacts.Single(a => a.Path == "guides/local-facilitator-guide.docx")));
    }

    [Fact]
    public void Excluding_a_session_closes_up_its_day_and_says_so()
    {
        using var repo = new MiniRepo();
        // A session the organisation adds to the shared workstream keeps the workstream (and its guide) alive.
        LocalSession(repo, "1.2", 20, "workstreams/01-sample/sessions");
        var line = AddToProfile(repo, "exclude: [\"1.1\"]");
        var plan = Plan(repo);
        Assert.False(plan.Diagnostics.HasErrors, Errors(plan.Diagnostics));
        var shortened = Assert.Single(plan.Diagnostics.Items, d => d.Message.StartsWith("excluding 1.1 shortens day 1"));
        Assert.Equal((MiniRepo.Profile, line, 11), (shortened.File, shortened.Line, shortened.Column));
        // The mini programme ends its day with a break; that was its own choice, so the break stays.
        Assert.Contains("by 60 minutes: it now ends at 09:15 instead of 10:15", shortened.Message);
        Assert.Equal([DayItemKind.Break], plan.Programme!.Workshops[0].Days[0].Items.Select(i => i.Kind));
        // Its outcomes are now taught nowhere: a warning at the exclusion, not an error in shared content.
        Assert.Contains(plan.Diagnostics.Items, d => d.Severity == Severity.Warning && d.Message.StartsWith("with session 1.1 excluded, no session teaches outcome O1.2") && d.Line == line);
        Assert.Equal(["1.2"], plan.Programme.Workstreams.Single().Sessions.Select(s => s.Id));
        Assert.Contains("slides/1.2-local-session.pptx", plan.Artefacts.Select(a => a.Path));
    }

    [Fact]
    public void Unknown_ids_in_exclude_and_add_are_errors_at_the_profile_line_with_a_suggestion()
    {
        using var repo = new MiniRepo();
        LocalSession(repo, "L1", 30);
        var line = AddToProfile(repo, """
            exclude: ["1.2", sampel]
            add:
              - session: L2
                day: 1
              - session: L1
                day: 9
              - session: L1
                day: 1
                after: "1.3"
            """);
        var errors = Plan(repo).Diagnostics.Items.Where(d => d.Severity == Severity.Error).Select(d => $"{d.Line}:{d.Column} {d.Message} | {d.Hint}").ToList();
        Assert.Contains(errors, e => e.StartsWith($"{line}:11 cannot exclude '1.2': no session or workstream has that id | did you mean '1.1'?"));
        Assert.Contains(errors, e => e.StartsWith($"{line}:18 cannot exclude 'sampel'") && e.Contains("did you mean 'sample'?"));
        Assert.Contains(errors, e => e.StartsWith($"{line + 2}:14 cannot add session 'L2': no session has that id | did you mean 'L1'?"));
        Assert.Contains(errors, e => e.StartsWith($"{line + 5}:10 there is no day 9 | days are numbered 1–1"));
        Assert.Contains(errors, e => e.StartsWith($"{line + 8}:12 session '1.3' is not on day 1 | did you mean '1.1'?"));
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void An_added_session_that_overfills_its_day_is_an_error_at_the_addition()
    {
        using var repo = new MiniRepo();
        LocalSession(repo, "L1", 30);
        var line = AddToProfile(repo, "add:\n  - session: L1\n    day: 1\n    after: \"1.1\"");
        var error = Assert.Single(Plan(repo).Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal((MiniRepo.Profile, line + 1, 14), (error.File, error.Line, error.Column));
        Assert.Equal("day 1 runs 09:00–10:15 (75 minutes), but with this change its sessions and breaks add up to 105 minutes", error.Message);
        Assert.Contains("exclude 30 minutes", error.Hint);
    }

    [Fact]
    public void Reorder_moves_a_days_items_and_must_keep_its_sessions()
    {
        using var repo = new MiniRepo();
        AddToProfile(repo, "reorder:\n  - day: 1\n    items:\n      - break: 15\n      - session: \"1.1\"");
        var plan = Plan(repo);
        Assert.False(plan.Diagnostics.HasErrors, Errors(plan.Diagnostics));
        Assert.Equal([DayItemKind.Break, DayItemKind.Session], plan.Programme!.Workshops[0].Days[0].Items.Select(i => i.Kind));
        // The run sheet follows the new order: 1.1 now starts after the break.
        Assert.Contains("09:15", Text(plan.Artefacts.Single(a => a.Path == "guides/01-sample-facilitator-guide.docx")));

        using var bad = new MiniRepo();
        LocalSession(bad, "L1", 60);
        var line = AddToProfile(bad, "reorder:\n  - day: 1\n    items:\n      - session: L1\n      - break: 15\n      - session: \"1.7\"");
        var errors = Plan(bad).Diagnostics.Items.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Contains(errors, d => d.Line == line + 5 && d.Message == "session '1.7' does not exist" && d.Hint == "did you mean '1.1'?");

        using var moved = new MiniRepo();
        LocalSession(moved, "L1", 60);
        line = AddToProfile(moved, "reorder:\n  - day: 1\n    items:\n      - session: L1\n      - break: 15");
        var error = Assert.Single(Plan(moved).Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal(line + 2, error.Line);
        Assert.Equal("the new order for day 1 must hold the same sessions as the day (1.1), but it leaves out 1.1; it adds L1", error.Message);
    }

    [Fact]
    public void Org_takes_a_slug_or_a_path_and_an_unknown_slug_gets_a_suggestion()
    {
        using var repo = new MiniRepo();
        Assert.False(Plan(repo, "smith-jones").Diagnostics.HasErrors);
        Assert.False(Plan(repo, repo.PathOf(MiniRepo.Profile)).Diagnostics.HasErrors);
        var error = Assert.Single(Plan(repo, "smith-jnoes").Diagnostics.Items);
        Assert.Equal("there is no organisation 'smith-jnoes'", error.Message);
        Assert.StartsWith("did you mean 'smith-jones'?", error.Hint);
    }

    [Fact]
    public void A_profile_whose_slug_differs_from_its_folder_is_an_error()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Profile, s => s.Replace("slug: smith-jones", "slug: smithjones"));
        var error = Assert.Single(Plan(repo).Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal((MiniRepo.Profile, 3), (error.File, error.Line));
        Assert.Equal("slug 'smithjones' differs from the organisation's folder 'smith-jones'", error.Message);
    }

    [Fact]
    public void System_wide_settings_are_checked_and_reach_content()
    {
        using var repo = new MiniRepo();
        var line = AddToProfile(repo, """
            setting: system-wide
            host: Avonmere Trust
            partners: [Avonmere Trsut, Kestrel Trust]
            links:
              intranet: https://intranet.example.org/qi
            """);
        var error = Assert.Single(Plan(repo).Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal((line + 1, "host 'Avonmere Trust' is not one of the partners", "did you mean 'Avonmere Trsut'?"), (error.Line, error.Message, error.Hint));

        repo.Edit(MiniRepo.Profile, s => s.Replace("Avonmere Trsut", "Avonmere Trust"));
        repo.Edit(MiniRepo.Handout, s => s.Replace("Fill this in.", "{{ if org.system_wide }}Hosted by {{ org.host }} for {{ org.partners_text }}; see {{ org.links.intranet }}.{{ end }}"));
        var plan = Plan(repo);
        Assert.False(plan.Diagnostics.HasErrors, Errors(plan.Diagnostics));
        Assert.Contains("Hosted by Avonmere Trust for Avonmere Trust and Kestrel Trust; see https://intranet.example.org/qi.", Text(plan.Artefacts.Single(a => a.Path == "handouts/sample-worksheet.docx")));
    }

    [Theory]
    [InlineData("before", new[] { "L1", "1.1", null })]
    [InlineData("after", new[] { "1.1", "L1", null })]
    public void An_added_session_goes_before_or_after_the_session_it_names(string place, string?[] expected)
    {
        using var repo = new MiniRepo();
        repo.Edit("content/programme.yaml", s => s.Replace("end: \"10:15\"", "end: \"10:30\""));
        LocalSession(repo, "L1", 15);
        AddToProfile(repo, $"add:\n  - session: L1\n    day: 1\n    {place}: \"1.1\"");
        var plan = Plan(repo);
        Assert.False(plan.Diagnostics.HasErrors, Errors(plan.Diagnostics));
        Assert.Equal(expected, plan.Programme!.Workshops[0].Days[0].Items.Select(i => i.SessionId));
    }

    [Fact]
    public void Excluding_a_whole_workstream_drops_its_sessions_guide_and_handouts()
    {
        using var repo = new MiniRepo();
        LocalSession(repo, "L1", 60);
        AddToProfile(repo, "exclude: [sample]\nadd:\n  - { session: L1, day: 1, instead_of: \"1.1\" }");
        var plan = Plan(repo);
        Assert.False(plan.Diagnostics.HasErrors, Errors(plan.Diagnostics));
        var paths = plan.Artefacts.Select(a => a.Path).ToList();
        Assert.DoesNotContain(paths, p => p.StartsWith("guides/01-sample") || p.StartsWith("slides/1.1-") || p.StartsWith("handouts/sample-worksheet"));
        Assert.Contains("guides/local-facilitator-guide.pdf", paths);
        Assert.Equal(["L1", null], plan.Programme!.Workshops[0].Days[0].Items.Select(i => i.SessionId));
    }
}
