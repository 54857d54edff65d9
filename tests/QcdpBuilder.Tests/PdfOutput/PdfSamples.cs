using QcdpBuilder.Branding;
using QcdpBuilder.Decks;
using QcdpBuilder.Documents;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.PdfOutput;

/// <summary>Small in-memory documents and decks covering what the PDF writer maps.</summary>
public static class PdfSamples
{
    public static string ImagePath => Path.Combine(RepoPaths.Content, "images", "qi-pdsa-cycle.png");
    public static string LogoPath => Path.Combine(RepoPaths.Root, "organisations", "northfield", "logo.png");

    public static Brand Brand(bool logo = true, PaperSize paper = PaperSize.A4) => new()
    {
        OrganisationName = "Northfield & District NHS Foundation Trust",
        ShortName = "NDFT",
        ProgrammeTitle = "Quality Coach Development Programme",
        Fonts = RepoPaths.FontFiles,
        LogoPath = logo ? LogoPath : null,
        Paper = paper,
    };

    static Paragraph Para(params Inline[] inlines) => new(inlines);
    static Paragraph Para(string text) => new(Inlines.Plain(text));
    static Heading H(int level, string text, string id) => new(level, Inlines.Plain(text), id);
    static ListItem Item(string text, params Block[] more) => new([Para(text), .. more]);
    static ListItem Task(string text, bool done = false) => new([Para(text)], done);

    public static Document Handout() => new("Planning a PDSA cycle",
    [
        Para(new Run("Use this worksheet to plan a "), new Run("small test of change", Bold: true), new Run(". See "),
            new Run("the IHI guidance", Link: "https://www.ihi.org/resources"), new Run(" for more.")),
        H(2, "Your aim", "your-aim"),
        Para("What are you trying to accomplish, by when, and for whom?"),
        new WritingLines(3),
        H(2, "Before you start", "before-you-start"),
        new ListBlock(false, 1, [Task("Agree the aim with your sponsor"), Task("Choose one measure", true), Task("Book a check-in")]),
        new Div("activity", [Para("In pairs, predict what will happen when you run your test."), new ListBlock(false, 1, [Item("Who will notice?"), Item("What could go wrong?", new ListBlock(false, 1, [Item("Staffing"), Item("Timing")]))])]) { Title = "Activity: predictions" },
        new Image(ImagePath, "The PDSA cycle: Plan, Do, Study, Act in a circle"),
        H(2, "Plan your test", "plan-your-test"),
        Para("Write down who does what, and when."),
        new FillTable(["Action", "Who", "When"], 4, "plan"),
        new RatingScale("How confident are you that the test will run as planned?", 1, 5, "confidence"),
        new FormField(FieldKind.Text, "Your name", "name"),
        new FormField(FieldKind.Date, "Date", "date"),
    ])
    { Subtitle = "Session 2.1 worksheet" };

    public static Document Guide()
    {
        var runSheet = new Table(
            [new TableRow([Inlines.Plain("Time"), Inlines.Plain("Activity"), Inlines.Plain("Resources")])],
            Enumerable.Range(0, 34).Select(i => new TableRow([
                Inlines.Plain($"{9 + i / 4:00}:{i % 4 * 15:00}"),
                Inlines.Plain($"Run sheet item {i + 1}: facilitated discussion on the model for improvement"),
                Inlines.Plain($"Slides {i * 2 + 1}\u2013{i * 2 + 2}")])).ToList(),
            [Align.Left, Align.Left, Align.Right]);
        return new Document("Delivering the programme",
        [
            H(1, "Before you start", "before-you-start"),
            Para(new Run("This guide explains how to run the "), new Run("programme", Bold: true), new Run(" with a "),
                new Run("new cohort", Italic: true), new Run(". Settings live in "), new Run("organisation.yaml", Code: true),
                new Run(". See "), new Run("the run sheet", Link: "#run-sheet"), new Run(".")),
            H(2, "What you need", "what-you-need"),
            new ListBlock(false, 1, [Item("A room for 24 people"), Item("Flip charts and pens", new ListBlock(true, 1, [Item("Two per table"), Item("Spare markers")])), Item("A projector")]),
            new Div("callout", [Para("Book rooms at least eight weeks ahead; the training suite goes quickly.")]) { Title = "Tip" },
            new Quote([Para("Every system is perfectly designed to get the results it gets.")]),
            new CodeBlock("dotnet run -- build\n  --org organisation.yaml"),
            new Rule(),
            H(1, "Run sheet", "run-sheet"),
            Para("The day at a glance. The header row repeats on every page."),
            runSheet,
            H(2, "After the session", "after-the-session"),
            Para("Send the follow-up email within two days."),
        ])
        { Subtitle = "Facilitator guide", Meta = new Dictionary<string, string> { ["version"] = "1.2" } };
    }

    public static Document Contract() => new("Coaching agreement",
    [
        Para("This agreement sets out how the coach and the participant will work together."),
        H(2, "About you", "about-you"),
        new FormField(FieldKind.Text, "Full name", "full-name"),
        new FormField(FieldKind.Text, "Job title", "job-title"),
        new FormField(FieldKind.Date, "Start date", "start-date"),
        H(2, "Commitments", "commitments"),
        new ListBlock(false, 1, [Task("I will attend all six sessions"), Task("I will complete the reflective log"), Task("I agree to my manager being informed of attendance")]),
        H(2, "What do you hope to get from coaching?", "hopes"),
        new WritingLines(4),
        H(2, "Signatures", "signatures"),
        new SignatureLine("Participant", "participant"),
        new SignatureLine("Coach", "coach"),
    ]);

    public static Deck Deck() => new("Improvement basics", "Session 2.1",
    [
        new Slide(SlideLayout.Title, "Improvement basics") { Subtitle = "Session 2.1", Notes = [Para("Welcome everyone and introduce yourself.")] },
        new Slide(SlideLayout.SectionHeader, "The model for improvement") { Subtitle = "Three questions and a cycle" },
        new Slide(SlideLayout.TitleAndContent, "Three questions")
        {
            Body = [new ListBlock(true, 1, [Item("What are we trying to accomplish?"), Item("How will we know that a change is an improvement?", new ListBlock(false, 1, [Item("Outcome measures"), Item("Process measures")])), Item("What change can we make?")])],
            Notes = [Para("Ask the group for examples before revealing the questions."), new ListBlock(false, 1, [Item("Allow two minutes"), Item("Capture on a flip chart")])],
        },
        new Slide(SlideLayout.TwoContent, "Measures")
        {
            Body = [Para("Outcome measures tell you whether the system is better.")],
            Right = [Para("Process measures tell you whether the parts work as planned.")],
        },
        new Slide(SlideLayout.Comparison, "Before and after")
        {
            Body = [H(3, "Before", "before"), new ListBlock(false, 1, [Item("Long waits"), Item("Unclear roles")])],
            Right = [H(3, "After", "after"), new ListBlock(false, 1, [Item("Waits halved"), Item("Clear handovers")])],
        },
        new Slide(SlideLayout.ContentWithCaption, "The PDSA cycle")
        {
            Picture = new Image(ImagePath, "The PDSA cycle: Plan, Do, Study, Act in a circle"),
            Body = [Para("Test changes on a small scale, learn, and then build up.")],
            Notes = [Para("Walk through each stage with the example from the pre-reading.")],
        },
        new Slide(SlideLayout.TitleAndContent, "Run chart rules")
        {
            Body = [Para("Four rules for spotting a signal in a run chart:"),
                new Table([new TableRow([Inlines.Plain("Rule"), Inlines.Plain("What to look for")])],
                    [new TableRow([Inlines.Plain("Shift"), Inlines.Plain("Six or more points in a row above or below the median")]),
                     new TableRow([Inlines.Plain("Trend"), Inlines.Plain("Five or more points all going up or all going down")]),
                     new TableRow([Inlines.Plain("Runs"), Inlines.Plain("Too few or too many runs")]),
                     new TableRow([Inlines.Plain("Astronomical point"), Inlines.Plain("An obviously different value")])],
                    [Align.Left, Align.Left])],
        },
        new Slide(SlideLayout.TitleAndContent, "A slide with far too much to say")
        {
            Body = [new ListBlock(false, 1, Enumerable.Range(1, 14).Select(i => Item($"Point {i}: a longer bullet that keeps going so that it wraps onto a second line on the slide")).ToList())],
        },
    ]);
}
