using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Pipeline;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Templates;

/// <summary>
/// Each session's deck goes through templates/session-deck.md.sbn, which an organisation overrides in its own
/// templates/ folder to add standard slides (a housekeeping slide at the start of a workshop day).
/// </summary>
public sealed class SessionDeckTemplateTests
{
    const string Override = "organisations/smith-jones/templates/" + DocumentFrames.SessionDeck;
    const string Deck = "slides/1.1-first-session";

    static BuildPlan Plan(MiniRepo repo) => PackageBuilder.Plan(new BuildOptions(repo.Root));

    static Dictionary<string, byte[]> Render(BuildPlan plan)
    {
        Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
        return plan.Artefacts.ToDictionary(a => a.Path, a => a.Render());
    }

    static string Slides(byte[] pptx) => OoxmlDump.Dump(pptx, p => p.StartsWith("ppt/slides/slide", StringComparison.Ordinal) || p.StartsWith("ppt/notesSlides/", StringComparison.Ordinal));

    [Fact]
    public void An_overridden_deck_template_changes_the_decks_and_nothing_else()
    {
        using var repo = new MiniRepo();
        var before = Render(Plan(repo));
        repo.Write(Override, """
            {{ if session.first_of_day }}
            ## Housekeeping at {{ org.name }}

            - Fire exits for {{ session.id }}

            ::: notes
            Point out the exits.
            :::

            {{ end }}
            {{ slides | raw }}

            ## Thank you, {{ workstream.title }}

            {{ for o in session.outcomes }}- {{ o.text }}
            {{ end }}

            ::: notes
            Close.
            :::
            """);
        var plan = Plan(repo);
        var after = Render(plan);

        // The template is an input of the deck's files (an edit to it rebuilds them) and of nothing else.
        var template = Path.GetFullPath(Path.Combine(repo.Root, Override));
        Assert.Equal([.. plan.Artefacts.Where(a => a.Path.StartsWith(Deck, StringComparison.Ordinal)).Select(a => a.Path).Order()],
            plan.Artefacts.Where(a => a.Inputs?.Any(i => Path.GetFullPath(i) == template) == true).Select(a => a.Path).Order().ToList());

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var changed = before.Keys.Where(path => !before[path].AsSpan().SequenceEqual(after[path])).Order().ToList();
        var decks = before.Keys.Where(p => p.StartsWith(Deck, StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(4, decks.Count); // the deck, and its slides, notes and handout PDFs
        Assert.Equal(decks, changed);

        var was = Slides(before[Deck + ".pptx"]);
        var text = Slides(after[Deck + ".pptx"]);
        Assert.DoesNotContain("Housekeeping", was);
        Assert.Contains("Housekeeping at", text);
        Assert.Contains("Fire exits for 1.1", text);
        Assert.Contains("Point out the exits.", text);
        Assert.Contains("Thank you,", text);
        Assert.Contains("Walk round the cycle.", text);
        // The housekeeping slide comes straight after the title slide, the closing slide last.
        Assert.True(text.IndexOf("Housekeeping at", StringComparison.Ordinal) < text.IndexOf("Part one", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Walk round the cycle.", StringComparison.Ordinal) < text.IndexOf("Thank you,", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shared_deck_template_leaves_decks_as_slides_md_writes_them()
    {
        // The shared template only places the slides: replacing it with the bare slides changes nothing.
        using var repo = new MiniRepo();
        var before = Render(Plan(repo));
        repo.Write("templates/" + DocumentFrames.SessionDeck, "{{ slides | raw }}");
        Assert.Equal(before, Render(Plan(repo)));
    }

    [Fact]
    public void A_problem_in_slides_md_is_reported_at_its_own_line_and_one_in_the_template_at_the_templates()
    {
        using var repo = new MiniRepo();
        repo.Write(Override, "## Housekeeping\n\n- Fire exits\n\n::: notes\nExits.\n:::\n\n## No notes here\n\n- Phones\n\n{{ slides | raw }}\n");
        repo.Edit(MiniRepo.Slides, s => s.Replace("## Compare", "## Silent\n\n- no notes\n\n## Compare"));
        var notes = Plan(repo).Diagnostics.Items.Where(d => d.Rule == Rules.SpeakerNotes.Id).Select(d => (d.File, d.Line)).Order().ToList();
        Assert.Equal([(MiniRepo.Slides, 13), (Override, 9)], notes);

        repo.Write(Override, "## Housekeeping\n\n- Exits for {{ session.titel }}\n\n{{ slides | raw }}\n");
        var broken = Assert.Single(Plan(repo).Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal((Override, 3, 24, "unknown placeholder 'session.titel'", "did you mean 'session.title'?"), (broken.File, broken.Line, broken.Column, broken.Message, broken.Hint));
    }
}
