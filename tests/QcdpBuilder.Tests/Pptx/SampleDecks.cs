using QcdpBuilder.Branding;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Documents;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pptx;

/// <summary>A deck using every layout kind, and the brand it is written with.</summary>
public static class SampleDecks
{
    public const string PictureAlt = "Bar chart of clinic waiting times falling from 40 to 12 weeks";

    public static string LogoPath => TestImages.Png("logo-test.png", 120, 40, (x, y) =>
        x < 40 ? ((byte)0, (byte)94, (byte)184) : y < 20 ? ((byte)255, (byte)184, (byte)28) : ((byte)0, (byte)48, (byte)135));

    /// <summary>A 4:3 picture whose file name must never show up in the deck.</summary>
    public static string PicturePath => TestImages.Png("secret-chart-file-name.png", 64, 48, (x, y) =>
        y > 48 - (x / 8 + 1) * 5 ? ((byte)0, (byte)94, (byte)184) : ((byte)232, (byte)237, (byte)238));

    public static Brand Brand(bool logo = true) => new()
    {
        OrganisationName = "Example Health Trust",
        ShortName = "Example",
        ProgrammeTitle = "Quality Champions Development Programme",
        Fonts = new FontFiles(Path.Combine(RepoPaths.Fonts, "AtkinsonHyperlegible_400Regular.ttf"), "b", "i", "bi"),
        LogoPath = logo ? LogoPath : null,
    };

    static Paragraph P(params Inline[] inlines) => new(inlines);
    static Paragraph P(string text) => new(Inlines.Plain(text));
    static ListItem Item(string text, ListBlock? nested = null) =>
        new(nested is null ? [P(text)] : [P(text), nested]);
    static ListBlock Bullets(params ListItem[] items) => new(false, 1, items);
    static ListBlock Numbers(params ListItem[] items) => new(true, 1, items);

    public static Deck Sample()
    {
        var picture = new Image(PicturePath, PictureAlt);
        return new Deck("Improving Flow", "Session 2.1: Measurement for improvement",
        [
            new Slide(SlideLayout.Title, "Improving Flow")
            {
                Subtitle = "Session 2.1: Measurement for improvement",
                Notes = [P("Welcome everyone and introduce the facilitators.")],
            },
            new Slide(SlideLayout.SectionHeader, "Part 1: Why measure?")
            {
                Subtitle = "From data to decisions",
                Notes = [P("Pause here for questions.")],
            },
            new Slide(SlideLayout.TitleAndContent, "Three kinds of measure")
            {
                Body =
                [
                    P(new Run("Balance "), new Run("outcome", Bold: true), new Run(", "), new Run("process", Italic: true),
                      new Run(" and "), new Run("balancing", Code: true), new Run(" measures.")),
                    Bullets(
                        Item("Outcome: how the system performs", Bullets(Item("e.g. waiting time"), Item("e.g. patient experience"))),
                        Item("Process: are the parts working as planned?"),
                        Item("Balancing: what else changed?")),
                    P(new Run("Read more at the "), new Run("NHS improvement hub", Link: "https://example.org/qi?a=1&b=2"), new Run(".")),
                ],
                Notes =
                [
                    P("Ask for an example of each kind."),
                    Bullets(Item("Outcome first"), Item("Then process", Bullets(Item("keep it simple")))),
                ],
            },
            new Slide(SlideLayout.TwoContent, "Plan and do")
            {
                Body = [P("Plan:"), Bullets(Item("Predict what will happen"), Item("Decide who, where and when"))],
                Right = [P("Do:"), Numbers(Item("Run the test on a small scale"), Item("Record what happens"))],
                Notes = [P("Left is planning, right is doing.")],
            },
            new Slide(SlideLayout.Comparison, "Before and after")
            {
                Body = [new Heading(3, Inlines.Plain("Before"), "before"), Bullets(Item("Paper referrals"), Item("Six week wait"))],
                Right = [new Heading(3, Inlines.Plain("After"), "after"), Bullets(Item("Electronic referrals"), Item("Two week wait"))],
                Notes = [P("Compare the two columns.")],
            },
            new Slide(SlideLayout.TitleAndContent, "Results by site")
            {
                Body =
                [
                    P("Median wait in weeks:"),
                    new Table(
                        [new TableRow([Inlines.Plain("Site"), Inlines.Plain("Before"), Inlines.Plain("After")])],
                        [
                            new TableRow([Inlines.Plain("North"), Inlines.Plain("40"), Inlines.Plain("12")]),
                            new TableRow([Inlines.Plain("South"), Inlines.Plain("35"), Inlines.Plain("14")]),
                            new TableRow([Inlines.Plain("East"), Inlines.Plain("28"), Inlines.Plain("11")]),
                        ],
                        [Align.Left, Align.Right, Align.Right]),
                ],
                Notes = [P("All three sites improved.")],
            },
            new Slide(SlideLayout.ContentWithCaption, "Waiting times")
            {
                Picture = picture,
                Body = [P("Waiting times fell at every site after the change."), P("Source: clinic records, 2025.")],
                Notes = [P("Point out the steady fall.")],
            },
            new Slide(SlideLayout.TitleAndContent, "The whole picture")
            {
                Body = [picture],
                Notes = [P("Let the chart speak.")],
            },
            new Slide(SlideLayout.Blank, "")
            {
                Body = [P("A blank slide with a single thought.")],
            },
            LongSlide(),
        ]);
    }

    /// <summary>Harder cases for the visual check: a real diagram, mixed text/table/picture, text that needs a font scale.</summary>
    public static Deck Stress()
    {
        var diagram = Path.Combine(RepoPaths.Content, "images", "groups-tuckman-stages.png");
        var table = new Table(
            [new TableRow([Inlines.Plain("Stage"), Inlines.Plain("What the group needs from the leader")])],
            [
                new TableRow([Inlines.Plain("Forming"), Inlines.Plain("Clear purpose, introductions and ground rules")]),
                new TableRow([Inlines.Plain("Storming"), Inlines.Plain("Space for disagreement, and help to resolve conflict openly")]),
                new TableRow([Inlines.Plain("Norming"), Inlines.Plain("Recognition of the ways of working the group has agreed")]),
                new TableRow([Inlines.Plain("Performing"), Inlines.Plain("Delegation, stretch and getting out of the way")]),
            ],
            [Align.Left, Align.Left]);
        var longItems = Enumerable.Range(1, 14).Select(i =>
            Item($"Point {i}: every stage of group development asks something different of the person leading it, and of the members too.")).ToArray();
        return new Deck("Stress", null,
        [
            new Slide(SlideLayout.Title, "Working with groups: team development, trust and the five dysfunctions of a team in practice")
            { Subtitle = "Session 6.1" },
            new Slide(SlideLayout.ContentWithCaption, "Tuckman's stages")
            {
                Picture = new Image(diagram, "Tuckman's model: forming, storming, norming, performing"),
                Body = [P("Groups move through stages, and can move back when membership or purpose changes.")],
            },
            new Slide(SlideLayout.TitleAndContent, "What each stage needs") { Body = [P("Use the table to plan your support:"), table] },
            new Slide(SlideLayout.TwoContent, "Diagram and table")
            {
                Body = [new Image(diagram, "Tuckman's stages")],
                Right = [table],
            },
            new Slide(SlideLayout.TitleAndContent, "Much too much") { Body = [Bullets(longItems)] },
            new Slide(SlideLayout.Comparison, "Columns without headings")
            {
                Body = [Bullets(Item("One"), Item("Two"))],
                Right = [new CodeBlock("var x = 1;\nvar y = x + 1;")],
            },
        ]);
    }

    /// <summary>Far more text than fits at the layout's sizes.</summary>
    public static Slide LongSlide() => new(SlideLayout.TitleAndContent, "A slide with far too much to say")
    {
        Body =
        [
            P("Improvement work often starts with a long list of problems, and every one of them feels urgent to someone in the room."),
            Bullets(
                Item("Agree the aim first: what are we trying to accomplish, by how much and by when, and for which patients?",
                    Bullets(Item("Make it specific and measurable so everyone can see whether it has been met"),
                            Item("Check that it matters to patients and staff, not just to the board report"))),
                Item("Choose a small set of measures that tell you whether a change is an improvement, and plot them over time."),
                Item("Test changes on a small scale with PDSA cycles before spreading them across the organisation."),
                Item("Involve the people who do the work; they know where the waste and the workarounds are."),
                Item("Share what you learn, including the tests that did not work, so others do not repeat them.")),
            P("Finally, remember that sustaining a change is harder than making it: plan for handover from the start."),
        ],
        Notes = [P("This slide is deliberately long.")],
    };
}
