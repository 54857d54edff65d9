using QcdpBuilder.Build;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>Each kind of bad input gives its exact message, at the exact place, with a hint.</summary>
public class ErrorTests
{
    static List<string> Validate(MiniRepo repo)
    {
        var all = PackageBuilder.Run(new BuildOptions(repo.Root) { Write = false }).Diagnostics.Sorted().ToList();
        // Every finding names the rule it breaks, from the catalogue.
        Assert.All(all, d => Assert.NotNull(Diagnostics.Rules.Find(d.Rule ?? "")));
        return all.Where(d => d.Severity == Diagnostics.Severity.Error).Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void The_fixture_is_valid()
    {
        using var repo = new MiniRepo();
        Assert.Empty(Validate(repo));
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_line_and_column()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("duration: 60", "duration: [60"));
        var e = Assert.Single(Validate(repo));
        Assert.Equal($"{MiniRepo.Session}:3:11: error QCDP101: malformed YAML: a '[' or '{{' is never closed\n  hint: close the list with ']' (or the mapping with '}}') on the same line, or quote the text", e);
    }

    [Fact]
    public void Unknown_key_suggests_the_nearest_valid_key()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("summary:", "sumary:"));
        var e = Assert.Single(Validate(repo));
        Assert.StartsWith($"{MiniRepo.Session}:5:1: error QCDP102: unknown key 'sumary'\n  hint: did you mean 'summary'?", e);
    }

    [Fact]
    public void Unknown_activity_key_is_reported_at_its_line()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("    virtual: Use the chat.", "    virtaul: Use the chat."));
        var e = Assert.Single(Validate(repo));
        Assert.StartsWith($"{MiniRepo.Session}:20:5: error QCDP102: unknown key 'virtaul'\n  hint: did you mean 'virtual'?", e);
    }

    [Fact]
    public void Missing_referenced_file_is_reported()
    {
        using var repo = new MiniRepo();
        File.Delete(repo.PathOf(MiniRepo.Slides));
        var e = Assert.Single(Validate(repo));
        Assert.Equal($"{MiniRepo.Session}:1:1: error QCDP201: missing file {MiniRepo.Slides}\n  hint: write the session's slide deck there (see content/README.md)", e);
    }

    [Fact]
    public void Missing_handout_is_reported_with_the_nearest_name()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("handouts: [sample-worksheet]", "handouts: [sample-workshet]"));
        var e = Assert.Single(Validate(repo));
        Assert.Equal($"{MiniRepo.Session}:11:12: error QCDP203: session 1.1 uses handout 'sample-workshet', but no handouts/sample-workshet.md exists\n  hint: did you mean 'sample-worksheet'?", e);
    }

    [Fact]
    public void Session_referencing_an_unknown_outcome_is_reported()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("outcomes: [O1.1, O1.2]", "outcomes: [O1.1, O1.2, O1.9]"));
        var e = Assert.Single(Validate(repo));
        Assert.Equal($"{MiniRepo.Session}:4:24: error QCDP202: session 1.1 serves outcome 'O1.9', which no workstream defines\n  hint: did you mean 'O1.1'?", e);
    }

    [Fact]
    public void Activities_that_do_not_add_up_are_reported_at_the_duration()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("minutes: 40", "minutes: 35"));
        var errors = Validate(repo);
        Assert.Contains($"{MiniRepo.Session}:3:1: error QCDP301: activities in session 1.1 add up to 55 minutes but the session's duration is 60\n  hint: add 5 minutes to the activities or lower the duration", errors);
    }

    [Fact]
    public void A_day_that_does_not_add_up_is_reported()
    {
        using var repo = new MiniRepo();
        repo.Edit("content/programme.yaml", s => s.Replace("break: 15", "break: 20"));
        var e = Assert.Single(Validate(repo));
        Assert.Equal("content/programme.yaml:17:9: error QCDP302: day 1 runs 09:00–10:15 (75 minutes) but its sessions and breaks add up to 80 minutes\n  hint: remove 5 minutes or end the day later", e);
    }

    [Fact]
    public void An_outcome_no_session_serves_is_reported()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("outcomes: [O1.1, O1.2]", "outcomes: [O1.1]"));
        var e = Assert.Single(Validate(repo));
        Assert.Equal($"{MiniRepo.Workstream}:8:9: error QCDP303: outcome O1.2 is not served by any session\n  hint: add its id to the 'outcomes' of the session(s) that teach it", e);
    }

    [Fact]
    public void Image_without_alt_text_is_reported()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Slides, s => s.Replace("![A PDSA cycle with four quadrants]", "![]"));
        var e = Assert.Single(Validate(repo));
        Assert.StartsWith($"{MiniRepo.Slides}:30:1: error QCDP401: image '../../../../images/pdsa.png' has no alt text", e);
    }

    [Fact]
    public void Unknown_placeholder_names_file_and_line()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Slides, s => s.Replace("at {{org.name}}", "at {{org.nmae}}"));
        var e = Assert.Single(Validate(repo));
        // The column is the unknown name's, and the hint names the nearest field of the data.
        Assert.Equal($"{MiniRepo.Slides}:6:34: error QCDP701: unknown placeholder 'org.nmae'\n  hint: did you mean 'org.name'?", e);
    }

    [Fact]
    public void Template_syntax_error_names_the_template_file_and_line()
    {
        using var repo = new MiniRepo();
        repo.Edit("templates/facilitator-guide.md.sbn", s => s.Replace("{{~ for outcome in workstream.outcomes ~}}", "{{~ for outcome in workstream.outcomes ~}"));
        var e = Assert.Single(Validate(repo));
        Assert.StartsWith("templates/facilitator-guide.md.sbn:", e);
        Assert.Contains(": error QCDP702: template error:", e);
    }

    [Fact]
    public void Malformed_fill_in_element_is_reported()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Handout, s => s.Replace("[lines: 3]", "[lines: three]"));
        var e = Assert.Single(Validate(repo));
        Assert.StartsWith($"{MiniRepo.Handout}:9:1: error QCDP403: malformed fill-in element '[lines: three]'", e);
    }

    [Fact]
    public void Content_cannot_reach_outside_the_repository()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Slides, s => s.Replace("../../../../images/pdsa.png", "../../../../../../etc/passwd.png"));
        var e = Assert.Single(Validate(repo));
        Assert.Contains("is outside the repository", e);
    }

    [Fact]
    public void All_errors_are_reported_in_one_run()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Session, s => s.Replace("summary:", "sumary:").Replace("minutes: 40", "minutes: 35"));
        repo.Edit(MiniRepo.Workstream, s => s.Replace("aim:", "aims:"));
        var errors = Validate(repo);
        Assert.True(errors.Count >= 4, string.Join("\n", errors));
        Assert.Contains(errors, e => e.Contains("unknown key 'sumary'"));
        Assert.Contains(errors, e => e.Contains("unknown key 'aims'"));
        Assert.Contains(errors, e => e.Contains("missing required key 'aim'"));
        Assert.Contains(errors, e => e.Contains("add up to 55 minutes"));
    }

    [Fact]
    public void GitHub_format_is_a_workflow_annotation()
    {
        var d = new Diagnostics.Diagnostic(Diagnostics.Severity.Error, "content/a.yaml", 3, 5, "unknown key 'x'", "did you mean 'y'?");
        Assert.Equal("::error file=content/a.yaml,line=3,col=5::unknown key 'x' (hint: did you mean 'y'?)", d.ToGitHubAnnotation());
        var withRule = d with { Rule = "QCDP102" };
        Assert.Equal("::error file=content/a.yaml,line=3,col=5,title=QCDP102 unknown-key::unknown key 'x' (hint: did you mean 'y'?)", withRule.ToGitHubAnnotation());
        Assert.Equal("content/a.yaml:3:5: error QCDP102: unknown key 'x'", withRule.Headline);
    }

    [Fact]
    public void A_file_that_is_not_really_a_picture_is_reported_by_validate()
    {
        using var repo = new MiniRepo();
        File.WriteAllText(repo.PathOf("content/images/pdsa.png"), "not a picture");
        var e = Assert.Single(Validate(repo));
        Assert.Equal($"{MiniRepo.Slides}:30:1: error QCDP402: image '../../../../images/pdsa.png' is not a readable PNG or JPEG file\n  hint: export the picture again as PNG", e);
    }
}
