using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Validation;

/// <summary>Each validation rule added for contributors, with a failing and a passing example on the mini repository.</summary>
public class ValidationRuleTests
{
    static List<Diagnostic> Run(MiniRepo repo) => PackageBuilder.Run(new BuildOptions(repo.Root) { Write = false }).Diagnostics.Sorted().ToList();

    static List<string> Findings(MiniRepo repo, DiagnosticRule rule) =>
        Run(repo).Where(d => d.Rule == rule.Id).Select(d => d.ToString()).ToList();

    /// <summary>A second workstream, a copy of the first with its own ids, so names can clash across workstreams.</summary>
    static void AddSecondWorkstream(MiniRepo repo, bool sameWorkstreamId = false)
    {
        var from = repo.PathOf("content/workstreams/01-sample");
        var to = repo.PathOf("content/workstreams/02-copy");
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, f).Replace("1.1-first-session", "2.1-copied-session");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, rel))!);
            File.Copy(f, Path.Combine(to, rel));
        }
        repo.Edit("content/workstreams/02-copy/workstream.yaml", s => s.Replace("O1.", "O2.").Replace("\"1.1\"", "\"2.1\"")
            .Replace("id: sample", sameWorkstreamId ? "id: sample" : "id: copy").Replace("number: 1", "number: 2"));
        repo.Edit("content/workstreams/02-copy/sessions/2.1-copied-session/session.yaml", s => s.Replace("O1.", "O2.").Replace("\"1.1\"", "\"2.1\""));
        repo.Edit("content/programme.yaml", s => s.Replace("  - 01-sample", "  - 01-sample\n  - 02-copy"));
    }

    [Fact]
    public void Handout_names_must_be_unique_across_workstreams()
    {
        using var repo = new MiniRepo();
        AddSecondWorkstream(repo);
        var e = Assert.Single(Findings(repo, Diagnostics.Rules.DuplicateId));
        Assert.StartsWith("content/workstreams/02-copy/handouts/sample-worksheet.md:1:1: error QCDP205: handout 'sample-worksheet' is used more than once (first at content/workstreams/01-sample/handouts/sample-worksheet.md)", e);

        File.Move(repo.PathOf("content/workstreams/02-copy/handouts/sample-worksheet.md"), repo.PathOf("content/workstreams/02-copy/handouts/copy-worksheet.md"));
        repo.Edit("content/workstreams/02-copy/sessions/2.1-copied-session/session.yaml", s => s.Replace("[sample-worksheet]", "[copy-worksheet]"));
        Assert.Empty(Findings(repo, Diagnostics.Rules.DuplicateId));
        Assert.DoesNotContain(Run(repo), d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Workstream_ids_must_be_unique()
    {
        using var repo = new MiniRepo();
        AddSecondWorkstream(repo, sameWorkstreamId: true);
        Assert.Contains(Findings(repo, Diagnostics.Rules.DuplicateId), e => e.StartsWith("content/workstreams/02-copy/workstream.yaml:1:1: error QCDP205: workstream id 'sample' is used more than once"));
    }

    [Fact]
    public void Activity_titles_must_be_unique_within_a_session()
    {
        using var repo = new MiniRepo();
        Assert.Empty(Findings(repo, Diagnostics.Rules.DuplicateId));
        repo.Edit(MiniRepo.Session, s => s.Replace("title: Practice", "title: Opening round"));
        var e = Assert.Single(Findings(repo, Diagnostics.Rules.DuplicateId));
        Assert.StartsWith($"{MiniRepo.Session}:21:5: error QCDP205: activity 'Opening round' is used more than once in session 1.1 (first at line 13)", e);
    }

    [Fact]
    public void In_page_links_must_match_a_heading()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Handout, s => s + "\nSee [your aim](#your-aim) above.\n");
        Assert.Empty(Findings(repo, Diagnostics.Rules.BrokenLink));
        repo.Edit(MiniRepo.Handout, s => s.Replace("(#your-aim)", "(#your-aims)"));
        var e = Assert.Single(Findings(repo, Diagnostics.Rules.BrokenLink));
        Assert.Equal($"{MiniRepo.Handout}:26:5: error QCDP405: link '#your-aims' matches no heading in this document\n  hint: did you mean '#your-aim'?", e);
    }

    [Fact]
    public void Links_to_other_files_are_broken_when_the_file_is_missing()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Handout, s => s + "\nSee [the notes](../sessions/1.1-first-session/notes.md).\n");
        var e = Assert.Single(Findings(repo, Diagnostics.Rules.BrokenLink));
        Assert.StartsWith($"{MiniRepo.Handout}:26:5: error QCDP405: link '../sessions/1.1-first-session/notes.md' points to a file that does not exist", e);

        // The file exists: no longer broken, but still a link that will not work in the package.
        repo.Edit(MiniRepo.Handout, s => s.Replace("notes.md", "facilitator-notes.md"));
        Assert.Empty(Findings(repo, Diagnostics.Rules.BrokenLink));
        Assert.Single(Findings(repo, Diagnostics.Rules.LinkScheme));
    }

    [Fact]
    public void Headings_must_not_skip_levels_in_handouts()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Handout, s => s + "\n### Details\n\nText.\n");
        Assert.Empty(Findings(repo, Diagnostics.Rules.HeadingLevels));
        repo.Edit(MiniRepo.Handout, s => s.Replace("### Details", "#### Details"));
        var w = Assert.Single(Findings(repo, Diagnostics.Rules.HeadingLevels));
        Assert.Equal($"{MiniRepo.Handout}:26:1: warning QCDP406: heading 'Details' is level 4 (####) but the heading before it is level 2\n  hint: make it level 3 (###): headings go down one level at a time; the document's title is level 1", w);
    }

    const string TermsYaml = """
        terms:
          - term: PDSA
            wrong: [pdsa, P.D.S.A.]
          - term: run chart
            wrong: [run-chart, runchart]
            ignore_case: true
            allow: [run-chart rule]
            note: two words as a noun
        """;

    [Fact]
    public void Standard_terms_are_spelt_one_way()
    {
        using var repo = new MiniRepo();
        repo.Write("content/style/terms.yaml", TermsYaml);
        // Right forms, an allowed compound, and wrong forms inside file names and ids are all fine.
        repo.Edit(MiniRepo.Handout, s => s + "\nA PDSA cycle and a run chart. The run-chart rules. See pdsa-worksheet.pdf and images/pdsa.png.\n");
        Assert.Empty(Findings(repo, Diagnostics.Rules.Terms));

        repo.Edit(MiniRepo.Handout, s => s + "\nPlot a Run-chart, then plan a pdsa.\n");
        Assert.Equal(
        [
            $"{MiniRepo.Handout}:28:8: warning QCDP601: write 'run chart', not 'Run-chart'\n  hint: two words as a noun",
            $"{MiniRepo.Handout}:28:31: warning QCDP601: write 'PDSA', not 'pdsa'\n  hint: the programme's standard spelling is 'PDSA' (content/style/terms.yaml)",
        ], Findings(repo, Diagnostics.Rules.Terms));
    }

    [Fact]
    public void The_terms_file_is_checked_like_any_yaml()
    {
        using var repo = new MiniRepo();
        repo.Write("content/style/terms.yaml", TermsYaml.Replace("allow:", "alow:"));
        var e = Assert.Single(Findings(repo, Diagnostics.Rules.UnknownKey));
        Assert.StartsWith("content/style/terms.yaml:7:5: error QCDP102: unknown key 'alow'\n  hint: did you mean 'allow'?", e);
    }

    [Fact]
    public void Slides_whose_text_will_overflow_are_reported_at_the_slide()
    {
        using var repo = new MiniRepo();
        Assert.Empty(Findings(repo, Diagnostics.Rules.SlideOverflow));
        // Eight bullets fit (the writer shrinks them); thirty long ones cannot fit even at 14pt.
        var fits = string.Join("\n", Enumerable.Range(1, 8).Select(i => $"- Point {i} about coaching"));
        repo.Edit(MiniRepo.Slides, s => s + $"\n\n## Fits\n\n{fits}\n\n::: notes\nTalk.\n:::\n");
        Assert.Empty(Findings(repo, Diagnostics.Rules.SlideOverflow));

        var tooMuch = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"- Point {i}: a long sentence about what a coach does and does not do with a team"));
        repo.Edit(MiniRepo.Slides, s => s + $"\n## Far too much\n\n{tooMuch}\n\n::: notes\nTalk.\n:::\n");
        var line = File.ReadAllLines(repo.PathOf(MiniRepo.Slides)).ToList().IndexOf("## Far too much") + 1;
        var w = Assert.Single(Findings(repo, Diagnostics.Rules.SlideOverflow));
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(MiniRepo.Slides)}:{line}:1: warning QCDP503: slide 7 \('Far too much'\): the text is \d+pt \(\d+%\) too tall for its placeholder even at 14pt\n  hint: cut words", w);
    }
}
