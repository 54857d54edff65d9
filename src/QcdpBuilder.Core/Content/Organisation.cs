using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>
/// An organisation profile (<c>organisations/&lt;slug&gt;/organisation.yaml</c>): who is running
/// the programme, its brand, its cohort, its setting and terminology, and how it adapts the
/// programme (sessions excluded, added or reordered). Its folder also holds its overlay.
/// </summary>
public sealed class Organisation
{
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public required string Slug { get; init; }
    /// <summary>Absolute path of the logo, or null.</summary>
    public string? LogoPath { get; init; }
    public Dictionary<string, string> Colours { get; init; } = [];
    /// <summary>Where each colour was set (the profile, or its _brand.yml), for warnings about it.</summary>
    public Dictionary<string, SourceSpan> ColourAt { get; init; } = [];
    /// <summary>Running-footer text for PDFs, DOCX and slides; null means the programme title.</summary>
    public string? Footer { get; init; }
    public string HeadingFont { get; init; } = "Atkinson Hyperlegible";
    public string BodyFont { get; init; } = "Atkinson Hyperlegible";
    /// <summary>Absolute paths of the four TTF faces if the organisation names its own.</summary>
    public FontFiles? FontFiles { get; init; }
    public string Paper { get; init; } = "A4";
    public Person Contact { get; init; } = new("", "", "", "");
    public Person Lead { get; init; } = new("", "", "", "");
    public Cohort Cohort { get; init; } = new();
    public Dictionary<string, string> Terminology { get; init; } = [];
    /// <summary>An optional reference deck (.pptx or .potx) whose layouts are used by name.</summary>
    public string? ReferenceDeck { get; init; }
    /// <summary>Where reference_deck is set, for warnings about the template's layouts.</summary>
    public SourceSpan ReferenceDeckAt { get; init; }
    /// <summary>Our layout name → the name of the layout to use in the organisation's template.</summary>
    public Dictionary<string, string> LayoutNames { get; init; } = [];
    /// <summary>An optional reference document (.docx or .dotx) whose styles are used by name.</summary>
    public string? ReferenceDocument { get; init; }
    public required string File { get; init; }
    /// <summary>Absolute path of the folder holding the profile (and the organisation's overlay).</summary>
    public string Folder { get; init; } = "";
    /// <summary>in-house, or system-wide (several organisations learning together).</summary>
    public string Setting { get; init; } = Settings.InHouse;
    /// <summary>For a system-wide programme: the partner organisations' names.</summary>
    public List<string> Partners { get; init; } = [];
    /// <summary>For a system-wide programme: the organisation that hosts it (named in the applicant contract).</summary>
    public string Host { get; init; } = "";
    /// <summary>Named web links (<c>{{org.links.intranet}}</c>), in profile order.</summary>
    public List<KeyValuePair<string, string>> Links { get; init; } = [];
    /// <summary>How the organisation adapts the programme: exclude, add, reorder.</summary>
    public Customisation Customisation { get; init; } = new([], [], []);

    public bool IsSystemWide => Setting == Settings.SystemWide;
}

/// <summary>Where a programme runs: inside one organisation, or across a health and care system.</summary>
public static class Settings
{
    public const string InHouse = "in-house", SystemWide = "system-wide";
    public static readonly string[] All = [InHouse, SystemWide];
}

/// <summary>A named person or team with contact details.</summary>
public sealed record Person(string Name, string Role, string Email, string Phone);

/// <summary>How a cohort is delivered. Content marks passages for one mode (<c>::: {.virtual}</c>).</summary>
public static class DeliveryModes
{
    public const string InPerson = "in-person", Virtual = "virtual", Hybrid = "hybrid";
    public static readonly string[] All = [InPerson, Virtual, Hybrid];
}

/// <summary>
/// One workshop day as the cohort runs it: its date, and where and when it starts
/// (each falls back to the cohort's default when the profile does not say).
/// </summary>
public sealed record CohortDay(DateOnly Date, TimeOnly? Start, string Venue, string OnlineLink, SourceSpan At);

/// <summary>One webinar as the cohort runs it: date, optional start time and joining link.</summary>
public sealed record CohortWebinar(DateOnly Date, TimeOnly? Start, string OnlineLink, SourceSpan At);

/// <summary>The cohort being run: its name, delivery mode, facilitators and the date, place and time of every workshop day and webinar.</summary>
public sealed class Cohort
{
    public string Name { get; init; } = "";
    /// <summary>in-person, virtual or hybrid (<see cref="DeliveryModes"/>).</summary>
    public string Delivery { get; init; } = DeliveryModes.InPerson;
    /// <summary>Default venue of workshop days.</summary>
    public string Venue { get; init; } = "";
    /// <summary>Default joining link for online days and webinars.</summary>
    public string OnlineLink { get; init; } = "";
    /// <summary>Default start of workshop days; null means the programme's own start time.</summary>
    public TimeOnly? Start { get; init; }
    /// <summary>Default start of webinars; null when the profile does not say.</summary>
    public TimeOnly? WebinarStart { get; init; }
    public List<string> Facilitators { get; init; } = [];
    public int? ProtectedHoursPerWeek { get; init; }
    /// <summary>Workshop id → each of its days as this cohort runs them.</summary>
    public Dictionary<string, List<CohortDay>> Workshops { get; init; } = [];
    /// <summary>Webinar session id → when and how it runs.</summary>
    public Dictionary<string, CohortWebinar> Webinars { get; init; } = [];
    public SourceSpan At { get; init; }

    public bool IsVirtual => Delivery == DeliveryModes.Virtual;

    /// <summary>Workshop id → the date of each of its days.</summary>
    public Dictionary<string, List<(DateOnly Date, SourceSpan At)>> WorkshopDates =>
        Workshops.ToDictionary(w => w.Key, w => w.Value.Select(d => (d.Date, d.At)).ToList());

    /// <summary>Webinar session id → its date.</summary>
    public Dictionary<string, (DateOnly Date, SourceSpan At)> WebinarDates =>
        Webinars.ToDictionary(w => w.Key, w => (w.Value.Date, w.Value.At));

    /// <summary>The cohort's day <paramref name="index"/> (0-based) of a workshop, if the profile gives it.</summary>
    public CohortDay? Day(string workshopId, int index) =>
        Workshops.TryGetValue(workshopId, out var days) && index >= 0 && index < days.Count ? days[index] : null;
}

/// <summary>How an organisation adapts the programme, from its profile: what it leaves out, adds and reorders.</summary>
public sealed record Customisation(List<Exclusion> Exclude, List<Addition> Add, List<Reordering> Reorder);

/// <summary><c>exclude: [id]</c>: a session (<c>"6.4"</c>) or a whole workstream (<c>working-with-groups</c>) left out.</summary>
public sealed record Exclusion(string Id, SourceSpan At);

/// <summary>
/// <c>add: - { session, day, after | before | instead_of }</c>: a session placed into a workshop day, after or
/// before a session of that day, or in the slot of a session the profile excludes.
/// </summary>
public sealed record Addition(string SessionId, SourceSpan At, int Day, SourceSpan DayAt, string? After, string? Before, string? InsteadOf, SourceSpan PlaceAt);

/// <summary><c>reorder: - { day, items }</c>: a day's sessions and breaks in the order this organisation runs them.</summary>
public sealed record Reordering(int Day, SourceSpan DayAt, List<DayItem> Items, SourceSpan At);

/// <summary>Paths of the four TrueType faces of a font family.</summary>
public sealed record FontFiles(string Regular, string Bold, string Italic, string BoldItalic);
