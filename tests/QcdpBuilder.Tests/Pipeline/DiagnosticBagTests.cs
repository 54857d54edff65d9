using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>Some checks of a build run beside each other and report into one bag: nothing may be lost or doubled.</summary>
public class DiagnosticBagTests
{
    [Fact]
    public void Reports_from_many_threads_are_all_kept_once()
    {
        var bag = new DiagnosticBag();
        Parallel.For(0, 8, t =>
        {
            for (var i = 0; i < 2000; i++)
            {
                bag.Warning(new SourceSpan($"f{t}.md", i + 1, 1), "same problem");
                bag.Warning(new SourceSpan($"f{t}.md", i + 1, 1), "same problem"); // a duplicate: kept once
                _ = bag.HasErrors;
            }
        });
        Assert.Equal(16000, bag.Items.Count);
        Assert.Equal(16000, bag.Sorted().Count());
    }

    [Fact]
    public void A_build_reports_the_terms_check_and_slide_measuring_that_run_beside_parsing()
    {
        using var repo = new MiniRepo();
        // A term spelt wrong (checked on its own thread) and a slide too long for its placeholder (measured on another).
        repo.Write("content/style/terms.yaml", "terms:\n  - term: PDSA\n    wrong: [pdsa]\n");
        repo.Edit(MiniRepo.Slides, s => s + "\n\n## A slide about pdsa\n\n" + string.Join("\n", Enumerable.Range(1, 30).Select(i => $"- point {i} of a list far too long for one slide")) + "\n");
        var result = PackageBuilder.Run(new BuildOptions(repo.Root) { OutputDir = repo.PathOf("out") });
        var rules = result.Diagnostics.Items.Select(d => d.Rule).ToHashSet();
        Assert.Contains(Rules.Terms.Id, rules);
        Assert.Contains(Rules.SlideOverflow.Id, rules);
    }
}
