using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Evaluation;

/// <summary>Every learning outcome is taught and evaluated; validate says when one is not.</summary>
public class TraceabilityTests
{
    [Fact]
    public void Bundled_programme_is_fully_traceable()
    {
        var d = new DiagnosticBag();
        var p = new Content.ContentLoader(RepoPaths.Root, d).LoadProgramme()!;
        var e = EvaluationLoader.Load(RepoPaths.Root, d);
        var rows = Traceability.Build(p, e);
        Assert.Equal(p.Workstreams.Sum(w => w.Outcomes.Count), rows.Count);
        Assert.All(rows, r => Assert.True(r.Gap == "", $"{r.Outcome.Id}: {r.Gap}"));
        Assert.All(rows, r => Assert.NotEmpty(r.Activities));
        Assert.Equal(10, e.Items.Count);
        Assert.Contains(e.Measures, m => m.Id == "active-coaches" && m.FromRegister && m.Goal.Contains("63%") && m.Goal.Contains("not a target"));
        Assert.Contains(e.Measures, m => m.Id == "progressing-projects");
        Assert.Contains(e.Measures, m => m.Id == "confidence" && m.FromSelfAssessment);
        Assert.Contains(e.Measures, m => m.Id == "completion");
    }

    [Fact]
    public void Validate_warns_about_an_outcome_without_an_evaluation_item()
    {
        using var repo = new MiniRepo();
        repo.Edit("content/evaluation/self-assessment.yaml", s => s.Replace("outcomes: [O1.2]", "outcomes: [O1.1]"));
        repo.Edit("content/evaluation/measures.yaml", s => s.Replace("outcomes: [O1.2]", "outcomes: [O1.1]"));
        var result = PackageBuilder.Run(new BuildOptions(repo.Root) { Write = false });
        var w = Assert.Single(result.Diagnostics.Items, x => x.Severity == Severity.Warning && x.Message.Contains("evaluation item"));
        Assert.Equal("outcome O1.2 has no evaluation item: no self-assessment item or measure names it", w.Message);
        Assert.Equal(MiniRepo.Workstream, w.File);
        Assert.True(w.Line > 1);
    }

    [Fact]
    public void Evaluation_content_errors_are_positioned()
    {
        using var repo = new MiniRepo();
        repo.Edit("content/evaluation/measures.yaml", s => s.Replace("outcomes: [O1.2]", "outcomes: [O1.9]").Replace("type: outcome\n    unit: mean", "type: outcom\n    unit: mean").Replace("frequency: Quarterly", "frequncy: Quarterly"));
        var result = PackageBuilder.Run(new BuildOptions(repo.Root) { Write = false });
        var lines = result.Diagnostics.Sorted().Select(x => x.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("content/evaluation/measures.yaml:") && l.Contains("measure 'active-coaches' names outcome 'O1.9', which no workstream defines") && l.Contains("did you mean 'O1.1'?"));
        Assert.Contains(lines, l => l.Contains("unknown measure type 'outcom'") && l.Contains("did you mean 'outcome'?"));
        Assert.Contains(lines, l => l.Contains("unknown key 'frequncy'") && l.Contains("did you mean 'frequency'?"));
    }
}
