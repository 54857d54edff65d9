namespace QcdpBuilder.Content;

/// <summary>What a YAML value must be. <see cref="TextOrMapping"/> is a short form (a date) or a long one (<c>{ date, start }</c>).</summary>
public enum ValueKind { Text, Integer, Boolean, Date, Time, Colour, TextList, Mapping, MappingList, TextOrMapping, TextOrMappingList, Dictionary }

/// <summary>One key of a YAML mapping: its type, whether it is required, what it means, and (for mappings) the keys inside.</summary>
public sealed record KeySchema(string Name, ValueKind Kind, string Doc)
{
    public bool Required { get; init; }
    /// <summary>The only values allowed (methods, delivery modes, paper sizes).</summary>
    public IReadOnlyList<string>? Enum { get; init; }
    /// <summary>A regular expression text values must match (slugs, ids).</summary>
    public string? Pattern { get; init; }
    /// <summary>The keys of a mapping, of each entry of a list of mappings, or of the long form of a text-or-mapping.</summary>
    public MappingSchema? Mapping { get; init; }
    /// <summary>For a <see cref="ValueKind.Dictionary"/> (free keys, such as terminology): what each value is.</summary>
    public KeySchema? Values { get; init; }
}

/// <summary>The keys a mapping takes, in the order the documentation lists them.</summary>
public sealed record MappingSchema(string Title, string Doc, IReadOnlyList<KeySchema> Properties)
{
    /// <summary>The names the loader accepts (<see cref="YamlMap.AllowOnly(MappingSchema)"/>).</summary>
    public string[] Keys => Properties.Select(p => p.Name).ToArray();
    /// <summary>At most one key may be given, and at least one (timetable items: session, break or lunch).</summary>
    public bool ExactlyOne { get; init; }
    public KeySchema this[string key] => Properties.First(p => p.Name == key);
}

/// <summary>
/// The one description of every YAML file kind in the content: the loader's allowed keys
/// come from here (<see cref="YamlMap.AllowOnly(MappingSchema)"/>) and so do the JSON schemas
/// that <c>qcdp schema</c> writes to <c>schemas/</c> for editors. Change a key here and both
/// follow; a test fails until the committed schemas are regenerated.
/// </summary>
public static class ContentSchema
{
    const string IdPattern = "^[A-Za-z0-9][A-Za-z0-9.-]*$";

    static KeySchema Text(string name, string doc, bool required = false) => new(name, ValueKind.Text, doc) { Required = required };
    static KeySchema Int(string name, string doc, bool required = false) => new(name, ValueKind.Integer, doc) { Required = required };
    static KeySchema List(string name, string doc, bool required = false) => new(name, ValueKind.TextList, doc) { Required = required };
    static KeySchema Map(string name, string doc, MappingSchema mapping) => new(name, ValueKind.Mapping, doc) { Mapping = mapping };
    static KeySchema Entries(string name, string doc, MappingSchema mapping, bool required = false) => new(name, ValueKind.MappingList, doc) { Mapping = mapping, Required = required };

    // ---- programme.yaml ----

    public static readonly MappingSchema TimetableItem = new("Timetable item", "One slot of a workshop day: a session, a break or lunch.",
    [
        Text("session", "The id of the session in this slot, quoted (\"5.1\").") with { Pattern = IdPattern },
        Int("break", "A break of this many minutes."),
        Int("lunch", "Lunch of this many minutes."),
    ]) { ExactlyOne = true };

    public static readonly MappingSchema WorkshopDay = new("Workshop day", "One day of a workshop; its items must fill start to end exactly.",
    [
        Int("day", "The day's number across the whole programme (1–7).", required: true),
        new("start", ValueKind.Time, "When the day starts, 24-hour \"HH:MM\" in quotes.") { Required = true },
        new("end", ValueKind.Time, "When the day ends, 24-hour \"HH:MM\" in quotes.") { Required = true },
        Entries("items", "The day's sessions, breaks and lunch, in order.", TimetableItem, required: true),
    ]);

    public static readonly MappingSchema Workshop = new("Workshop", "A workshop: consecutive days in one month.",
    [
        Text("id", "The workshop's id (W1, W2, W3); the organisation's cohort dates use it.", required: true),
        Text("title", "The workshop's name."),
        Int("month", "The month of the programme in which it falls."),
        Entries("days", "The workshop's days.", WorkshopDay, required: true),
    ]);

    public static readonly MappingSchema ProgrammeWebinar = new("Webinar", "A webinar in the programme's calendar.",
    [
        Text("session", "The id of a session whose kind is webinar.", required: true) with { Pattern = IdPattern },
        Int("month", "The month of the programme in which it falls."),
    ]);

    public static readonly MappingSchema Programme = new("Programme (content/programme.yaml)", "The programme: what it is, its workstreams and its timetable of workshops and webinars.",
    [
        Text("title", "The programme's full title.", required: true),
        Text("short_title", "A short title, e.g. QCDP."),
        Text("version", "The content's version, e.g. 1.0.0."),
        new("date", ValueKind.Date, "The release date, \"YYYY-MM-DD\": every document carries it, so builds are reproducible."),
        Text("licence", "The content's licence, e.g. CC BY-SA 4.0."),
        Text("summary", "One paragraph saying what the programme is."),
        List("aims", "The programme's aims, one per item."),
        Text("audience", "Who the programme is for."),
        List("workstreams", "Workstream folder names under content/workstreams/, in order.", required: true),
        Entries("workshops", "The workshops, each with its days and timetable.", Workshop),
        Entries("webinars", "The webinars between workshops.", ProgrammeWebinar),
        Text("default_organisation", "The organisation (a folder in organisations/) that qcdp builds when --org is not given.") with { Pattern = "^[a-z0-9-]+$" },
    ]);

    // ---- workstream.yaml ----

    public static readonly MappingSchema Outcome = new("Outcome", "A learning outcome of the workstream.",
    [
        Text("id", "The outcome's id (O5.1); sessions list the outcomes they serve by it.", required: true) with { Pattern = IdPattern },
        Text("text", "What a participant will be able to do, starting with a verb.", required: true),
    ]);

    public static readonly MappingSchema Workstream = new("Workstream (content/workstreams/*/workstream.yaml)", "A teaching workstream: its aim, outcomes and sessions.",
    [
        Text("id", "The workstream's id, lower case with hyphens.", required: true) with { Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$" },
        Int("number", "The workstream's number (1–6).", required: true),
        Text("title", "The workstream's title.", required: true),
        Text("aim", "The workstream's aim in a sentence.", required: true),
        Entries("outcomes", "The learning outcomes; every one must be served by a session.", Outcome, required: true),
        List("prerequisites", "What participants need before starting."),
        List("indicative_content", "The topics covered."),
        List("sessions", "The session ids in order, quoted (\"5.1\"); each has a folder sessions/<id>-<name>/.", required: true),
    ]);

    // ---- session.yaml ----

    public static readonly string[] Methods = ["individual", "pairs", "trios", "small-groups", "breakout", "plenary", "fishbowl", "carousel", "presentation", "1-2-4-all"];

    public static readonly MappingSchema Activity = new("Activity", "A timed activity; a session's activities add up to its duration.",
    [
        Text("title", "The activity's title.", required: true),
        Int("minutes", "How long it takes, in minutes.", required: true),
        Text("method", "How people work.", required: true) with { Enum = Methods },
        Text("output", "What the activity produces."),
        Text("instructions", "What participants do (Markdown)."),
        Text("facilitator_notes", "Notes for the facilitator (Markdown)."),
        Text("virtual", "How to run it online (Markdown)."),
    ]);

    public static readonly MappingSchema Session = new("Session (content/workstreams/*/sessions/*/session.yaml)", "A session: timed activities, the outcomes it serves, its slides, notes and handouts.",
    [
        Text("id", "The session's id, quoted (\"5.1\"); the same as in workstream.yaml.", required: true) with { Pattern = IdPattern },
        Text("title", "The session's title.", required: true),
        Text("kind", "workshop (the default) or webinar.") with { Enum = ["workshop", "webinar"] },
        Int("duration", "The session's length in minutes.", required: true),
        List("outcomes", "Ids of the workstream outcomes the session serves."),
        Text("summary", "A paragraph saying what the session does."),
        List("preparation", "What the facilitator prepares beforehand."),
        List("materials", "What the room needs."),
        Text("prework", "What participants do beforehand (Markdown)."),
        List("handouts", "Handout names (files in the workstream's handouts/ folder, without .md)."),
        Entries("activities", "The session's activities, in order.", Activity, required: true),
        Text("slides", "The slide deck, if not slides.md."),
        Text("notes", "The facilitator notes, if not facilitator-notes.md."),
    ]);

    // ---- organisation profile ----

    static readonly MappingSchema Person = new("Person", "A named contact.",
    [
        Text("name", "Their name."), Text("role", "Their role."), Text("email", "Their email address."), Text("phone", "Their phone number."),
    ]);

    public static readonly MappingSchema Colours = new("Colours", "Brand colours as \"#RRGGBB\" in quotes.",
    [
        new("primary", ValueKind.Colour, "Headings, title slides, table headers."),
        new("secondary", ValueKind.Colour, "Section header slides."),
        new("accent", ValueKind.Colour, "Rules and highlights."),
        new("text", ValueKind.Colour, "Body text."),
        new("background", ValueKind.Colour, "Page and slide background."),
        new("tint", ValueKind.Colour, "Callout and activity-card backgrounds."),
    ]);

    public static readonly MappingSchema FontFiles = new("Font files", "The organisation's own TrueType files, relative to the profile.",
    [
        Text("regular", "The regular face (.ttf)."), Text("bold", "The bold face."), Text("italic", "The italic face."), Text("bold_italic", "The bold italic face."),
    ]);

    public static readonly MappingSchema Fonts = new("Fonts", "The brand's fonts.",
    [
        Text("heading", "The heading font's name."),
        Text("body", "The body font's name."),
        Map("files", "The font files, if not the bundled Atkinson Hyperlegible.", FontFiles),
    ]);

    public static readonly MappingSchema CohortDay = new("Workshop day", "A day that differs from the cohort's defaults.",
    [
        new("date", ValueKind.Date, "The day's date, \"YYYY-MM-DD\".") { Required = true },
        new("start", ValueKind.Time, "When this day starts, if not the cohort's start."),
        Text("venue", "Where this day is held, if not the cohort's venue."),
        Text("online_link", "The online link for this day."),
    ]);

    public static readonly MappingSchema CohortWebinar = new("Webinar date", "A webinar whose time or link differs from the defaults.",
    [
        new("date", ValueKind.Date, "The webinar's date, \"YYYY-MM-DD\".") { Required = true },
        new("start", ValueKind.Time, "When it starts, if not the cohort's webinar_start."),
        Text("online_link", "The online link for this webinar."),
    ]);

    public static readonly string[] DeliveryModes = ["in-person", "virtual", "hybrid"];

    public static readonly MappingSchema Cohort = new("Cohort", "The cohort being run: its name, delivery and calendar.",
    [
        Text("name", "The cohort's name, e.g. Cohort 1 (2027)."),
        Text("delivery", "in-person, virtual (guides show each activity's online variant) or hybrid.") with { Enum = DeliveryModes },
        new("workshops", ValueKind.Dictionary, "For each workshop id (W1…), its days: a date, or { date, start, venue, online_link }.")
        {
            Values = new KeySchema("day", ValueKind.TextOrMappingList, "The workshop's days in order.") { Mapping = CohortDay },
        },
        new("webinars", ValueKind.Dictionary, "For each webinar session id, its date, or { date, start, online_link }.")
        {
            Values = new KeySchema("webinar", ValueKind.TextOrMapping, "The webinar's date.") { Mapping = CohortWebinar },
        },
        Text("venue", "Where workshops are held."),
        Text("online_link", "The online link for virtual or hybrid sessions."),
        new("start", ValueKind.Time, "When workshop days start, \"HH:MM\"."),
        new("webinar_start", ValueKind.Time, "When webinars start, \"HH:MM\"."),
        List("facilitators", "The facilitators' names."),
        Int("protected_hours_per_week", "Coaches' protected hours per week."),
    ]);

    public static readonly MappingSchema Addition = new("Added session", "A session the organisation adds to a workshop day.",
    [
        Text("session", "The id of the session to add (one of the organisation's own, or an existing one).", required: true) with { Pattern = IdPattern },
        Int("day", "The day to add it to (1–7).", required: true),
        Text("after", "Place it after this session of the day.") with { Pattern = IdPattern },
        Text("before", "Place it before this session of the day.") with { Pattern = IdPattern },
        Text("instead_of", "Give it the slot of this excluded session.") with { Pattern = IdPattern },
    ]);

    public static readonly MappingSchema Reordering = new("Reordered day", "A new order for a day's sessions and breaks.",
    [
        Int("day", "The day to reorder (1–7).", required: true),
        Entries("items", "The day's items in their new order: the same sessions, with breaks and lunch.", TimetableItem, required: true),
    ]);

    public static readonly MappingSchema Organisation = new("Organisation profile", "Everything that makes the package an organisation's own: name, brand, contacts, cohort and terminology.",
    [
        Text("name", "The organisation's full name.", required: true),
        Text("short_name", "A short name or initials."),
        Text("slug", "The output folder's name: lower-case letters, digits and hyphens.") with { Pattern = "^[a-z0-9-]+$" },
        Text("logo", "The logo (PNG or JPEG), relative to the profile."),
        Map("colours", "Brand colours.", Colours),
        Map("fonts", "Brand fonts.", Fonts),
        Text("paper", "A4 or Letter: every PDF follows it.") with { Enum = ["A4", "Letter"] },
        Map("contact", "Who applicants contact.", Person),
        Map("programme_lead", "The programme lead.", Person),
        Map("cohort", "The cohort being run.", Cohort),
        new("terminology", ValueKind.Dictionary, "The organisation's words, used by {{terms.<name>}} placeholders (qi_platform, coach …).")
        {
            Values = Text("term", "The organisation's word for it."),
        },
        Text("reference_deck", "The organisation's own PowerPoint template (.pptx or .potx), relative to the profile."),
        Text("reference_document", "The organisation's own Word template (.docx or .dotx), relative to the profile: its styles are used by name."),
        Text("setting", "in-house (one organisation, the default) or system-wide (several partners learning together).") with { Enum = ["in-house", "system-wide"] },
        List("partners", "For a system-wide programme: the partner organisations' names (at least two)."),
        Text("host", "For a system-wide programme: the partner named in the applicant contract."),
        new("links", ValueKind.Dictionary, "Named web addresses, used as {{org.links.<name>}}.")
        {
            Values = Text("link", "An https:// or mailto: address."),
        },
        List("exclude", "Session or workstream ids the organisation leaves out."),
        Entries("add", "Sessions the organisation adds to workshop days.", Addition),
        Entries("reorder", "New orders for workshop days.", Reordering),
        Text("brand", "A Quarto/posit _brand.yml (colours, logo, typography), relative to the profile; keys in this profile override it."),
        Text("footer", "Running-footer text on every PDF and DOCX page and every slide (default: the programme's title)."),
        new("layout_names", ValueKind.Dictionary, "Which layout of the organisation's PowerPoint template to use for each of ours, when its names differ, e.g. \"Title and Content\": \"Bullets\".")
        {
            Values = Text("layout", "The name of the layout in the organisation's template."),
        },
    ]);

    // ---- content/style/terms.yaml ----

    public static readonly MappingSchema Term = new("Term", "A term the programme spells one way.",
    [
        Text("term", "The standard form, e.g. PDSA.", required: true),
        List("wrong", "Forms to flag, matched as whole words (case-sensitively unless ignore_case).", required: true),
        List("allow", "Phrases in which a flagged form is right, e.g. \"run-chart rule\"."),
        new("ignore_case", ValueKind.Boolean, "Match the wrong forms in any case."),
        Text("note", "Why, or what the term means: shown as the hint."),
    ]);

    public static readonly MappingSchema Terms = new("Standard terms (content/style/terms.yaml)", "Terms qcdp validate checks the spelling of (rule QCDP601).",
    [
        Entries("terms", "The terms.", Term, required: true),
    ]);

    // ---- content/evaluation/measures.yaml and self-assessment.yaml ----

    public static readonly MappingSchema Measure = new("Measure", "One evaluation measure with its operational definition.",
    [
        Text("id", "A short id, e.g. active-coaches.", required: true),
        Int("number", "The measure's number (its sheet in the workbook).", required: true),
        Text("title", "The measure's name.", required: true),
        Text("type", "outcome, process or balancing.", required: true) with { Enum = ["outcome", "process", "balancing"] },
        Text("unit", "percent (the default) or mean.") with { Enum = ["percent", "mean"] },
        Text("direction", "up (the default) or down: which way is better.") with { Enum = ["up", "down"] },
        Text("definition", "What the measure tells us.", required: true),
        Text("numerator", "What is counted.", required: true),
        Text("denominator", "Out of what.", required: true),
        Text("exclusions", "What is left out, and why."),
        Text("source", "Where the data come from.", required: true),
        Text("frequency", "How often it is collected.", required: true),
        Text("owner", "Who collects and reports it.", required: true),
        Text("goal", "The goal or direction of improvement."),
        List("outcomes", "The learning outcome ids it evaluates.", required: true),
        new("register", ValueKind.Boolean, "true when the coach register sheet counts its numerator and denominator."),
        new("self_assessment", ValueKind.Boolean, "true when the self-assessment sheet gives its values."),
    ]);

    public static readonly MappingSchema Measures = new("Evaluation measures (content/evaluation/measures.yaml)", "The programme's evaluation measures.",
    [
        Entries("measures", "The measures.", Measure, required: true),
    ]);

    public static readonly MappingSchema Scale = new("Scale", "The rating scale.",
    [
        Int("min", "The lowest rating."),
        Int("max", "The highest rating."),
    ]);

    public static readonly MappingSchema SelfAssessmentItem = new("Self-assessment item", "One competency participants rate themselves on.",
    [
        Text("id", "A short id, e.g. SA1.", required: true),
        Text("title", "The competency.", required: true),
        Text("description", "What it looks like in practice."),
        List("outcomes", "The learning outcome ids it evaluates.", required: true),
    ]);

    public static readonly MappingSchema SelfAssessment = new("Competency self-assessment (content/evaluation/self-assessment.yaml)", "The items of the pre/post self-assessment.",
    [
        Map("scale", "The rating scale (default 0 to 10).", Scale),
        Entries("items", "The items.", SelfAssessmentItem, required: true),
    ]);

    // ---- front matter of Markdown files (not separate files, so no JSON schema) ----

    public static readonly MappingSchema HandoutFrontMatter = new("Handout front matter", "The YAML between --- lines at the top of a handout.",
    [
        Text("title", "The handout's title.", required: true),
        Text("session", "The id of the session it belongs to."),
        new("per_participant", ValueKind.Boolean, "true when every participant needs their own printed copy (counted into qcdp pack's print checklist)."),
    ]);

    public static readonly MappingSchema MaterialFrontMatter = new("Document front matter", "The YAML between --- lines at the top of a programme document.",
    [
        Text("title", "The document's title.", required: true),
        Text("kind", "guide (the default), form or comms."),
        Text("audience", "Who it is for."),
        List("parties", "For the contract: the parties who sign it."),
    ]);

    /// <summary>A YAML file kind with a JSON schema: its schema's file name and the files it describes (globs from the repository root).</summary>
    public sealed record FileKind(string Name, MappingSchema Schema, IReadOnlyList<string> Globs)
    {
        public string SchemaFile => $"schemas/{Name}.schema.json";
    }

    /// <summary>Every YAML file kind, for <c>qcdp schema</c> and the editor mapping in .vscode/settings.json.</summary>
    public static IReadOnlyList<FileKind> FileKinds { get; } =
    [
        new("programme", Programme, ["content/programme.yaml"]),
        new("workstream", Workstream, ["content/workstreams/*/workstream.yaml"]),
        new("session", Session, ["content/workstreams/*/sessions/*/session.yaml", "organisations/*/content/sessions/*/session.yaml", "organisations/*/content/workstreams/*/sessions/*/session.yaml"]),
        new("organisation", Organisation, ["organisations/*/organisation.yaml"]),
        new("terms", Terms, ["content/style/terms.yaml"]),
        new("measures", Measures, ["content/evaluation/measures.yaml"]),
        new("self-assessment", SelfAssessment, ["content/evaluation/self-assessment.yaml"]),
    ];
}
