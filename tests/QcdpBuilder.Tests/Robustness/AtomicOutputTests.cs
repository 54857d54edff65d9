using System.Diagnostics;
using QcdpBuilder.Build;
using QcdpBuilder.Output;
using QcdpBuilder.Tests.BadInput;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Robustness;

/// <summary>
/// The package in output/ is replaced whole or not at all: a build killed mid-way, or one that
/// fails, leaves the previous package byte for byte as it was, and the next build tidies up.
/// </summary>
public class AtomicOutputTests
{
    const string Out = "output/smith-jones";

    /// <summary>Enough extra handouts that writing takes a few seconds, so the kill lands mid-way.</summary>
    static void MakeTheBuildLonger(MiniRepo repo, int handouts = 20)
    {
        var text = File.ReadAllText(repo.PathOf(MiniRepo.Handout));
        var body = string.Concat(Enumerable.Repeat("Reflect on the last coaching conversation you had and what you would change.\n\n[lines: 6]\n\n", 12));
        for (var i = 0; i < handouts; i++)
            repo.Write($"content/workstreams/01-sample/handouts/extra-{i:D2}.md", text.Replace("Sample worksheet", $"Extra worksheet {i}") + "\n" + body);
    }

    [Fact]
    public void A_build_killed_mid_way_leaves_the_previous_package_intact_and_the_next_build_tidies_up()
    {
        using var repo = new MiniRepo();
        var first = PackageBuilder.Run(new BuildOptions(repo.Root));
        Assert.False(first.Diagnostics.HasErrors, string.Join("\n", first.Diagnostics.Items));
        var before = BadInputTests.Snapshot(repo.PathOf(Out));
        var manifest = File.ReadAllBytes(repo.PathOf(Out + "/manifest.json"));
        var deck = File.ReadAllBytes(repo.PathOf(Out + "/slides/1.1-first-session.pptx"));

        MakeTheBuildLonger(repo);
        var temp = Path.Combine(repo.PathOf(Out), OutputFolder.StateFolder, "staging");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qcdp.dll"));
        psi.ArgumentList.Add("build");
        using (var p = Process.Start(psi)!)
        {
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            // Wait until the build is part-way through writing (some files in the temporary folder), then kill it.
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!(Directory.Exists(temp) && Directory.GetFiles(temp, "*", SearchOption.AllDirectories).Length >= 4))
            {
                Assert.False(p.HasExited, "the build finished before it could be killed; make it longer");
                Assert.True(DateTime.UtcNow < deadline, "the build never started writing");
                Thread.Sleep(2);
            }
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        // The kill left a half-written staging folder; the package itself is untouched.
        Assert.True(Directory.Exists(temp));
        Assert.Equal(before, BadInputTests.Snapshot(repo.PathOf(Out)));
        Assert.Equal(manifest, File.ReadAllBytes(repo.PathOf(Out + "/manifest.json")));
        Assert.Equal(deck, File.ReadAllBytes(repo.PathOf(Out + "/slides/1.1-first-session.pptx")));

        // The next build (of the original content) removes the leftovers and swaps in a complete package,
        // byte-identical to the first.
        foreach (var extra in Directory.GetFiles(repo.PathOf("content/workstreams/01-sample/handouts"), "extra-*.md")) File.Delete(extra);
        var next = PackageBuilder.Run(new BuildOptions(repo.Root));
        Assert.False(next.Diagnostics.HasErrors, string.Join("\n", next.Diagnostics.Items));
        Assert.False(Directory.Exists(temp));
        Assert.Equal(before, BadInputTests.Snapshot(repo.PathOf(Out)));
    }

    [Fact]
    public void A_build_killed_after_its_commit_point_is_finished_by_the_next_run_even_one_that_fails()
    {
        using var repo = new MiniRepo();
        var outDir = repo.PathOf(Out);
        Assert.False(PackageBuilder.Run(new BuildOptions(repo.Root)).Diagnostics.HasErrors);
        // The state a kill leaves half-way through a commit: the journal written, one staged file already moved
        // in (the deck), the other (a handout) and the new manifest still staged.
        var staging = Path.Combine(outDir, OutputFolder.StateFolder, "staging");
        const string deck = "slides/1.1-first-session.pptx", handout = "handouts/sample-worksheet.pdf";
        var newDeck = "new deck"u8.ToArray();
        var newHandout = "new handout"u8.ToArray();
        Directory.CreateDirectory(Path.Combine(staging, "handouts"));
        File.WriteAllBytes(Path.Combine(outDir, deck), newDeck);
        File.WriteAllBytes(Path.Combine(staging, handout), newHandout);
        File.WriteAllText(Path.Combine(staging, "manifest.json"), File.ReadAllText(Path.Combine(outDir, "manifest.json")).Replace("\"programme\"", "\"programme-next\""));
        File.WriteAllLines(Path.Combine(outDir, OutputFolder.StateFolder, "commit"), ["move " + deck, "move " + handout, "move manifest.json"]);

        // A build that fails on its content writes nothing new, but rolls the interrupted commit forward.
        repo.Edit(MiniRepo.Session, s => s.Replace("summary:", "sumary:"));
        Assert.True(PackageBuilder.Run(new BuildOptions(repo.Root)).Diagnostics.HasErrors);
        Assert.Equal(newDeck, File.ReadAllBytes(Path.Combine(outDir, deck)));
        Assert.Equal(newHandout, File.ReadAllBytes(Path.Combine(outDir, handout)));
        Assert.Contains("programme-next", File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        Assert.False(Directory.Exists(staging));
        Assert.False(File.Exists(Path.Combine(outDir, OutputFolder.StateFolder, "commit")));
    }
}
