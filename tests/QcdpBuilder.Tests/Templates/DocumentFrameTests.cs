using QcdpBuilder.Pipeline;
using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Templates;

/// <summary>
/// Handouts, the applicant contract and programme documents are placed in frame templates
/// (templates/handout.md.sbn …) that an organisation overrides in its own templates/ folder.
/// </summary>
public sealed class DocumentFrameTests
{
    const string Frame = "organisations/smith-jones/templates/handout.md.sbn";

    static BuildPlan Plan(MiniRepo repo) => PackageBuilder.Plan(new BuildOptions(repo.Root));

    static Dictionary<string, byte[]> Render(BuildPlan plan)
    {
        Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
        return plan.Artefacts.ToDictionary(a => a.Path, a => a.Render());
    }

    [Fact]
    public void An_overridden_handout_frame_changes_the_handouts_and_nothing_else()
    {
        using var repo = new MiniRepo();
        var before = Render(Plan(repo));
        repo.Write(Frame, "**Smith handout:** {{ handout.title }}\n\n[field: Your name]\n\n{{ body | raw }}\n\nKeep this sheet.\n");
        var after = Render(Plan(repo));

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var changed = before.Keys.Where(path => !before[path].AsSpan().SequenceEqual(after[path])).Order().ToList();
        Assert.Equal(["handouts/sample-worksheet.docx", "handouts/sample-worksheet.pdf"], changed);

        var text = OoxmlDump.Dump(after["handouts/sample-worksheet.docx"], p => p == "word/document.xml");
        Assert.Contains("Smith handout:", text);
        Assert.Contains("Sample worksheet", text);
        Assert.Contains("Your name", text);
        Assert.Contains("Keep this sheet.", text);
        Assert.Contains("Fill this in.", text);
    }

    [Fact]
    public void The_shared_frames_leave_documents_as_their_content_files_write_them()
    {
        // The default frames only place the body: replacing them with the bare body changes nothing.
        using var repo = new MiniRepo();
        var before = Render(Plan(repo));
        foreach (var name in new[] { DocumentFrames.Handout, DocumentFrames.Contract, DocumentFrames.ProgrammeDocument })
            repo.Write("templates/" + name, "{{ body | raw }}");
        Assert.Equal(before, Render(Plan(repo)));
    }

    [Fact]
    public void A_problem_in_the_body_is_reported_at_the_content_files_line_and_one_in_the_frame_at_the_frames()
    {
        using var repo = new MiniRepo();
        repo.Write(Frame, "Header line one\n\nHeader line two\n\n{{ body | raw }}\n");
        repo.Edit(MiniRepo.Handout, s => s.Replace("## Your aim", "## Your aim\n\n![](../../../images/pdsa.png)"));
        var plan = Plan(repo);
        var missingAlt = Assert.Single(plan.Diagnostics.Items, d => d.Rule == Rules.AltText.Id);
        Assert.Equal((MiniRepo.Handout, 9), (missingAlt.File, missingAlt.Line));

        repo.Write(Frame, "Header {{ handout.titel }}\n\n{{ body | raw }}\n");
        var broken = Assert.Single(Plan(repo).Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal((Frame, 1, 19, "unknown placeholder 'handout.titel'", "did you mean 'handout.title'?"), (broken.File, broken.Line, broken.Column, broken.Message, broken.Hint));
    }
}
