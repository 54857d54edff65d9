namespace QcdpBuilder.Diagnostics;

/// <summary>
/// One kind of problem validation finds: a stable id (<c>QCDP101</c>) that tools and
/// contributors can search for, a short name, its default severity and what it checks.
/// </summary>
public sealed record DiagnosticRule(string Id, string Name, Severity Severity, string Description)
{
    public override string ToString() => $"{Id} {Name}";
}

/// <summary>
/// Every rule qcdp checks, by family: 1xx the shape of YAML files, 2xx references between
/// files and ids, 3xx timings and coverage, 4xx Markdown and images, 5xx slides, 6xx style and
/// spelling, 7xx templates, 8xx organisations, 9xx writing the output. README.md and CONTRIBUTING.md list them
/// from here (a test keeps CONTRIBUTING.md in step).
/// </summary>
public static class Rules
{
    // 1xx: the shape of the YAML files (the JSON schemas in schemas/ describe the same).
    public static readonly DiagnosticRule YamlSyntax = new("QCDP101", "yaml-syntax", Severity.Error, "The file is not well-formed YAML, or its top level is not a mapping of keys to values.");
    public static readonly DiagnosticRule UnknownKey = new("QCDP102", "unknown-key", Severity.Error, "A key the file kind does not take (usually a typo); the hint names the nearest valid key.");
    public static readonly DiagnosticRule MissingKey = new("QCDP103", "missing-key", Severity.Error, "A required key is missing.");
    public static readonly DiagnosticRule WrongType = new("QCDP104", "wrong-type", Severity.Error, "A value has the wrong type: text where a list or mapping is expected, or the other way round, or not a whole number.");
    public static readonly DiagnosticRule InvalidValue = new("QCDP105", "invalid-value", Severity.Error, "A value outside what is allowed: an unknown kind, method, delivery mode or paper size, a malformed date, time, colour or slug.");
    public static readonly DiagnosticRule UnusedKey = new("QCDP107", "unused-key", Severity.Warning, "A key that has no effect with the other settings (partners and host without setting: system-wide).");
    public static readonly DiagnosticRule FrontMatter = new("QCDP106", "front-matter", Severity.Error, "A handout or programme document without its YAML front matter (--- title: … ---).");
    public static readonly DiagnosticRule SourceText = new("QCDP108", "source-text", Severity.Error, "A content or template file that is not UTF-8, holds a control character (or a YAML value that makes one), or is larger than 1 MB.");

    // 2xx: references.
    public static readonly DiagnosticRule MissingFile = new("QCDP201", "missing-file", Severity.Error, "A file or folder the content refers to does not exist (slides, notes, workstream or session folders, brand files, templates).");
    public static readonly DiagnosticRule UnknownOutcome = new("QCDP202", "unknown-outcome", Severity.Error, "A session serves an outcome id that no workstream defines.");
    public static readonly DiagnosticRule UnknownHandout = new("QCDP203", "unknown-handout", Severity.Error, "A session uses a handout that does not exist.");
    public static readonly DiagnosticRule UnknownSession = new("QCDP204", "unknown-session", Severity.Error, "The timetable or the webinars name a session that does not exist.");
    public static readonly DiagnosticRule DuplicateId = new("QCDP205", "duplicate-id", Severity.Error, "Two outcomes, sessions, handouts or activities share an id (or, for activities, a title within a session).");
    public static readonly DiagnosticRule SessionFolders = new("QCDP206", "session-folders", Severity.Error, "A session folder not listed in its workstream.yaml, or a session whose id differs from the one listed.");
    public static readonly DiagnosticRule Organisation = new("QCDP208", "organisation", Severity.Error, "The organisation to build for does not exist, or there are several and no default_organisation.");
    public static readonly DiagnosticRule OutsideRepository = new("QCDP207", "outside-repository", Severity.Error, "A brand file or picture outside the repository or the profile's folder: builds only read the repository.");
    public static readonly DiagnosticRule EvaluationOutcome = new("QCDP209", "evaluation-outcome", Severity.Error, "A measure or self-assessment item (content/evaluation/) names an outcome id that no workstream defines.");

    // 3xx: timings and coverage.
    public static readonly DiagnosticRule ActivityTimings = new("QCDP301", "activity-timings", Severity.Error, "A session's activities do not add up to its duration.");
    public static readonly DiagnosticRule DayTimings = new("QCDP302", "day-timings", Severity.Error, "A workshop day's sessions and breaks do not fill the day from start to end.");
    public static readonly DiagnosticRule OutcomeCoverage = new("QCDP303", "outcome-coverage", Severity.Error, "A workstream outcome that no session serves.");
    public static readonly DiagnosticRule Unscheduled = new("QCDP304", "unscheduled-session", Severity.Warning, "A session that is on no workshop day and is not a webinar.");
    public static readonly DiagnosticRule WebinarKind = new("QCDP305", "webinar-kind", Severity.Error, "A session listed as a webinar whose kind is not 'webinar'.");
    public static readonly DiagnosticRule CohortDates = new("QCDP306", "cohort-dates", Severity.Error, "The organisation's cohort dates do not match the programme's workshops and webinars.");
    public static readonly DiagnosticRule OutcomeEvaluation = new("QCDP307", "outcome-evaluation", Severity.Warning, "A workstream outcome that no self-assessment item or measure names, so nothing evaluates it (the traceability matrix flags it too).");

    // 4xx: Markdown and images.
    public static readonly DiagnosticRule AltText = new("QCDP401", "alt-text", Severity.Error, "An image without alt text.");
    public static readonly DiagnosticRule ImageFile = new("QCDP402", "image-file", Severity.Error, "An image that is missing, remote, outside the repository, or not a readable PNG or JPEG.");
    public static readonly DiagnosticRule FillIn = new("QCDP403", "fill-in", Severity.Error, "A malformed fill-in element ([lines: N], [field: …], [scale: …], [table: …; rows: N], [signature: …]).");
    public static readonly DiagnosticRule LinkScheme = new("QCDP404", "link-scheme", Severity.Error, "A link that is not https, http, mailto or an in-page #anchor (javascript:, file: …).");
    public static readonly DiagnosticRule BrokenLink = new("QCDP405", "broken-link", Severity.Error, "An in-page #anchor that matches no heading, or a link to a content file that does not exist.");
    public static readonly DiagnosticRule Nesting = new("QCDP407", "nesting", Severity.Error, "Lists, quotes or YAML structures nested more than 32 levels deep (input built to exhaust the parser).");
    public static readonly DiagnosticRule HeadingLevels = new("QCDP406", "heading-levels", Severity.Warning, "A heading that skips a level (#### straight after ##) in a handout or programme document.");

    // 5xx: slides.
    public static readonly DiagnosticRule SlideCount = new("QCDP501", "slide-count", Severity.Warning, "A deck outside 8–20 slides (with its title slide).");
    public static readonly DiagnosticRule SpeakerNotes = new("QCDP502", "speaker-notes", Severity.Warning, "A content slide without speaker notes (a ::: notes block).");
    public static readonly DiagnosticRule SlideOverflow = new("QCDP503", "slide-overflow", Severity.Warning, "Slide text that will not fit its placeholder even at the smallest size the writer shrinks to (measured with the deck's real font).");

    // 6xx: style and spelling.
    public static readonly DiagnosticRule Terms = new("QCDP601", "terms", Severity.Warning, "A standardised term written another way (content/style/terms.yaml): PDSA not pdsa, run chart not run-chart.");

    // 7xx: templates.
    public static readonly DiagnosticRule TemplatePlaceholder = new("QCDP701", "template-placeholder", Severity.Error, "A {{placeholder}} that does not exist.");
    public static readonly DiagnosticRule TemplateSyntax = new("QCDP702", "template-syntax", Severity.Error, "A template syntax or runtime error (Scriban), or a feature templates may not use (import, an include outside the templates folders, a loop or output past its limit).");

    // 8xx: organisations (profiles, overlays and their adaptations of the programme).
    public static readonly DiagnosticRule UnknownOrganisation = new("QCDP801", "unknown-organisation", Severity.Error, "--org names no organisation folder, or there is no default organisation.");
    public static readonly DiagnosticRule Customisation = new("QCDP802", "customisation", Severity.Error, "A profile's exclude, add or reorder names an unknown session, workstream or day, or cannot be applied as written.");
    public static readonly DiagnosticRule DayShortened = new("QCDP803", "day-shortened", Severity.Warning, "Excluding sessions makes a workshop day end earlier, or leaves an outcome or webinar date unused.");
    public static readonly DiagnosticRule DeliveryPassage = new("QCDP804", "delivery-passage", Severity.Error, "A fenced div that looks like a misspelt delivery-mode passage (::: {.virtaul} for ::: {.virtual}).");
    public static readonly DiagnosticRule OrganisationExists = new("QCDP806", "organisation-exists", Severity.Error, "qcdp init for an organisation that already has a profile (nothing is changed).");
    public static readonly DiagnosticRule Setting = new("QCDP805", "setting", Severity.Error, "A system-wide programme without its partners or host, or a host that is not a partner.");

    // 85x: session packs (qcdp pack).
    public static readonly DiagnosticRule Roster = new("QCDP851", "roster", Severity.Error, "A participant list (--participants) that cannot be used: not UTF-8, no 'name' column, an unclosed quote, a row with the wrong number of fields or no name.");
    public static readonly DiagnosticRule PackOptions = new("QCDP852", "pack-options", Severity.Error, "qcdp pack options that name no workshop day, session or webinar, or that do not go together.");

    // 86x: evaluation data (qcdp report).
    public static readonly DiagnosticRule MeasureData = new("QCDP861", "measure-data", Severity.Error, "A cell of completed evaluation data (qcdp report --data) that is missing, not a number or impossible (a zero denominator, a numerator above its denominator), named by sheet, row and column.");
    public static readonly DiagnosticRule MeasureSheet = new("QCDP862", "measure-sheet", Severity.Warning, "A measure with no sheet (or no CSV file) in the data given to qcdp report, or data that cannot be read; a missing measure is left out of the report.");

    // 87x: brands (colours, brand files, Office templates).
    public static readonly DiagnosticRule BrandContrast = new("QCDP871", "brand-contrast", Severity.Warning, "A brand colour pair the outputs put text in is below WCAG 2.2 AA contrast (4.5:1 body text, 3:1 large text); the hint suggests a passing shade of the same hue.");
    public static readonly DiagnosticRule TemplateLayout = new("QCDP872", "template-layout", Severity.Warning, "The organisation's PowerPoint template has no layout with the name needed for one of ours (after layout_names); those slides use its Title and Content layout.");
    public static readonly DiagnosticRule BrandFile = new("QCDP873", "brand-file", Severity.Error, "A brand file the writers cannot use: a font that is not TrueType or has no regular face, a web address, an Office template of the wrong kind or that cannot be read.");

    public static readonly DiagnosticRule ExternalLink = new("QCDP874", "external-link", Severity.Warning, "An organisation's Office template (reference deck, document or workbook) links outside itself (a web address, a file:// or \\\\server picture); every such link is left out of what the build writes.");
    public static readonly DiagnosticRule MissingGlyph = new("QCDP875", "missing-glyph", Severity.Error, "Text the brand's font has no character for (Arabic, Chinese, an emoji in a Latin font): the PDFs would print '?' in its place.");

    // 9xx: writing the output.
    public static readonly DiagnosticRule WriteFailed = new("QCDP901", "write-failed", Severity.Error, "A file could not be written from its source (say, a corrupt picture or font).");
    public static readonly DiagnosticRule OutputFolder = new("QCDP910", "output-folder", Severity.Error, "An output folder qcdp may not write: the repository, a folder above it, anything in content/, templates/, organisations/ or .git/, a file, a folder of someone else's files (without --force), or a file in the way that qcdp did not write or that was changed since.");
    public static readonly DiagnosticRule OutputBusy = new("QCDP911", "output-busy", Severity.Error, "Another qcdp is writing the same output folder and did not finish within a minute; the message says which process.");

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<DiagnosticRule> All { get; } = typeof(Rules).GetFields()
        .Where(f => f.FieldType == typeof(DiagnosticRule)).Select(f => (DiagnosticRule)f.GetValue(null)!)
        .OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    /// <summary>The rule with this id or name, or null.</summary>
    public static DiagnosticRule? Find(string idOrName) =>
        All.FirstOrDefault(r => r.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || r.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}
