using System.Globalization;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>
/// Reads <c>content/</c> into the <see cref="Programme"/> model and an organisation profile
/// into <see cref="Organisation"/>. Reports every problem it meets (unknown keys, wrong
/// types, missing files) rather than stopping at the first. Cross-references are checked
/// afterwards by <see cref="ContentRules"/>. Every content file is read through the
/// organisation's <see cref="Overlay"/>, so an overlay file replaces its shared counterpart and
/// overlay sessions, handouts and materials join the shared ones.
/// </summary>
public sealed partial class ContentLoader(string root, DiagnosticBag diagnostics, Overlay? overlay = null, ResolvedPaths? paths = null)
{
    /// <summary>The folder under the repository root that holds one folder per organisation.</summary>
    public const string OrganisationsFolder = "organisations";

    public string Root { get; } = Path.GetFullPath(root);
    /// <summary>Checks on the fonts and reference files a profile names, registered by the pipeline from the writers that read them.</summary>
    public IReadOnlyList<ProfileFileCheck> FileChecks { get; init; } = [];
    /// <summary>Symbolic links followed so far, shared by everything one build reads.</summary>
    public ResolvedPaths Paths { get; } = paths ?? new ResolvedPaths();
    /// <summary>Told of every file whose text is asked for (once read or from memory), so a build knows what each output was made from.</summary>
    public Action<string>? Reading { get; set; }
    /// <summary>The overlay every content file is read through (none: the shared files).</summary>
    public Overlay Files { get; } = overlay ?? Overlay.None(root, paths);
    readonly HashSet<string> unreadable = [];
    string ContentDir => Path.Combine(Root, "content");

    /// <summary>Repository-relative path with forward slashes, as diagnostics show it.</summary>
    // A path already relative is relative to the repository (as Session.File is), never to the current folder:
    // with --root from elsewhere, GetRelativePath alone would make it "../../content/…".
    public string Rel(string path) => Path.GetRelativePath(Root, Path.GetFullPath(path, Root)).Replace('\\', '/');

    readonly Dictionary<string, string?> texts = new(StringComparer.Ordinal);

    /// <summary>Every text file read so far that could be used (full path and text), in the order first read.</summary>
    public IEnumerable<(string Path, string Text)> TextsRead => texts.Where(t => t.Value is not null).Select(t => (t.Key, t.Value!)).ToList();

    /// <summary>
    /// The text of a content or template file, read once and checked (inside the repository, size,
    /// UTF-8, no control characters); null with an error if it cannot be used, or if it does not exist.
    /// </summary>
    public string? ReadText(string path) =>
        // An organisation's overlay may sit beside a profile outside the repository (--org); its files are read from there.
        ReadText(path, Files.IsOverlay(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : Root);

    /// <summary>As <see cref="ReadText(string)"/>, for a file that must be inside <paramref name="within"/> (an organisation profile's own folder).</summary>
    string? ReadText(string path, string within)
    {
        path = Path.GetFullPath(path);
        Reading?.Invoke(path);
        if (texts.TryGetValue(path, out var text)) return text;
        text = File.Exists(path) ? SourceFiles.ReadText(path, within, Rel(path), diagnostics, Paths) : null;
        texts[path] = text;
        return text;
    }

    YamlMap? LoadYaml(string path, string? within = null)
    {
        path = Files.Content(path);
        if (!File.Exists(path))
        {
            diagnostics.Report(Rules.MissingFile, SourceSpan.StartOf(Rel(path)), "file not found", "create it or fix the path that refers to it");
            return null;
        }
        return ReadText(path, within ?? Root) is { } text ? YamlMap.Load(text, Rel(path), diagnostics) : null;
    }

    public Programme? LoadProgramme()
    {
        var map = LoadYaml(Path.Combine(ContentDir, "programme.yaml"));
        if (map is null) return null;
        map.AllowOnly(ContentSchema.Programme);

        var workstreams = new List<Workstream>();
        foreach (var (folder, at) in map.StringList("workstreams", required: true))
        {
            if (folder.Length == 0 || folder != Path.GetFileName(folder) || folder is "." or "..")
            {
                diagnostics.Report(Rules.OutsideRepository, at, $"workstream '{folder}' must be a folder name inside content/workstreams/, not a path", "write just the folder's name, e.g. 05-coaching-skills");
                continue;
            }
            var dir = Files.Folder(Path.Combine(ContentDir, "workstreams", folder));
            if (dir is null)
            {
                diagnostics.Report(Rules.MissingFile, at, $"workstream folder 'content/workstreams/{folder}' does not exist", NearestFolder(Path.Combine(ContentDir, "workstreams"), folder));
                continue;
            }
            if (LoadWorkstream(dir) is { } ws) workstreams.Add(ws);
        }

        // Sessions outside any workstream (an organisation's own, in its overlay's content/sessions/) form a local group.
        if (LoadLocalSessions() is { } local) workstreams.Add(local);
        var handouts = workstreams.SelectMany(w => LoadHandouts(Path.Combine(ContentDir, "workstreams", w.Folder, "handouts")))
            .Concat(LoadHandouts(Path.Combine(ContentDir, "handouts"))).ToList();
        // Handouts are found by file name across all workstreams, and output as handouts/<name>: names must be unique.
        foreach (var g in handouts.GroupBy(h => h.Id).Where(g => g.Count() > 1))
            foreach (var dup in g.Skip(1))
                diagnostics.Report(Rules.DuplicateId, SourceSpan.StartOf(Rel(dup.File)), $"handout '{g.Key}' is used more than once (first at {Rel(g.First().File)})",
                    "rename one of the files (and the sessions' 'handouts' lists that use it): handouts are found by file name across all workstreams");
        var materials = Files.Files(Path.Combine(ContentDir, "materials"), "*.md").Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Select(LoadMaterial).OfType<Material>().ToList();
        var contractPath = Files.Content(Path.Combine(ContentDir, "contracts", "applicant-contract.md"));
        var contract = File.Exists(contractPath) ? LoadMaterial(contractPath) : null;
        if (contract is null) diagnostics.Report(Rules.MissingFile, SourceSpan.StartOf("content/contracts/applicant-contract.md"), "the applicant contract is missing", "write it as described in content/README.md");

        return new Programme
        {
            Title = map.String("title", required: true) ?? "",
            ShortTitle = map.String("short_title") ?? "",
            Version = map.String("version") ?? "",
            ReleaseDate = map.String("date") is { } date ? ParseDate(date, map.ValueSpan("date")) : null,
            Licence = map.String("licence") ?? "",
            Summary = map.String("summary") ?? "",
            Aims = map.StringList("aims").Select(a => a.Value).ToList(),
            Audience = map.String("audience") ?? "",
            Workstreams = workstreams,
            Workshops = map.MapList("workshops").Select(ReadWorkshop).ToList(),
            Webinars = map.MapList("webinars").Select(ReadWebinar).OfType<Webinar>().ToList(),
            Handouts = handouts,
            Materials = materials,
            Contract = contract,
            Unreadable = unreadable,
        };
    }

    DateOnly? ParseDate(string text, SourceSpan at)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return InRange(d, text, at, diagnostics);
        diagnostics.Report(Rules.InvalidValue, at, $"'{text}' is not a date", "write dates as \"YYYY-MM-DD\", e.g. \"2027-01-19\"");
        return null;
    }

    /// <summary>The longest a session, an activity, a break or lunch may be: one day, in minutes.</summary>
    internal const int MaxMinutes = 24 * 60;
    /// <summary>The most days a workshop, and the most months a programme, may have (the real one: 2 days, 12 months).</summary>
    internal const int MaxDays = 31, MaxMonths = 120;
    /// <summary>The years dates may fall in: a year 1 or 9999 is a typo, and near the ends of the calendar a session's end cannot be computed.</summary>
    internal static readonly DateOnly FirstDate = new(2000, 1, 1), LastDate = new(2199, 12, 31);

    /// <summary>The date if it is from <see cref="FirstDate"/> to <see cref="LastDate"/>; otherwise an error at it, and null.</summary>
    internal static DateOnly? InRange(DateOnly d, string text, SourceSpan at, DiagnosticBag diagnostics)
    {
        if (d >= FirstDate && d <= LastDate) return d;
        diagnostics.Report(Rules.InvalidValue, at, $"'{text}' is outside the years {FirstDate.Year}–{LastDate.Year}",
            "check the year: dates are written \"YYYY-MM-DD\", e.g. \"2027-01-19\"");
        return null;
    }

    Workshop ReadWorkshop(YamlMap w)
    {
        w.AllowOnly(ContentSchema.Workshop);
        var previous = 0;
        var days = w.MapList("days", required: true).Select(d =>
        {
            d.AllowOnly(ContentSchema.WorkshopDay);
            var day = new WorkshopDay(d.Int("day", 1, MaxDays, required: true) ?? 0, Time(d, "start"), Time(d, "end"), DayItems(d), d.Span);
            // Days are listed in order (run sheets, timetables and cohort dates are matched to them by position).
            if (day.Number > 0 && day.Number <= previous)
                diagnostics.Report(Rules.InvalidValue, d.ValueSpan("day"), $"day {day.Number} comes after day {previous}; list a workshop's days in order, each once", "number the days 1, 2, … in the order they are listed");
            previous = Math.Max(previous, day.Number);
            if (d.Has("start") && d.Has("end") && day.End <= day.Start)
                diagnostics.Report(Rules.InvalidValue, d.ValueSpan("end"), $"day {day.Number} ends at {day.End:HH\\:mm}, not after it starts ({day.Start:HH\\:mm})", "a day starts and ends on the same date; give the end time in 24-hour HH:mm");
            return day;
        }).ToList();
        return new Workshop(w.String("id", required: true) ?? "", w.String("title") ?? "", w.Int("month", 1, MaxMonths) ?? 0, days, w.Span);
    }

    /// <summary>A day's 'items': sessions, breaks and lunch in order (also used by a profile's 'reorder').</summary>
    List<DayItem> DayItems(YamlMap d)
    {
        var items = new List<DayItem>();
        foreach (var item in d.MapList("items", required: true))
        {
            item.AllowOnly(ContentSchema.TimetableItem);
            if (item.Has("session")) items.Add(new DayItem(DayItemKind.Session, item.String("session"), 0, item.Span));
            else if (item.Has("break")) items.Add(new DayItem(DayItemKind.Break, null, item.Int("break", 1, MaxMinutes) ?? 0, item.Span));
            else if (item.Has("lunch")) items.Add(new DayItem(DayItemKind.Lunch, null, item.Int("lunch", 1, MaxMinutes) ?? 0, item.Span));
            else diagnostics.Report(Rules.MissingKey, item.Span, "a timetable item needs one of 'session', 'break' or 'lunch'", "e.g. '- session: \"5.1\"' or '- break: 15'");
        }
        return items;
    }

    TimeOnly Time(YamlMap map, string key)
    {
        var text = map.String(key, required: true);
        if (text is null) return default;
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        diagnostics.Report(Rules.InvalidValue, map.ValueSpan(key), $"'{key}' must be a time like \"09:15\", not '{text}'", "use 24-hour HH:mm in quotes");
        return default;
    }

    Webinar? ReadWebinar(YamlMap w)
    {
        w.AllowOnly(ContentSchema.ProgrammeWebinar);
        var id = w.String("session", required: true);
        return id is null ? null : new Webinar(id, w.Int("month", 1, MaxMonths) ?? 0, w.ValueSpan("session"));
    }

    Workstream? LoadWorkstream(string dir)
    {
        var file = Path.Combine(dir, "workstream.yaml");
        var map = LoadYaml(file);
        if (map is null) return null;
        map.AllowOnly(ContentSchema.Workstream);
        var outcomes = new List<Outcome>();
        foreach (var o in map.MapList("outcomes", required: true))
        {
            o.AllowOnly(ContentSchema.Outcome);
            var id = o.String("id", required: true);
            var text = o.String("text", required: true);
            if (id is not null && text is not null) outcomes.Add(new Outcome(id, text, o.ValueSpan("id")));
        }
        var folder = Path.GetFileName(dir);
        var ws = new Workstream
        {
            Id = map.String("id", required: true) ?? folder,
            Folder = folder,
            Number = map.Int("number", required: true) ?? 0,
            Title = map.String("title", required: true) ?? folder,
            Aim = map.String("aim", required: true) ?? "",
            Outcomes = outcomes,
            Prerequisites = map.StringList("prerequisites").Select(p => p.Value).ToList(),
            IndicativeContent = map.StringList("indicative_content").Select(p => p.Value).ToList(),
            File = Rel(file),
        };

        // Sessions are listed in order by id; each must have a folder whose name starts with that id.
        var sessionsDir = Path.Combine(dir, "sessions");
        var paths = Files.Folders(sessionsDir).ToDictionary(Path.GetFileName, p => p);
        var folders = paths.Keys.OfType<string>().Order(StringComparer.Ordinal).ToList();
        var used = new HashSet<string>();
        foreach (var (id, at) in map.StringList("sessions", required: true))
        {
            var match = folders.FirstOrDefault(f => f.StartsWith(id.ToLowerInvariant() + "-", StringComparison.Ordinal) || f == id.ToLowerInvariant());
            if (match is null)
            {
                diagnostics.Report(Rules.MissingFile, at, $"session '{id}' has no folder in {Rel(sessionsDir)}/", $"create {Rel(sessionsDir)}/{id.ToLowerInvariant()}-<short-title>/session.yaml");
                continue;
            }
            used.Add(match);
            if (LoadSession(paths[match], id) is { } s) { s.Workstream = ws; ws.Sessions.Add(s); }
            else unreadable.Add(id);
        }
        foreach (var f in folders.Where(f => !used.Contains(f)))
        {
            // An organisation adds a session to a workstream by giving it a folder in its overlay.
            if (Files.IsOverlay(paths[f])) { if (LoadSession(paths[f], null) is { } s) { s.Workstream = ws; ws.Sessions.Add(s); } }
            else diagnostics.Report(Rules.SessionFolders, map.ValueSpan("sessions"), $"session folder '{f}' is not listed in 'sessions'", "add its id to the list, or delete the folder");
        }
        return ws;
    }

    /// <summary>The organisation's own sessions outside any workstream (<c>content/sessions/&lt;id&gt;-&lt;name&gt;/</c> in its overlay), as a local group.</summary>
    Workstream? LoadLocalSessions()
    {
        var folders = Files.Folders(Path.Combine(ContentDir, "sessions"));
        if (folders.Count == 0) return null;
        var ws = new Workstream { Id = Workstream.LocalId, Folder = Workstream.LocalId, Number = 0, Title = "Local sessions", Aim = "Sessions this organisation adds to the programme, outside its six workstreams.", File = Rel(Path.GetDirectoryName(folders[0])!) };
        foreach (var dir in folders)
            if (LoadSession(dir, null) is { } s) { s.Workstream = ws; ws.Sessions.Add(s); }
        return ws.Sessions.Count > 0 ? ws : null;
    }

    public static readonly string[] Methods = ContentSchema.Methods;

    /// <summary>Loads the session in <paramref name="dir"/>; <paramref name="expectedId"/> is the id its workstream lists (null for sessions an overlay adds).</summary>
    Session? LoadSession(string dir, string? expectedId)
    {
        var file = Files.Content(Path.Combine(dir, "session.yaml"));
        var map = LoadYaml(file);
        if (map is null) return null;
        map.AllowOnly(ContentSchema.Session);
        var id = map.String("id", required: true) ?? expectedId ?? Path.GetFileName(dir);
        if (expectedId is not null && id != expectedId)
            diagnostics.Report(Rules.SessionFolders, map.ValueSpan("id"), $"session id '{id}' does not match '{expectedId}' listed in workstream.yaml", "make the two the same (quote ids such as \"5.1\")");
        var folderName = Path.GetFileName(dir);
        if (expectedId is null && !folderName.StartsWith(id.ToLowerInvariant() + "-", StringComparison.Ordinal) && folderName != id.ToLowerInvariant())
            diagnostics.Report(Rules.SessionFolders, map.ValueSpan("id"), $"session id '{id}' does not match its folder '{folderName}'", $"name the folder {id.ToLowerInvariant()}-<short-title>");
        var kind = map.String("kind") ?? "workshop";
        if (kind is not ("workshop" or "webinar"))
            diagnostics.Report(Rules.InvalidValue, map.ValueSpan("kind"), $"kind must be 'workshop' or 'webinar', not '{kind}'");

        var activities = new List<Activity>();
        foreach (var a in map.MapList("activities", required: true))
        {
            a.AllowOnly(ContentSchema.Activity);
            var method = a.String("method", required: true) ?? "";
            if (method.Length > 0 && !Methods.Contains(method))
            {
                var near = Suggest.Nearest(method, Methods);
                diagnostics.Report(Rules.InvalidValue, a.ValueSpan("method"), $"unknown method '{method}'", (near is null ? "" : $"did you mean '{near}'? ") + $"Methods: {string.Join(", ", Methods)}");
            }
            activities.Add(new Activity(a.String("title", required: true) ?? "", a.Int("minutes", 1, MaxMinutes, required: true) ?? 0, method,
                a.String("output") ?? "", a.String("instructions") ?? "", a.String("facilitator_notes") ?? "", a.String("virtual") ?? "", a.Span));
        }

        // An activity is known by its title in the run sheet and the guide's cards: two with one title are ambiguous.
        foreach (var g in activities.GroupBy(a => a.Title).Where(g => g.Key.Length > 0 && g.Count() > 1))
            foreach (var dup in g.Skip(1))
                diagnostics.Report(Rules.DuplicateId, dup.At, $"activity '{g.Key}' is used more than once in session {id} (first at line {g.First().At.Line})",
                    "give each activity its own title, e.g. add 'part 2' or what is different about it");

        var slides = Files.Content(Path.Combine(dir, map.String("slides") ?? "slides.md"));
        var notes = Files.Content(Path.Combine(dir, map.String("notes") ?? "facilitator-notes.md"));
        foreach (var (path, key) in new[] { (slides, "slides"), (notes, "notes") })
            if (!Paths.IsInside(path, Root))
                diagnostics.Report(Rules.OutsideRepository, map.ValueSpan(key), $"'{key}' points outside the repository ({map.String(key)})", "keep the session's files in its own folder, e.g. slides: slides.md");
            else if (!File.Exists(path))
                diagnostics.Report(Rules.MissingFile, map.Has(key) ? map.ValueSpan(key) : map.Span, $"missing file {Rel(path)}", $"write the session's {(key == "slides" ? "slide deck" : "facilitator notes")} there (see content/README.md)");

        return new Session
        {
            Id = id,
            Slug = Path.GetFileName(dir),
            Title = map.String("title", required: true) ?? id,
            Kind = kind,
            Duration = map.Int("duration", 1, MaxMinutes, required: true) ?? 0,
            Outcomes = map.StringList("outcomes").Select(o => o.Value).ToList(),
            Summary = map.String("summary") ?? "",
            Preparation = map.StringList("preparation").Select(o => o.Value).ToList(),
            Materials = map.StringList("materials").Select(o => o.Value).ToList(),
            Prework = map.String("prework") ?? "",
            Handouts = map.StringList("handouts").Select(o => o.Value).ToList(),
            Activities = activities,
            Directory = dir,
            File = Rel(file),
            FilePath = file,
            SlidesFile = slides,
            NotesFile = notes,
        };
    }

    IEnumerable<Handout> LoadHandouts(string dir)
    {
        foreach (var path in Files.Files(dir, "*.md"))
        {
            string title = Path.GetFileNameWithoutExtension(path);
            if (ReadText(path) is not { } text) { yield return new Handout(title, title, path, null); continue; }
            var (yaml, _) = FrontMatter.Split(text);
            string? session = null;
            bool perParticipant = false;
            if (yaml is null) diagnostics.Report(Rules.FrontMatter, SourceSpan.StartOf(Rel(path)), "handout has no front matter", "start the file with ---, a 'title:' line and ---");
            else if (YamlMap.Load(yaml, Rel(path), diagnostics) is { } fm)
            {
                fm.AllowOnly(ContentSchema.HandoutFrontMatter);
                title = fm.String("title", required: true) ?? title;
                session = fm.String("session");
                switch (fm.String("per_participant"))
                {
                    case null or "false": break;
                    case "true": perParticipant = true; break;
                    case var other:
                        diagnostics.Report(Rules.InvalidValue, fm.ValueSpan("per_participant"), $"per_participant must be true or false, not '{other}'", "write per_participant: true when every participant needs their own printed copy");
                        break;
                }
            }
            yield return new Handout(Path.GetFileNameWithoutExtension(path), title, path, session) { PerParticipant = perParticipant };
        }
    }

    Material? LoadMaterial(string path)
    {
        if (ReadText(path) is not { } text) return null;
        var (yaml, _) = FrontMatter.Split(text);
        var id = Path.GetFileNameWithoutExtension(path);
        if (yaml is null)
        {
            diagnostics.Report(Rules.FrontMatter, SourceSpan.StartOf(Rel(path)), "document has no front matter", "start the file with ---, 'title:' and 'kind:' lines and ---");
            return null;
        }
        var fm = YamlMap.Load(yaml, Rel(path), diagnostics);
        if (fm is null) return null;
        fm.AllowOnly(ContentSchema.MaterialFrontMatter);
        return new Material(id, fm.String("title", required: true) ?? id, fm.String("kind") ?? "guide", fm.String("audience") ?? "", path);
    }

    static string? NearestFolder(string parent, string name)
    {
        if (!Directory.Exists(parent)) return null;
        var near = Suggest.Nearest(name, Directory.GetDirectories(parent).Select(Path.GetFileName).OfType<string>());
        return near is null ? null : $"did you mean '{near}'?";
    }

    /// <summary>Whether <paramref name="path"/> is inside <paramref name="root"/> once symbolic links are followed.</summary>
    public static bool IsInside(string path, string root) => SourceFiles.IsInside(path, root);
}

/// <summary>Makes and checks file-name slugs.</summary>
public static class Slugs
{
    public static string Make(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(ch);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }

    public static bool IsValid(string slug) => slug.Length > 0 && slug.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-');
}
