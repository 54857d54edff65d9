using System.Diagnostics;
using QcdpBuilder.Build;
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
        var temp = OutputFolder.TempOf(repo.PathOf(Out));
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

        // The kill left a half-written temporary folder; the package itself is untouched.
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
        Assert.False(Directory.Exists(OutputFolder.OldOf(repo.PathOf(Out))));
        Assert.Equal(before, BadInputTests.Snapshot(repo.PathOf(Out)));
    }

    [Fact]
    public void A_build_killed_between_the_two_renames_gets_the_previous_package_back()
    {
        using var repo = new MiniRepo();
        var outDir = repo.PathOf(Out);
        Assert.False(PackageBuilder.Run(new BuildOptions(repo.Root)).Diagnostics.HasErrors);
        var before = BadInputTests.Snapshot(outDir);
        // The state a kill leaves just after the previous package was moved aside: no output folder,
        // the previous package in .old and a finished but unswapped .tmp.
        Directory.Move(outDir, OutputFolder.OldOf(outDir));
        Directory.CreateDirectory(OutputFolder.TempOf(outDir));
        File.WriteAllText(Path.Combine(OutputFolder.TempOf(outDir), "half.pdf"), "%PDF-");

        // Even a build that fails on its content puts the previous package back.
        repo.Edit(MiniRepo.Session, s => s.Replace("summary:", "sumary:"));
        var failed = PackageBuilder.Run(new BuildOptions(repo.Root));
        Assert.True(failed.Diagnostics.HasErrors);
        Assert.Equal(before, BadInputTests.Snapshot(outDir));
        Assert.False(Directory.Exists(OutputFolder.TempOf(outDir)));
        Assert.False(Directory.Exists(OutputFolder.OldOf(outDir)));
    }
}
