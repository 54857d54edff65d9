using QcdpBuilder.Branding;
using QcdpBuilder.Documents;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Docx;

/// <summary>Sample documents covering every block the DOCX writer handles.</summary>
public static class DocxSamples
{
    public static string ImagePath => Path.Combine(RepoPaths.Content, "images", "qi-driver-diagram.png");
    public static string LogoPath => Path.Combine(RepoPaths.Content, "images", "groups-tuckman-stages.png");

    public static Brand Brand(bool logo = true) => new()
    {
        OrganisationName = "Northfield & District NHS Foundation Trust",
        ShortName = "NDFT",
        ProgrammeTitle = "Quality Coach Development Programme",
        Fonts = RepoPaths.FontFiles,
        LogoPath = logo ? LogoPath : null,
    };

    static Paragraph Para(params Inline[] inlines) => new(inlines);
    static Paragraph Para(string text) => new(Inlines.Plain(text));
    static Heading H(int level, string text, string id) => new(level, Inlines.Plain(text), id);
    static ListItem Item(string text, params Block[] more) => new([Para(text), .. more]);

    public static Document Guide() => new("Delivering the programme",
    [
        H(1, "Before you start", "before-you-start"),
        Para(new Run("This guide explains how to run the "), new Run("programme", Bold: true), new Run(" with a "),
            new Run("new cohort", Italic: true), new Run(". Settings live in "), new Run("organisation.yaml", Code: true),
            new Run(". See "), new Run("the NHS England QI pages", Link: "https://www.england.nhs.uk/quality-improvement/"),
            new Run(" and "), new Run("the timetable", Link: "#the-timetable"), new Run(".")),
        H(2, "What you need", "what-you-need"),
        new ListBlock(false, 1,
        [
            Item("A room for 24 people"),
            Item("Flip charts and pens", new ListBlock(false, 1, [Item("Two per table"), Item("Spare markers", new ListBlock(true, 1, [Item("Black"), Item("Blue")]))])),
            Item("A projector"),
        ]),
        H(2, "Steps", "steps"),
        new ListBlock(true, 1, [Item("Book the rooms"), Item("Invite the coaches", new ListBlock(true, 1, [Item("By email"), Item("By letter")])), Item("Send the joining pack")]),
        Para("A second numbered list restarts at 3:"),
        new ListBlock(true, 3, [Item("Third"), Item("Fourth")]),
        new ListBlock(false, 1, [new ListItem([Para("Room booked")], Checkbox: true), new ListItem([Para("Catering ordered")], Checkbox: false)]),
        H(1, "The timetable", "the-timetable"),
        new Table(
            [new TableRow([Inlines.Plain("Day"), Inlines.Plain("Session"), Inlines.Plain("Minutes")])],
            Enumerable.Range(1, 6).Select(i => new TableRow([Inlines.Plain("Day " + i), Inlines.Plain("Session on the model for improvement, part " + i), Inlines.Plain((i * 30).ToString())])).ToList(),
            [Align.Left, Align.Left, Align.Right]),
        new Div("callout", [Para("Book rooms at least eight weeks ahead; the training suite goes quickly."), new ListBlock(false, 1, [Item("Ask estates"), Item("Check access")])]) { Title = "Tip" },
        new Div("activity", [Para("In pairs, draw a driver diagram for a change you care about.")]) { Title = "Activity: driver diagrams" },
        H(3, "The driver diagram", "the-driver-diagram"),
        new Image(ImagePath, "Driver diagram: aim on the left, primary and secondary drivers, change ideas on the right"),
        new Quote([Para("Every system is perfectly designed to get the results it gets.")]),
        new CodeBlock("dotnet run -- build\n  --org organisation.yaml"),
        new Rule(),
        new Div("columns", [new Div("column", [Para("Left column text.")]), new Div("column", [Para("Right column text.")])]),
        new Div("notes", [Para("Notes are written as ordinary paragraphs.")]),
        new PageBreak(),
        H(1, "After the programme", "after-the-programme"),
        Para(new Run("Line one"), new LineBreak(), new Run("line two.")),
    ])
    {
        Subtitle = "A guide for faculty",
        Meta = new Dictionary<string, string> { ["version"] = "1.2", ["audience"] = "Programme leads" },
    };

    public static Document Handout() => new("Team coaching agreement",
    [
        Para("Use this sheet with the team you coach."),
        H(2, "Purpose of the coaching", "purpose"),
        new WritingLines(4),
        new FormField(FieldKind.Text, "Team name", "team-name"),
        new FormField(FieldKind.Date, "Review date", "review-date"),
        new RatingScale("How confident do you feel?", 1, 5, "confidence"),
        new RatingScale("Readiness", 0, 10, "readiness"),
        new FillTable(["Date", "Team", "Action"], 5, "actions"),
        new ListBlock(false, 1, [new ListItem([Para("We will meet every month")], Checkbox: false)]),
        new SignatureLine("Coach", "coach-signature"),
    ]);

    public static Document Form() => new("Learning agreement",
    [
        Para("This agreement sets out what each party commits to."),
        H(2, "Participant", "participant"),
        new ListBlock(false, 1,
        [
            new ListItem([Para("I will attend every workshop")], Checkbox: false),
            new ListItem([Para("I will coach at least one team")], Checkbox: false),
            new ListItem([Para("I have read the handbook")], Checkbox: true),
        ]),
        new FormField(FieldKind.Text, "Full name", "participant-name"),
        new FormField(FieldKind.Text, "Job title", "participant-role"),
        new FormField(FieldKind.Date, "Start date", "participant-start"),
        new WritingLines(3),
        new SignatureLine("Participant", "participant-signature"),
        H(2, "Line manager", "line-manager"),
        new ListBlock(false, 1, [new ListItem([Para("I will protect two hours a week")], Checkbox: false)]),
        new FormField(FieldKind.Text, "Manager's name", "manager-name"),
        new SignatureLine("Line manager", "manager-signature"),
    ]);
}
