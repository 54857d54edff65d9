using QcdpBuilder.Branding;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Documents;
using QcdpBuilder.Html;

namespace QcdpBuilder.Build;

/// <summary>
/// The programme as website pages, made of the same document model every writer reads: an
/// overview (aims, workshop timetable, workstreams), a page per workstream and per session
/// (outcomes, run sheet, activities, facilitator notes, handouts), a page per deck, and a
/// page of downloads. Links between pages and to the package's files are relative, and only
/// to files the build writes. <c>Html/SiteWriter.cs</c> turns the result into HTML.
/// </summary>
public sealed class SiteContent(string root, Programme p, Organisation org, Brand brand, IReadOnlySet<string> packageFiles,
    IReadOnlyDictionary<string, Deck> decks, IReadOnlyDictionary<string, Document> handouts,
    Func<string, string, IReadOnlyList<Block>> markdown, Func<string, string> rel)
{
    public const string Overview = "index.html", Downloads = "downloads.html";
    public static string WorkstreamPage(Workstream ws) => $"workstream-{ws.Slug}.html";
    public static string SessionPage(Session s) => $"session-{s.Slug}.html";
    public static string DeckPageFile(Session s) => $"slides-{s.Slug}.html";

    // What pages show beyond their own files, for incremental rebuilds: every page's navigation has every
    // workstream's title, and clock times ("When", run sheets, the timetable) follow from every session's length.
    // (Session and workstream files are known by their paths from the root; inputs are full paths.)
    readonly IReadOnlyList<string> workstreamFiles = p.Workstreams.Select(w => Path.GetFullPath(w.File, root)).ToList();
    readonly IReadOnlyList<string> programmeFiles = p.Sessions.Select(s => Path.GetFullPath(s.File, root)).Concat(p.Workstreams.Select(w => Path.GetFullPath(w.File, root))).ToList();

    /// <summary>The content files of the handouts a session lists (their titles show wherever they are listed).</summary>
    IEnumerable<string> HandoutFiles(IEnumerable<Session> sessions) =>
        sessions.SelectMany(s => s.Handouts).Select(id => p.FindHandout(id)?.File).OfType<string>();

    /// <summary>Builds every page.</summary>
    public Site Compose()
    {
        var pages = new List<SitePage> { OverviewPage() };
        var deckPages = new List<DeckPage>();
        foreach (var ws in p.Workstreams)
        {
            pages.Add(Workstream(ws));
            foreach (var s in ws.Sessions)
            {
                pages.Add(Session(s));
                if (decks.TryGetValue(s.Id, out var deck))
                    deckPages.Add(new DeckPage(DeckPageFile(s), deck, rel(s.SlidesFile))
                    {
                        Breadcrumbs = [new("Overview", Overview), new(Short(ws), WorkstreamPage(ws)), new($"Session {s.Id}", SessionPage(s))],
                        Downloads = Files(($"slides/{s.Slug}.pptx", "PowerPoint"), ($"slides/{s.Slug}.pdf", "PDF"),
                            ($"slides/{s.Slug}-notes.pdf", "notes pages (PDF)"), ($"slides/{s.Slug}-speaker-notes.pdf", "speaker notes (PDF)")),
                        Section = WorkstreamPage(ws),
                        Inputs = [s.SlidesFile, Path.GetFullPath(s.File, root), .. workstreamFiles],
                    });
            }
        }
        pages.Add(DownloadsPage());
        var nav = new List<NavLink> { new("Overview", Overview) };
        nav.AddRange(p.Workstreams.Select(ws => new NavLink(ws.Title, WorkstreamPage(ws))));
        nav.Add(new("Downloads", Downloads));
        return new Site(brand, nav, pages, deckPages)
        {
            Footer = $"{p.Title} {p.Version} · {org.Name} · content licensed {p.Licence}",
            Profile = org.File,
            // Pages link only to files the build writes, so the list of them is part of what every page shows.
            Context = string.Join("\n", packageFiles.Order(StringComparer.Ordinal)),
        };
    }

    // ---------------- the pages ----------------

    SitePage OverviewPage()
    {
        var b = new List<Block>();
        if (p.Summary.Length > 0) b.Add(Para(p.Summary));
        b.Add(H(2, "Aims", "aims"));
        b.Add(Bullets(p.Aims.Select(a => (IReadOnlyList<Inline>)[new Run(a)])));
        if (p.Audience.Length > 0) { b.Add(H(2, "Who it is for", "audience")); b.Add(Para(p.Audience)); }

        b.Add(H(2, "Workstreams", "workstreams"));
        b.Add(Grid(["Workstream", "Aim", "Sessions"], p.Workstreams.Select(ws => Row(
            [new Run(ws.IsLocal ? ws.Title : $"{ws.Number}. {ws.Title}", Link: WorkstreamPage(ws))], [new Run(ws.Aim)], [new Run(ws.Sessions.Count.ToString())]))));

        b.Add(H(2, "Workshop timetable", "timetable"));
        if (org.Cohort.Name.Length > 0) b.Add(Para($"Dates and times for {org.Cohort.Name}."));
        foreach (var ics in packageFiles.Where(f => f.StartsWith("calendar/") && f.EndsWith(".ics")).Order(StringComparer.Ordinal))
            b.Add(Para([new Run("Add every date to your calendar: "), new Run(ics["calendar/".Length..], Link: "../" + ics), new Run(" (iCalendar file for Outlook, Google or Apple calendars).")]));
        foreach (var w in p.Workshops)
        {
            b.Add(H(3, $"{w.Title} (month {w.Month})", Slugs.Make(w.Id)));
            for (var i = 0; i < w.Days.Count; i++)
            {
                var day = w.Days[i];
                var cohortDay = org.Cohort.Day(w.Id, i);
                var date = cohortDay is null ? "" : $": {TemplateData.Date(cohortDay.Date)}";
                b.Add(H(4, $"Day {day.Number}{date}", $"{Slugs.Make(w.Id)}-day-{day.Number}"));
                if (cohortDay is { Venue.Length: > 0 } || org.Cohort.Venue.Length > 0) b.Add(Para($"Venue: {(cohortDay?.Venue is { Length: > 0 } v ? v : org.Cohort.Venue)}"));
                var t = day.Start;
                var rows = new List<TableRow>();
                foreach (var item in day.Items)
                {
                    var minutes = item.Kind == DayItemKind.Session ? item.Session?.Duration ?? 0 : item.Minutes;
                    IReadOnlyList<Inline> what = item.Kind switch
                    {
                        DayItemKind.Session when item.Session is { } s => [new Run($"{s.Id} {s.Title}", Link: SessionPage(s))],
                        DayItemKind.Session => [new Run(item.SessionId ?? "")],
                        DayItemKind.Lunch => [new Run("Lunch")],
                        _ => [new Run("Break")],
                    };
                    IReadOnlyList<Inline> stream = item.Session is { } ss ? [new Run(ss.Workstream.Title)] : [];
                    rows.Add(Row([new Run($"{t:HH\\:mm}–{t.AddMinutes(minutes):HH\\:mm}")], what, stream));
                    t = t.AddMinutes(minutes);
                }
                b.Add(Grid(["Time", "Session", "Workstream"], rows));
            }
        }
        if (p.Webinars.Count > 0)
        {
            b.Add(H(3, "Webinars", "webinars"));
            b.Add(Grid(["Month", "Date", "Webinar", "Minutes"], p.Webinars.Select(wb => Row(
                [new Run(wb.Month.ToString())],
                [new Run(org.Cohort.WebinarDates.TryGetValue(wb.SessionId, out var d) ? TemplateData.Date(d.Date) : "to be confirmed")],
                wb.Session is { } s ? [new Run($"{s.Id} {s.Title}", Link: SessionPage(s))] : [new Run(wb.SessionId)],
                [new Run((wb.Session?.Duration ?? 0).ToString())]))));
        }

        b.Add(H(2, "Documents", "documents"));
        b.Add(Para([new Run("Every file of the package (slides, facilitator guides, handouts, the applicant contract and the programme documents) is on the "), new Run("downloads page", Link: Downloads), new Run(".")]));
        return new SitePage(Overview, new Document(p.Title, b) { Subtitle = $"{org.Name} · {org.Cohort.Name}".TrimEnd(' ', '·') }, "content/programme.yaml")
        {
            Inputs = programmeFiles,
        };
    }

    SitePage Workstream(Workstream ws)
    {
        var b = new List<Block>();
        if (ws.Aim.Length > 0) b.Add(Para(ws.Aim));
        b.Add(H(2, "Learning outcomes", "outcomes"));
        b.Add(Bullets(ws.Outcomes.Select(o => (IReadOnlyList<Inline>)[new Run(o.Id, Bold: true), new Run(": " + o.Text)])));
        if (ws.Prerequisites.Count > 0) { b.Add(H(2, "Prerequisites", "prerequisites")); b.Add(Bullets(ws.Prerequisites.Select(Plain))); }
        if (ws.IndicativeContent.Count > 0) { b.Add(H(2, "Indicative content", "indicative-content")); b.Add(Bullets(ws.IndicativeContent.Select(Plain))); }
        b.Add(H(2, "Sessions", "sessions"));
        b.Add(Grid(["Session", "Minutes", "When"], ws.Sessions.Select(s => Row(
            [new Run($"{s.Id} {s.Title}", Link: SessionPage(s))], [new Run(s.Duration.ToString())], [new Run(Schedule.When(p, s, org))]))));
        b.Add(H(2, "Downloads", "downloads"));
        var items = new List<IReadOnlyList<Inline>?> { Download("Facilitator guide", ($"guides/{ws.Slug}-facilitator-guide.pdf", "PDF"), ($"guides/{ws.Slug}-facilitator-guide.docx", "Word")) };
        foreach (var h in p.Handouts.Where(h => ws.Sessions.Any(s => s.Handouts.Contains(h.Id))).OrderBy(h => h.Id, StringComparer.Ordinal))
            items.Add(Download($"Handout: {HandoutTitle(h)}", ($"handouts/{h.Id}.pdf", "PDF"), ($"handouts/{h.Id}.docx", "Word")));
        b.Add(Bullets(items.OfType<IReadOnlyList<Inline>>()));
        return new SitePage(WorkstreamPage(ws), new Document(Long(ws), b) { Subtitle = p.Title }, rel(ws.File))
        {
            Breadcrumbs = [new("Overview", Overview)],
            Section = WorkstreamPage(ws),
            Inputs = [.. programmeFiles, .. HandoutFiles(ws.Sessions)],
        };
    }

    SitePage Session(Session s)
    {
        var ws = s.Workstream;
        var b = new List<Block>();
        if (s.Summary.Length > 0) b.AddRange(markdown(s.Summary, s.File));
        b.Add(Para([new Run("Duration: ", Bold: true), new Run($"{s.Duration} minutes. "), new Run("Delivery: ", Bold: true),
            new Run(Delivery(s) + ". "), new Run("When: ", Bold: true), new Run(Schedule.When(p, s, org) + ".")]));

        b.Add(H(2, "Slides and downloads", "downloads"));
        var items = new List<IReadOnlyList<Inline>?>();
        if (decks.ContainsKey(s.Id)) items.Add([new Run("View the slides in your browser", Link: DeckPageFile(s))]);
        items.Add(Download("Slides", ($"slides/{s.Slug}.pptx", "PowerPoint"), ($"slides/{s.Slug}.pdf", "PDF"),
            ($"slides/{s.Slug}-notes.pdf", "notes pages (PDF)"), ($"slides/{s.Slug}-speaker-notes.pdf", "speaker notes (PDF)")));
        items.Add(Download($"Facilitator guide for {ws.Title}", ($"guides/{ws.Slug}-facilitator-guide.pdf", "PDF"), ($"guides/{ws.Slug}-facilitator-guide.docx", "Word")));
        foreach (var id in s.Handouts)
            if (p.FindHandout(id) is { } h)
                items.Add(Download($"Handout: {HandoutTitle(h)}", ($"handouts/{h.Id}.pdf", "PDF"), ($"handouts/{h.Id}.docx", "Word")));
        b.Add(Bullets(items.OfType<IReadOnlyList<Inline>>()));

        b.Add(H(2, "Outcomes served", "outcomes"));
        b.Add(Bullets(s.Outcomes.Select(id => (IReadOnlyList<Inline>)[new Run(id, Bold: true), new Run(": " + (p.FindOutcome(id)?.Text ?? ""))])));

        b.Add(H(2, "Run sheet", "run-sheet"));
        var times = Schedule.ActivityTimes(p, s);
        b.Add(Grid(["Time", "Minutes", "Activity", "Method", "Output"], s.Activities.Select((a, i) => Row(
            [new Run($"{times[i].Start}–{times[i].End}")], [new Run(a.Minutes.ToString())], [new Run(a.Title)], [new Run(a.Method)], [new Run(a.Output)]))));

        if (s.Preparation.Count + s.Materials.Count + s.Handouts.Count > 0 || s.Prework.Length > 0)
        {
            b.Add(H(2, "Before the session", "before"));
            if (s.Preparation.Count > 0) { b.Add(H(3, "Preparation", "preparation")); b.Add(Checklist(s.Preparation)); }
            var materials = s.Materials.Concat(s.Handouts.Select(id => $"Handout: {(p.FindHandout(id) is { } h ? HandoutTitle(h) : id)} (one per participant)")).ToList();
            if (materials.Count > 0) { b.Add(H(3, "Materials", "materials")); b.Add(Checklist(materials)); }
            if (s.Prework.Length > 0) { b.Add(H(3, "Pre-work for participants", "prework")); b.AddRange(markdown(s.Prework, s.File)); }
        }

        b.Add(H(2, "Activities", "activities"));
        for (var i = 0; i < s.Activities.Count; i++)
        {
            var a = s.Activities[i];
            b.Add(H(3, $"{i + 1}. {a.Title} ({a.Minutes} minutes, {a.Method})", $"activity-{i + 1}"));
            if (a.Output.Length > 0) b.Add(Para([new Run("Output: ", Bold: true), new Run(a.Output)]));
            b.AddRange(markdown(a.Instructions, s.File));
            if (a.FacilitatorNotes.Length > 0) b.Add(new Div("callout", markdown(a.FacilitatorNotes, s.File)) { Title = "Facilitator notes" });
            if (a.Virtual.Length > 0) b.Add(new Div("callout", markdown(a.Virtual, s.File)) { Title = "Online" });
        }

        // The guide has read (and checked) the notes already: only a regular file is read again here.
        if (File.Exists(s.NotesFile) && Content.RegularFile.Problem(s.NotesFile) is null)
        {
            b.Add(H(2, "Facilitator notes", "facilitator-notes"));
            b.AddRange(Shift(markdown(File.ReadAllText(s.NotesFile), s.NotesFile), 1, "notes-"));
        }

        var shown = s.Handouts.Where(handouts.ContainsKey).ToList();
        if (shown.Count > 0)
        {
            b.Add(H(2, "Handouts", "handouts"));
            foreach (var id in shown)
            {
                var doc = handouts[id];
                b.Add(H(3, doc.Title, $"handout-{id}"));
                b.Add(new Div("handout", Shift(doc.Blocks, 2, $"{id}-")));
            }
        }
        return new SitePage(SessionPage(s), new Document($"Session {s.Id}: {s.Title}", b) { Subtitle = Long(ws) }, rel(s.File))
        {
            Breadcrumbs = [new("Overview", Overview), new(Short(ws), WorkstreamPage(ws))],
            Section = WorkstreamPage(ws),
            Inputs = [.. programmeFiles, s.NotesFile, .. HandoutFiles([s])],
        };
    }

    SitePage DownloadsPage()
    {
        var b = new List<Block> { Para("Every file in this package. Word and PowerPoint files can be edited; PDFs are ready to print.") };
        var groups = new (string Folder, string Title)[]
        {
            ("slides", "Slides"), ("guides", "Facilitator guides"), ("handouts", "Handouts"), ("contracts", "Applicant contract"), ("programme", "Programme documents"),
        };
        // Folders added to the package later still show, after the known ones.
        var others = packageFiles.Where(f => f.Contains('/')).Select(f => f[..f.IndexOf('/')]).Distinct()
            .Where(f => groups.All(g => g.Folder != f)).Order(StringComparer.Ordinal).Select(f => (f, char.ToUpperInvariant(f[0]) + f[1..].Replace('-', ' ')));
        foreach (var (folder, title) in groups.Concat(others))
        {
            var files = packageFiles.Where(f => f.StartsWith(folder + "/")).OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (files.Count == 0) continue;
            b.Add(H(2, title, folder));
            b.Add(new ListBlock(false, 1, files.Select(f => new ListItem([Para([new Run(f[(folder.Length + 1)..], Link: "../" + f), new Run(" " + Describe(f))])])).ToList()));
        }
        b.Add(H(2, "Manifest", "manifest"));
        b.Add(Para([new Run("manifest.json", Code: true, Link: "../manifest.json"), new Run(" lists every file with its SHA-256, so you can check a copy is complete.")]));
        return new SitePage(Downloads, new Document("Downloads", b) { Subtitle = $"{p.Title} {p.Version} for {org.Name}" }, "content/programme.yaml")
        {
            Breadcrumbs = [new("Overview", Overview)],
            Inputs = workstreamFiles,
        };
    }

    string Delivery(Session s) => s.IsWebinar ? "webinar (online)" : org.Cohort.Delivery switch
    {
        DeliveryModes.Virtual => "workshop, online for this cohort",
        DeliveryModes.Hybrid => "workshop, in the room and online",
        _ => "workshop, in the room",
    };

    static string Describe(string file) => Path.GetExtension(file) switch
    {
        ".pptx" => "(PowerPoint)",
        ".xlsx" => "(Excel)",
        ".docx" => "(Word)",
        ".pdf" when file.EndsWith("-speaker-notes.pdf") => "(PDF, speaker notes)",
        ".pdf" when file.EndsWith("-notes.pdf") => "(PDF, notes pages)",
        ".pdf" => "(PDF)",
        ".ics" => "(iCalendar: import into Outlook or Google Calendar)",
        _ => "",
    };

    // ---------------- building blocks ----------------

    // An organisation's local sessions form a workstream without a number.
    static string Short(Workstream ws) => ws.IsLocal ? ws.Title : $"Workstream {ws.Number}";
    static string Long(Workstream ws) => ws.IsLocal ? ws.Title : $"Workstream {ws.Number}: {ws.Title}";

    string HandoutTitle(Handout h) => handouts.TryGetValue(h.Id, out var d) ? d.Title : h.Title;

    /// <summary>Links to those package files the build writes (never a link to a missing file).</summary>
    List<NavLink> Files(params (string Path, string Text)[] files) =>
        files.Where(f => packageFiles.Contains(f.Path)).Select(f => new NavLink(f.Text, "../" + f.Path)).ToList();

    static Heading H(int level, string text, string id) => new(level, Inlines.Plain(text), id);
    static Paragraph Para(string text) => new(Inlines.Plain(text));
    static Paragraph Para(IReadOnlyList<Inline> content) => new(content);
    static IReadOnlyList<Inline> Plain(string text) => Inlines.Plain(text);
    static TableRow Row(params IReadOnlyList<Inline>[] cells) => new(cells);

    static Table Grid(string[] headers, IEnumerable<TableRow> rows) =>
        new([new TableRow(headers.Select(h => (IReadOnlyList<Inline>)Inlines.Plain(h)).ToList())], rows.ToList(), headers.Select(_ => Align.Left).ToList());

    static ListBlock Bullets(IEnumerable<IReadOnlyList<Inline>> items) => new(false, 1, items.Select(i => new ListItem([new Paragraph(i)])).ToList());

    static ListBlock Checklist(IEnumerable<string> items) => new(false, 1, items.Select(i => new ListItem([Para(i)], false)).ToList());

    /// <summary>"Label: PDF · Word", each format a link; null when the build writes none of the files.</summary>
    IReadOnlyList<Inline>? Download(string label, params (string Path, string Format)[] files)
    {
        var links = Files(files);
        if (links.Count == 0) return null;
        var runs = new List<Inline> { new Run(label + ": ") };
        for (var i = 0; i < links.Count; i++)
        {
            if (i > 0) runs.Add(new Run(" · "));
            runs.Add(new Run(links[i].Text, Link: links[i].Href));
        }
        return runs;
    }

    /// <summary>Moves a document's headings down <paramref name="by"/> levels (so it nests under the page's) and prefixes their ids (so they stay unique on the page).</summary>
    static IReadOnlyList<Block> Shift(IEnumerable<Block> blocks, int by, string prefix) => blocks.Select(b => b switch
    {
        Heading h => h with { Level = Math.Min(6, h.Level + by), Id = prefix + h.Id },
        Div d => d with { Blocks = Shift(d.Blocks, by, prefix) },
        Quote q => q with { Blocks = Shift(q.Blocks, by, prefix) },
        _ => b,
    }).ToList();
}
