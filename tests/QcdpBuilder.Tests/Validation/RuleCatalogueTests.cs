using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Tests.Validation;

/// <summary>The rule catalogue: unique ids and names, in the documented families, and listed in CONTRIBUTING.md.</summary>
public class RuleCatalogueTests
{
    [Fact]
    public void Ids_and_names_are_unique_and_well_formed()
    {
        Assert.NotEmpty(Rules.All);
        Assert.Equal(Rules.All.Count, Rules.All.Select(r => r.Id).Distinct().Count());
        Assert.Equal(Rules.All.Count, Rules.All.Select(r => r.Name).Distinct().Count());
        Assert.All(Rules.All, r => Assert.Matches(@"^QCDP[1-9]\d\d$", r.Id));
        Assert.All(Rules.All, r => Assert.Matches("^[a-z]+(-[a-z]+)*$", r.Name));
        Assert.Equal(Rules.UnknownKey, Rules.Find("unknown-key"));
        Assert.Equal(Rules.UnknownKey, Rules.Find("qcdp102"));
        Assert.Null(Rules.Find("QCDP999"));
    }

    [Fact]
    public void Contributing_lists_every_rule()
    {
        var text = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "CONTRIBUTING.md"));
        Assert.All(Rules.All, r => Assert.Contains($"| {r.Id} | `{r.Name}` |", text));
    }

    [Fact]
    public void Strict_promotes_warnings()
    {
        var bag = new DiagnosticBag();
        bag.Report(Rules.SpeakerNotes, new SourceSpan("a.md", 1, 1), "no notes");
        Assert.False(bag.HasErrors);
        bag.PromoteWarnings();
        Assert.True(bag.HasErrors);
        Assert.Equal("a.md:1:1: error QCDP502: no notes", bag.Items[0].Headline);
    }
}
