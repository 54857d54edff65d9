using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>
/// An organisation profile (<c>content/organisation.yaml</c> for the bundled example):
/// who is running the programme, its brand and its cohort. A fork rebrands by editing it.
/// </summary>
public sealed class Organisation
{
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public required string Slug { get; init; }
    /// <summary>Absolute path of the logo, or null.</summary>
    public string? LogoPath { get; init; }
    public Dictionary<string, string> Colours { get; init; } = [];
    public string HeadingFont { get; init; } = "Atkinson Hyperlegible";
    public string BodyFont { get; init; } = "Atkinson Hyperlegible";
    /// <summary>Absolute paths of the four TTF faces if the organisation names its own.</summary>
    public Branding.FontFiles? FontFiles { get; init; }
    public string Paper { get; init; } = "A4";
    public Person Contact { get; init; } = new("", "", "", "");
    public Person Lead { get; init; } = new("", "", "", "");
    public Cohort Cohort { get; init; } = new();
    public Dictionary<string, string> Terminology { get; init; } = [];
    /// <summary>An optional reference deck (.pptx) whose layouts are used by name.</summary>
    public string? ReferenceDeck { get; init; }
    /// <summary>An optional reference document (.docx) whose styles are used by name.</summary>
    public string? ReferenceDocument { get; init; }
    public required string File { get; init; }
}

/// <summary>A named person or team with contact details.</summary>
public sealed record Person(string Name, string Role, string Email, string Phone);

/// <summary>The cohort being run: its name, delivery mode and dates.</summary>
public sealed class Cohort
{
    public string Name { get; init; } = "";
    public string Delivery { get; init; } = "in-person";
    public string Venue { get; init; } = "";
    public int? ProtectedHoursPerWeek { get; init; }
    /// <summary>Workshop id → the date of each of its days.</summary>
    public Dictionary<string, List<(DateOnly Date, SourceSpan At)>> WorkshopDates { get; init; } = [];
    /// <summary>Webinar session id → its date.</summary>
    public Dictionary<string, (DateOnly Date, SourceSpan At)> WebinarDates { get; init; } = [];
    public SourceSpan At { get; init; }
}
