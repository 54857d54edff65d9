using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>The whole programme as loaded from <c>content/</c>: metadata, workstreams and the cohort shape.</summary>
public sealed class Programme
{
    public required string Title { get; init; }
    public string ShortTitle { get; init; } = "";
    public string Version { get; init; } = "";
    public string Licence { get; init; } = "";
    public string Summary { get; init; } = "";
    public List<string> Aims { get; init; } = [];
    public string Audience { get; init; } = "";
    /// <summary>Release date of this version; written into document properties so builds are reproducible.</summary>
    public DateOnly? ReleaseDate { get; init; }
    public List<Workstream> Workstreams { get; init; } = [];
    public List<Workshop> Workshops { get; init; } = [];
    public List<Webinar> Webinars { get; init; } = [];
    public List<Handout> Handouts { get; init; } = [];
    public List<Material> Materials { get; init; } = [];
    public Material? Contract { get; init; }
    /// <summary>Sessions listed in a workstream whose files could not be read; their own errors say why, so rules do not repeat them.</summary>
    public HashSet<string> Unreadable { get; init; } = [];
    /// <summary>Sessions and workstreams the organisation excluded, with where its profile says so; filled by the customise step.</summary>
    public List<(Session Session, SourceSpan At)> ExcludedSessions { get; init; } = [];
    public List<Workstream> ExcludedWorkstreams { get; init; } = [];

    /// <summary>
    /// A copy to customise, sharing nothing that customising or filling placeholders changes: new lists, workstreams,
    /// sessions (pointing at the new workstreams), days and timetable items; the immutable records are shared.
    /// </summary>
    public Programme Copy()
    {
        var workstreams = Workstreams.ToDictionary(w => w, w => w.Copy(), ReferenceEqualityComparer.Instance);
        Workstream CopyOf(Workstream w) => workstreams.TryGetValue(w, out var copy) ? (Workstream)copy : w.Copy();
        return new Programme
        {
            Title = Title, ShortTitle = ShortTitle, Version = Version, Licence = Licence, Summary = Summary, Aims = [.. Aims], Audience = Audience,
            ReleaseDate = ReleaseDate,
            Workstreams = Workstreams.Select(CopyOf).ToList(),
            Workshops = Workshops.Select(w => w with { Days = w.Days.Select(d => d with { Items = d.Items.Select(i => i with { }).ToList() }).ToList() }).ToList(),
            Webinars = Webinars.Select(w => w with { }).ToList(),
            Handouts = [.. Handouts],
            Materials = [.. Materials],
            Contract = Contract,
            Unreadable = [.. Unreadable],
            ExcludedSessions = ExcludedSessions.Select(x => (CopyOf(x.Session.Workstream).Sessions.FirstOrDefault(s => s.Id == x.Session.Id) ?? x.Session.Copy(), x.At)).ToList(),
            ExcludedWorkstreams = ExcludedWorkstreams.Select(CopyOf).ToList(),
        };
    }

    public IEnumerable<Session> Sessions => Workstreams.SelectMany(w => w.Sessions);
    public Session? FindSession(string id) => Sessions.FirstOrDefault(s => s.Id == id);
    public Handout? FindHandout(string id) => Handouts.FirstOrDefault(h => h.Id == id);
    /// <summary>An outcome by id; outcomes of excluded workstreams still resolve, so sessions that serve them stay valid.</summary>
    public Outcome? FindOutcome(string id) => Workstreams.Concat(ExcludedWorkstreams).SelectMany(w => w.Outcomes).FirstOrDefault(o => o.Id == id);
}

/// <summary>A workshop (W1–W3): consecutive days of sessions in one month.</summary>
public sealed record Workshop(string Id, string Title, int Month, List<WorkshopDay> Days, SourceSpan At);

/// <summary>One workshop day: a start and end time and the ordered items that fill it.</summary>
public sealed record WorkshopDay(int Number, TimeOnly Start, TimeOnly End, List<DayItem> Items, SourceSpan At);

/// <summary>A timetable slot: a session, a break or lunch.</summary>
public sealed record DayItem(DayItemKind Kind, string? SessionId, int Minutes, SourceSpan At)
{
    /// <summary>Resolved after loading; null for breaks.</summary>
    public Session? Session { get; set; }
}

public enum DayItemKind { Session, Break, Lunch }

/// <summary>A webinar in the cohort calendar, pointing at a webinar session.</summary>
public sealed record Webinar(string SessionId, int Month, SourceSpan At)
{
    public Session? Session { get; set; }
}

/// <summary>A learning outcome, with the id sessions use to say they serve it.</summary>
public sealed record Outcome(string Id, string Text, SourceSpan At);

/// <summary>A teaching workstream: its aim, outcomes and ordered sessions.</summary>
public sealed class Workstream
{
    public required string Id { get; init; }
    public required string Folder { get; init; }
    public int Number { get; init; }
    public required string Title { get; init; }
    public string Aim { get; set; } = "";
    public List<Outcome> Outcomes { get; init; } = [];
    public List<string> Prerequisites { get; init; } = [];
    public List<string> IndicativeContent { get; init; } = [];
    public List<Session> Sessions { get; init; } = [];
    public required string File { get; init; }
    /// <summary>Output file stem, e.g. <c>05-coaching-skills</c>.</summary>
    public string Slug => Folder;
    /// <summary>Id and folder of the group holding an organisation's sessions that belong to no workstream.</summary>
    public const string LocalId = "local";
    public bool IsLocal => Id == LocalId;

    /// <summary>A copy with its own lists and its own copies of its sessions (see <see cref="Programme.Copy"/>).</summary>
    public Workstream Copy()
    {
        var copy = new Workstream
        {
            Id = Id, Folder = Folder, Number = Number, Title = Title, Aim = Aim, Outcomes = [.. Outcomes], Prerequisites = [.. Prerequisites],
            IndicativeContent = [.. IndicativeContent], File = File,
        };
        foreach (var s in Sessions) { var c = s.Copy(); c.Workstream = copy; copy.Sessions.Add(c); }
        return copy;
    }
}

/// <summary>A session: a timed sequence of activities, with slides, facilitator notes and handouts.</summary>
public sealed class Session
{
    public required string Id { get; init; }
    /// <summary>The session folder name, used for output file names.</summary>
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string Kind { get; init; } = "workshop";
    public int Duration { get; init; }
    public List<string> Outcomes { get; init; } = [];
    public string Summary { get; set; } = "";
    public List<string> Preparation { get; init; } = [];
    public List<string> Materials { get; init; } = [];
    public string Prework { get; init; } = "";
    public List<string> Handouts { get; init; } = [];
    public List<Activity> Activities { get; init; } = [];
    public required string Directory { get; init; }
    public required string File { get; init; }
    /// <summary>Absolute path of the session.yaml read (the overlay's when it replaces the shared one).</summary>
    public string FilePath { get; init; } = "";
    public required string SlidesFile { get; init; }
    public required string NotesFile { get; init; }
    public Workstream Workstream { get; set; } = null!;
    public bool IsWebinar => Kind == "webinar";

    /// <summary>A copy with its own lists, in the same workstream until its copy adopts it (see <see cref="Programme.Copy"/>).</summary>
    public Session Copy() => new()
    {
        Id = Id, Slug = Slug, Title = Title, Kind = Kind, Duration = Duration, Outcomes = [.. Outcomes], Summary = Summary,
        Preparation = [.. Preparation], Materials = [.. Materials], Prework = Prework, Handouts = [.. Handouts], Activities = [.. Activities],
        Directory = Directory, File = File, FilePath = FilePath, SlidesFile = SlidesFile, NotesFile = NotesFile, Workstream = Workstream,
    };
}

/// <summary>A timed activity within a session.</summary>
public sealed record Activity(string Title, int Minutes, string Method, string Output, string Instructions, string FacilitatorNotes, string Virtual, SourceSpan At);

/// <summary>A handout: a Markdown worksheet with fill-in elements.</summary>
public sealed record Handout(string Id, string Title, string File, string? SessionId)
{
    /// <summary>Every participant needs their own printed copy (<c>per_participant: true</c>); counted into pack checklists.</summary>
    public bool PerParticipant { get; init; }
}

/// <summary>A programme document in <c>materials/</c> (guidance, comms, forms) or the applicant contract.</summary>
public sealed record Material(string Id, string Title, string Kind, string Audience, string File);
