using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Packs;
using QcdpBuilder.Pdf;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Packs;

/// <summary><c>qcdp pack</c>: run-sheet times, duplex-safe sections, rosters, sign-in sheets and online delivery.</summary>
public class PackTests
{
    const string Programme = "content/programme.yaml";
    const string Profile = MiniRepo.Profile;

    /// <summary>The mini programme's day becomes 09:00–11:00 with lunch (45) and a break; the cohort starts it at 09:30.</summary>
    static MiniRepo DayWithLunch(string delivery = "in-person")
    {
        var repo = new MiniRepo();
        repo.Edit(Programme, s => s.Replace("end: \"10:15\"", "end: \"11:00\"").Replace("          - break: 15", "          - lunch: 45\n          - break: 15"));
        repo.Edit(Profile, s => s.Replace("W1: [\"2027-01-19\"]", "W1:\n      - { date: \"2027-01-19\", start: \"09:30\", venue: \"Room 101\" }")
            .Replace("delivery: in-person", $"delivery: {delivery}\n  online_link: https://meet.example.org/qcdp\n  facilitators: [Ada Lovelace, Grace Hopper]"));
        repo.Edit(MiniRepo.Handout, s => s.Replace("session: \"1.1\"", "session: \"1.1\"\nper_participant: true"));
        return repo;
    }

    static (Programme, Organisation) Load(MiniRepo repo)
    {
        var d = new DiagnosticBag();
        var loader = new ContentLoader(repo.Root, d, QcdpBuilder.Content.Overlay.ForProfile(repo.Root, repo.PathOf(Profile)));
        var org = loader.LoadOrganisation(repo.PathOf(Profile));
        var p = QcdpBuilder.Organisations.Customiser.Customise(loader.LoadProgramme()!, org!, d);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        ContentRules.Check(p!, org!, d);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        return (p!, org!);
    }

    static PackOptions Day(MiniRepo repo, string id = "W1.1") => new(repo.Root) { Day = id, OutputDir = repo.PathOf("packs") };

    static string Text(string pdf) => ExternalTool.Run("pdftotext", "-layout", pdf, "-")?.Output ?? throw new InvalidOperationException("pdftotext is needed");

    [Fact]
    public void Run_sheet_uses_the_cohorts_start_and_gives_every_activity_break_and_lunch_its_clock_times()
    {
        using var repo = DayWithLunch();
        var (p, org) = Load(repo);
        var plan = PackPlan.ForDay(p, org, "W1-D1", new DiagnosticBag())!;
        var rows = RunSheet.Rows(plan).Select(r => $"{r.Kind} {r.Start}-{r.End} {r.Minutes} {r.What}").ToList();
        Assert.Equal(
        [
            "Session 09:30-10:30 60 Session 1.1: First session",
            "Activity 09:30-09:50 20 Opening round",
            "Activity 09:50-10:30 40 Practice",
            "Lunch 10:30-11:15 45 Lunch",
            "Break 11:15-11:30 15 Break",
            "Close 11:30- 0 Close",
        ], rows);
        Assert.Equal("W1.1", plan.Id);
        Assert.Equal("Room 101", plan.Venue);

        // The same times are printed in the facilitator pack.
        var result = PackBuilder.Run(Day(repo));
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        var text = Text(Path.Combine(result.OutputDir!, "workshop-1-day-1-facilitator-pack.pdf"));
        foreach (var t in new[] { "09:30–09:50", "09:50–10:30", "10:30–11:15", "11:15–11:30", "Room 101", "Ada Lovelace, Grace Hopper" })
            Assert.Contains(t, text);
    }

    [Fact]
    public void Without_a_cohort_start_the_programmes_day_start_is_used()
    {
        using var repo = new MiniRepo();
        var (p, org) = Load(repo);
        var plan = PackPlan.ForDay(p, org, "w1.1", new DiagnosticBag())!;
        Assert.Equal("09:00", RunSheet.Rows(plan)[0].Start);
        Assert.Equal(new DateOnly(2027, 1, 19), plan.Date);
    }

    [Fact]
    public void Unknown_day_is_an_error_naming_the_valid_days()
    {
        using var repo = new MiniRepo();
        var (p, org) = Load(repo);
        var d = new DiagnosticBag();
        Assert.Null(PackPlan.ForDay(p, org, "W1.3", d));
        Assert.Null(PackPlan.ForDay(p, org, "tuesday", d));
        Assert.Equal(2, d.ErrorCount);
        Assert.All(d.Items, x => Assert.Contains("W1.1", x.Hint));
    }

    /// <summary>Bookmarks of the sections (level 1) and the page each is on, from a recording of the laid-out pack.</summary>
    static List<(int Page, string Title)> Sections(Pdf.Layout.PdfDocument doc, int level = 1)
    {
        var rec = new RecordingCanvas();
        doc.Render(rec);
        return rec.Pages.SelectMany((p, i) => p.Items.Where(x => x.Kind == "outline" && x.Text!.StartsWith($"{level} ")).Select(x => (i + 1, x.Text![2..]))).ToList();
    }

    [Fact]
    public void Every_section_and_every_personalised_copy_starts_on_an_odd_page()
    {
        using var repo = DayWithLunch();
        repo.Write("roster.csv", "name,team\nSiân Jones,Ward 4\nZoë Brown,Pharmacy\n");
        var prepared = PackBuilder.Prepare(Day(repo) with { Participants = repo.PathOf("roster.csv") });
        Assert.False(prepared.Diagnostics.HasErrors, string.Join("\n", prepared.Diagnostics.Items));

        var facilitator = Sections(prepared.Packs.Single(x => x.Name.Contains("facilitator")).Document);
        Assert.Equal(["Cover", "Run sheet", "Checklist", "Sign-in sheet", "Session 1.1: First session"], facilitator.Select(s => s.Title));
        Assert.All(facilitator, s => Assert.True(s.Page % 2 == 1, $"{s.Title} starts on page {s.Page}"));

        var participant = prepared.Packs.Single(x => x.Name.Contains("participant")).Document;
        var copies = Sections(participant);
        Assert.Equal(["Siân Jones", "Zoë Brown"], copies.Select(s => s.Title));
        var parts = Sections(participant, level: 2);
        Assert.Equal(2 * 5, parts.Count); // cover, agenda, slides, worksheet, feedback in each copy
        Assert.Contains(parts, s => s.Title == "Sample worksheet");
        Assert.All(copies.Concat(parts), s => Assert.True(s.Page % 2 == 1, $"{s.Title} starts on page {s.Page}"));

        var rec = new RecordingCanvas();
        participant.Render(rec);
        Assert.Contains(rec.Pages, p => p.Text == "This page is intentionally blank");
        // Each copy numbers its own pages: the second copy's agenda (after its cover and the blank verso) is its page 3.
        var second = copies[1].Page - 1;
        Assert.Contains(rec.Pages[second + 2].Items, i => i.Text?.StartsWith("Page 3 of ") == true);
    }

    [Fact]
    public void Roster_gives_a_sign_in_sheet_and_named_covers_that_print_non_ascii_names()
    {
        using var repo = DayWithLunch();
        // A BOM, CRLF line ends, a quoted name with a comma and a doubled quote.
        repo.Write("roster.csv", "\uFEFFname,role\r\nSiân Jones,Nurse\r\nZoë Brown,\"Pharmacist, band 7\"\r\n\"Łukasz \"\"Luke\"\" Nowak\",Physio\r\n");
        var result = PackBuilder.Run(Day(repo) with { Participants = repo.PathOf("roster.csv") });
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        var facilitator = Path.Combine(result.OutputDir!, "workshop-1-day-1-facilitator-pack.pdf");
        var participant = Path.Combine(result.OutputDir!, "workshop-1-day-1-participant-pack.pdf");

        var text = Text(facilitator);
        Assert.Contains("Sign-in sheet", text);
        foreach (var name in new[] { "Siân Jones", "Zoë Brown", "Łukasz \"Luke\" Nowak", "Pharmacist, band 7", "Physio" }) Assert.Contains(name, text);
        Assert.Contains("3 copies (1 × 3 participants)", text); // the worksheet is one per participant

        var covers = Text(participant);
        foreach (var name in new[] { "Siân Jones", "Zoë Brown", "Łukasz \"Luke\" Nowak" }) Assert.Contains(name, covers);

        foreach (var pdf in new[] { facilitator, participant })
        {
            if (ExternalTool.Run("qpdf", "--check", pdf) is { } qpdf) Assert.True(qpdf.Code == 0, qpdf.Output);
            if (ExternalTool.Run("pdffonts", pdf) is { } fonts)
                Assert.All(fonts.Output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0), l => Assert.Contains(" yes yes yes ", l));
            if (ExternalTool.Run("pdfinfo", pdf) is { } info) Assert.Contains("Tagged:          yes", info.Output);
        }
    }

    [Theory]
    [InlineData("name,team\nSiân,A\n\"Zoë,B\nŁukasz,C\n", 3, 1, "never closed")]
    [InlineData("name,team\nSiân,A\nZoë,B,extra\n", 3, 7, "3 field(s) but the header has 2")]
    [InlineData("name,team\nSiân,A\n ,B\n", 3, 1, "no name")]
    [InlineData("who,team\nSiân,A\n", 1, 1, "no 'name' column")]
    [InlineData("name,team\nSiân,A\nZo\"ë,B\n", 3, 3, "double quote in the middle")]
    public void Malformed_roster_rows_are_reported_with_line_and_column(string csv, int line, int column, string message)
    {
        var d = new DiagnosticBag();
        Assert.Null(Roster.Parse(csv, "roster.csv", d));
        var error = Assert.Single(d.Items);
        Assert.Equal(("roster.csv", line, column), (error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message);
        Assert.False(string.IsNullOrEmpty(error.Hint));
    }

    [Fact]
    public void The_command_reports_a_bad_roster_row_with_file_line_and_column_and_exits_1()
    {
        using var repo = DayWithLunch();
        repo.Write("cohort.csv", "name,team\nSiân Jones,Ward 4\n\"Zoë Brown,Pharmacy\n");
        var (code, _, stderr) = Qcdp.Run(repo.Root, "pack", "--day", "W1.1", "--participants", "cohort.csv");
        Assert.Equal(1, code);
        Assert.Contains("cohort.csv:3:1: error QCDP851: a quoted field is never closed", stderr);
        Assert.Contains("hint: add the closing double quote", stderr);
        Assert.False(Directory.Exists(repo.PathOf("output/smith-jones/packs")));
    }

    [Fact]
    public void A_failed_run_leaves_existing_packs_untouched()
    {
        using var repo = DayWithLunch();
        var first = PackBuilder.Run(Day(repo));
        Assert.False(first.Diagnostics.HasErrors);
        var path = Path.Combine(first.OutputDir!, "workshop-1-day-1-facilitator-pack.pdf");
        var before = File.ReadAllBytes(path);
        repo.Write("roster.csv", "name\n\"Unclosed\n");
        var failed = PackBuilder.Run(Day(repo) with { Participants = repo.PathOf("roster.csv") });
        Assert.True(failed.Diagnostics.HasErrors);
        Assert.Empty(failed.Files);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(first.OutputDir!, "*.tmp"));
        // And the same input gives the same bytes.
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(PackBuilder.Run(Day(repo)).OutputDir!, "workshop-1-day-1-facilitator-pack.pdf")));
    }

    [Fact]
    public void Packs_go_into_the_organisations_output_folder_and_a_build_keeps_them()
    {
        using var repo = DayWithLunch();
        var packs = PackBuilder.Run(new PackOptions(repo.Root) { Day = "W1.1" });
        Assert.Equal(Path.Combine(repo.Root, "output", "smith-jones", "packs"), packs.OutputDir);
        var build = Build.PackageBuilder.Run(new Build.BuildOptions(repo.Root));
        Assert.False(build.Diagnostics.HasErrors, string.Join("\n", build.Diagnostics.Items));
        Assert.True(File.Exists(Path.Combine(packs.OutputDir!, "workshop-1-day-1-participant-pack.pdf")));
    }

    [Fact]
    public void Virtual_delivery_lists_breakout_rooms_and_online_checks_instead_of_room_set_up()
    {
        using var repo = DayWithLunch("virtual");
        var (p, org) = Load(repo);
        var plan = PackPlan.ForDay(p, org, "W1.1", new DiagnosticBag())!;
        var groups = Checklist.For(plan, p, 12);
        var titles = groups.Select(g => g.Title).ToList();
        Assert.Contains("Breakout rooms", titles);
        Assert.Contains("Online-tool checks", titles);
        Assert.DoesNotContain("Room set-up", titles);
        Assert.DoesNotContain("Materials", titles);
        Assert.Contains("1.1 Practice (40 min): rooms of 3: 4 rooms for 12 participants", groups.Single(g => g.Title == "Breakout rooms").Items);
        Assert.Contains(groups.Single(g => g.Title == "Online-tool checks").Items, i => i.Contains("https://meet.example.org/qcdp"));

        var inPerson = Checklist.For(PackPlan.ForDay(p, new Organisation { Name = "x", ShortName = "x", Slug = "x", File = "x" }, "W1.1", new DiagnosticBag())!, p, 12);
        Assert.Contains("Room set-up", inPerson.Select(g => g.Title));
        Assert.Contains(inPerson.Single(g => g.Title == "Materials").Items, i => i.StartsWith("Flipchart"));

        var result = PackBuilder.Run(Day(repo) with { Copies = 12 });
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        var text = Text(Path.Combine(result.OutputDir!, "workshop-1-day-1-facilitator-pack.pdf"));
        Assert.Contains("Materials and online checklist", text);
        Assert.Contains("Running it online", text);
        Assert.Contains("Breakout rooms of three.", text);
    }

    [Fact]
    public void Booklet_imposes_the_pages_two_up_on_landscape_sheets()
    {
        using var repo = DayWithLunch();
        var result = PackBuilder.Run(Day(repo) with { Booklet = true, Paper = "letter" });
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        var pdf = Path.Combine(result.OutputDir!, "workshop-1-day-1-participant-pack-booklet.pdf");
        if (ExternalTool.Run("pdfinfo", pdf) is { } info) Assert.Contains("792 x 612 pts", info.Output);
        if (ExternalTool.Run("qpdf", "--check", pdf) is { } qpdf) Assert.True(qpdf.Code == 0, qpdf.Output);
    }

    [Fact]
    public void All_plans_a_facilitator_and_participant_pack_for_every_workshop_day_and_webinar_of_the_bundled_cohort()
    {
        var prepared = PackBuilder.Prepare(new PackOptions(RepoPaths.Root) { All = true, OutputDir = Path.Combine(Path.GetTempPath(), "qcdp-packs-unused") });
        Assert.False(prepared.Diagnostics.HasErrors, string.Join("\n", prepared.Diagnostics.Items));
        var stems = new[] { "workshop-1-day-1", "workshop-1-day-2", "workshop-1-day-3", "workshop-2-day-1", "workshop-2-day-2", "workshop-3-day-1", "workshop-3-day-2",
            "webinar-1.0", "webinar-wb1", "webinar-wb2", "webinar-wb3", "webinar-wb4", "webinar-wb5", "webinar-wb6" };
        Assert.Equal(stems.SelectMany(s => new[] { $"{s}-facilitator-pack.pdf", $"{s}-participant-pack.pdf" }).Order(), prepared.Packs.Select(p => p.Name).Order());
        // Webinars run online at the cohort's webinar time; workshop days at the cohort's start.
        var wb1 = prepared.Packs.First(p => p.Plan.Id == "Wb1").Plan;
        Assert.Equal(DeliveryModes.Virtual, wb1.Delivery);
        Assert.Equal(new TimeOnly(12, 30), wb1.Start);
        // The daily log is handed out on the first day and kept, so later days only bring spares.
        var w21 = prepared.Packs.First(p => p.Plan.Id == "W2.1").Plan;
        Assert.Contains("daily-reflective-log", w21.GivenEarlier);
        Assert.DoesNotContain("daily-reflective-log", prepared.Packs.First(p => p.Plan.Id == "W1.1").Plan.GivenEarlier);
        // One day is laid out in full here; writing every pack is the slow tier's job (below).
        Assert.True(prepared.Packs.First(p => p.Name == "workshop-2-day-1-facilitator-pack.pdf").Document.Paginate().Count > 20);
    }

    [SlowFact]
    public void All_writes_every_pack_of_the_bundled_cohort_as_valid_pdf()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "qcdp-packs-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = PackBuilder.Run(new PackOptions(RepoPaths.Root) { All = true, OutputDir = outDir });
            Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
            Assert.Equal(28, result.Files.Count);
            foreach (var f in result.Files)
                if (ExternalTool.Run("qpdf", "--check", Path.Combine(outDir, f.Path)) is { } qpdf) Assert.True(qpdf.Code == 0, f.Path + qpdf.Output);
        }
        finally { if (Directory.Exists(outDir)) Directory.Delete(outDir, true); }
    }
}
