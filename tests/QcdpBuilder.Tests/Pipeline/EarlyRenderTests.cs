using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>
/// A build renders artefacts while it is still planning (<see cref="EarlyRender"/>). These tests hold that to
/// changing nothing a user can see: the same bytes, errors still reported, and a failed plan still writes nothing.
/// </summary>
public class EarlyRenderTests
{
    [Fact]
    public void Taking_an_artefact_rendered_early_gives_its_bytes_once_then_renders_again()
    {
        var calls = 0;
        var a = new Artefact("x.bin", "test", "x.md", () => [(byte)++calls]);
        a.RenderEarly();
        a.RenderEarly(); // already rendered: not again
        Assert.Equal(1, calls);
        Assert.Equal([1], a.Take());
        Assert.Equal([2], a.Take()); // the early bytes are forgotten once taken
    }

    [Fact]
    public void An_exception_in_an_early_render_comes_out_where_the_artefact_is_taken()
    {
        var a = new Artefact("x.bin", "test", "x.md", () => throw new InvalidDataException("broken picture"));
        a.RenderEarly(); // must not throw on the background thread
        Assert.Equal("broken picture", Assert.Throws<InvalidDataException>(() => a.Take()).Message);
    }

    [Fact]
    public void A_build_with_early_rendering_writes_what_a_plan_rendered_afterwards_gives()
    {
        using var repo = new MiniRepo();
        var options = new BuildOptions(repo.Root) { OutputDir = repo.PathOf("out") };
        var result = PackageBuilder.Run(options);
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Sorted()));
        var plan = PackageBuilder.Plan(options);
        Assert.Equal(plan.Artefacts.Count, result.Files.Count);
        foreach (var a in plan.Artefacts)
            Assert.True(File.ReadAllBytes(Path.Combine(result.OutputDir!, a.Path)).AsSpan().SequenceEqual(a.Render()), a.Path);
    }

    [Fact]
    public void A_plan_with_an_error_late_in_it_writes_nothing_though_earlier_files_were_rendered()
    {
        using var repo = new MiniRepo();
        var options = new BuildOptions(repo.Root) { OutputDir = repo.PathOf("out") };
        Assert.NotNull(PackageBuilder.Run(options).OutputDir);
        var before = OutputFiles.Of(repo.PathOf("out")).Order().Select(File.ReadAllBytes).ToList();
        // The decks are planned (and rendered early) first; the broken contract comes later in the plan.
        repo.Edit("content/contracts/applicant-contract.md", s => s + "\n{{#each}}\n");
        var result = PackageBuilder.Run(options);
        Assert.True(result.Diagnostics.HasErrors);
        Assert.Null(result.OutputDir);
        var after = OutputFiles.Of(repo.PathOf("out")).Order().Select(File.ReadAllBytes).ToList();
        Assert.Equal(before, after);
    }
}
