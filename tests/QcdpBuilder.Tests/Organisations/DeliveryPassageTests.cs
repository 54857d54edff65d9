using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;
using QcdpBuilder.Markdown;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Organisations;

/// <summary>::: {.virtual} and ::: {.in-person} passages: kept, dropped or labelled by the cohort's delivery mode.</summary>
public class DeliveryPassageTests
{
    const string Markdown = """
        Everyone reads this.

        ::: {.in-person}
        Move the chairs into a circle.
        :::

        ::: {.virtual}
        Open breakout rooms of three.
        :::
        """;

    static (List<Block> Blocks, DiagnosticBag Diagnostics) Parse(string markdown, string delivery)
    {
        var bag = new DiagnosticBag();
        var root = RepoPaths.Root;
        return (new MarkdownReader(root, bag) { Delivery = delivery }.Parse(markdown, Path.Combine(root, "content", "test.md")), bag);
    }

    static string Text(IEnumerable<Block> blocks) => string.Join(" / ", blocks.Select(b => b switch
    {
        Paragraph p => Inlines.PlainText(p.Content),
        Div d => $"[{d.Class}: {d.Title}] " + Text(d.Blocks),
        _ => b.GetType().Name,
    }));

    [Theory]
    [InlineData(DeliveryModes.InPerson, "Everyone reads this. / Move the chairs into a circle.")]
    [InlineData(DeliveryModes.Virtual, "Everyone reads this. / Open breakout rooms of three.")]
    [InlineData(DeliveryModes.Hybrid, "Everyone reads this. / [callout: In the room] Move the chairs into a circle. / [callout: Online] Open breakout rooms of three.")]
    public void Each_mode_keeps_its_own_passages(string mode, string expected)
    {
        var (blocks, bag) = Parse(Markdown, mode);
        Assert.Empty(bag.Items);
        Assert.Equal(expected, Text(blocks));
    }

    [Fact]
    public void Passages_inside_speaker_notes_follow_the_mode_and_notes_stay_notes()
    {
        const string slides = """
            ## Practice

            - Trios

            :::: notes
            Form trios.

            ::: virtual
            Use breakout rooms.
            :::
            ::::
            """;
        foreach (var (mode, notes) in new[] { (DeliveryModes.InPerson, "Form trios."), (DeliveryModes.Virtual, "Form trios. / Use breakout rooms.") })
        {
            var (blocks, bag) = Parse(slides, mode);
            var deck = SlideBuilder.Build("T", null, blocks, "content/test.md", bag);
            Assert.Equal(notes, Text(deck.Slides[1].Notes));
            Assert.Empty(bag.Items);
        }
    }

    [Fact]
    public void A_misspelt_mode_is_an_error_with_the_right_spelling()
    {
        var (_, bag) = Parse("Intro.\n\n::: {.virtaul}\nText.\n:::\n\n::: {.online}\nMore.\n:::\n\n::: callout Tip\nKept.\n:::\n", DeliveryModes.Virtual);
        var errors = bag.Items.Select(d => $"{d.Line}:{d.Column} {d.Message} | {d.Hint}").ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("3:1 unknown passage class '{.virtaul}' | did you mean '::: {.virtual}'?", errors[0]);
        Assert.StartsWith("7:1 unknown passage class '{.online}' | did you mean '::: {.virtual}'?", errors[1]);
    }

    [Fact]
    public void The_facilitator_guide_shows_each_activitys_online_variant_per_mode()
    {
        using var repo = new MiniRepo();
        repo.Edit("content/workstreams/01-sample/sessions/1.1-first-session/facilitator-notes.md", s => s + "\n\n::: {.in-person}\nSet out the chairs.\n:::\n\n::: {.virtual}\nTest the breakout rooms.\n:::\n");
        string Guide(string mode)
        {
            repo.Edit(MiniRepo.Profile, s => System.Text.RegularExpressions.Regex.Replace(s, "delivery: [a-z-]+", "delivery: " + mode));
            var plan = PackageBuilder.Plan(new BuildOptions(repo.Root));
            Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
            return OoxmlDump.Dump(plan.Artefacts.Single(a => a.Path == "guides/01-sample-facilitator-guide.docx").Render(), p => p == "word/document.xml");
        }

        var inPerson = Guide(DeliveryModes.InPerson);
        Assert.Contains("Set out the chairs.", inPerson);
        Assert.DoesNotContain("Test the breakout rooms.", inPerson);
        Assert.DoesNotContain(">Online.<", inPerson);

        var online = Guide(DeliveryModes.Virtual);
        Assert.DoesNotContain("Set out the chairs.", online);
        Assert.Contains("Test the breakout rooms.", online);
        Assert.Contains(">Online.<", online);

        var hybrid = Guide(DeliveryModes.Hybrid);
        Assert.Contains("Set out the chairs.", hybrid);
        Assert.Contains("Test the breakout rooms.", hybrid);
        Assert.Contains(">In the room<", hybrid);
        Assert.Contains(">Online<", hybrid);
        Assert.Contains(">Online.<", hybrid);
    }
}
