using QcdpBuilder.Reports;
using System.Diagnostics;
using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Output;
using QcdpBuilder.Packs;
using QcdpBuilder.Tests.BadInput;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Robustness;

/// <summary>
/// qcdp never deletes or overwrites a file it did not write: not the repository, not content/, templates/ or
/// organisations/ (even with --force), not a folder of someone else's files, not a file left in its output
/// folder or edited there since. Two qcdp processes never write one folder at once.
/// </summary>
public class OutputSafetyTests
{
    const string Out = "output/smith-jones";

    static BuildResult Build(MiniRepo repo, string? outDir = null, bool force = false) =>
        PackageBuilder.Run(new BuildOptions(repo.Root) { OutputDir = outDir is null ? null : Path.GetFullPath(outDir, repo.Root), Force = force });

    static string Errors(BuildResult r) => string.Join("\n", r.Diagnostics.Sorted());

    /// <summary>Every file under the folder (with .git's and bin's) and its hash.</summary>
    static List<(string, string)> Everything(string dir) => BadInputTests.Snapshot(dir);

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("content")]
    [InlineData("content/workstreams")]
    [InlineData("templates")]
    [InlineData("organisations/smith-jones")]
    [InlineData("organisations")]
    [InlineData(".git")]
    public void Folders_people_write_are_refused_even_with_force(string outDir)
    {
        using var repo = new MiniRepo();
        Directory.CreateDirectory(repo.PathOf(".git"));
        File.WriteAllText(repo.PathOf(".git/HEAD"), "ref: refs/heads/main\n");
        var before = Everything(repo.Root);
        foreach (var force in new[] { false, true })
        {
            var result = Build(repo, outDir, force);
            Assert.Null(result.OutputDir);
            var error = Assert.Single(result.Diagnostics.Items, d => d.Severity == Severity.Error);
            Assert.Equal("QCDP910", error.Rule);
            Assert.Equal(before, Everything(repo.Root));
        }
    }

    [Fact]
    public void A_symbolic_link_into_content_is_refused_like_content_itself()
    {
        using var repo = new MiniRepo();
        var link = Path.Combine(Path.GetTempPath(), "qcdp-link-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateSymbolicLink(link, repo.PathOf("content"));
        try
        {
            var before = Everything(repo.PathOf("content"));
            var result = Build(repo, link, force: true);
            Assert.Contains("content/", Errors(result));
            Assert.Equal(before, Everything(repo.PathOf("content")));
        }
        finally { Directory.Delete(link); }
    }

    [Fact]
    public void A_file_named_as_the_output_folder_is_an_error_not_a_crash()
    {
        using var repo = new MiniRepo();
        repo.Write("notes.txt", "mine");
        var result = Build(repo, "notes.txt");
        Assert.Contains("is a file", Errors(result));
        Assert.Equal("mine", File.ReadAllText(repo.PathOf("notes.txt")));
    }

    [Fact]
    public void A_folder_of_someone_elses_files_is_refused_and_with_force_written_beside_them_untouched()
    {
        using var repo = new MiniRepo();
        repo.Write("thesis/thesis.docx", "my thesis");
        repo.Write("thesis/handouts/sample-worksheet.txt", "my notes");
        var refused = Build(repo, "thesis");
        Assert.Contains("thesis.docx", Errors(refused));
        Assert.Equal(["handouts", "thesis.docx"], Directory.EnumerateFileSystemEntries(repo.PathOf("thesis")).Select(Path.GetFileName).Order());

        var forced = Build(repo, "thesis", force: true);
        Assert.False(forced.Diagnostics.HasErrors, Errors(forced));
        Assert.Equal("my thesis", File.ReadAllText(repo.PathOf("thesis/thesis.docx")));
        Assert.Equal("my notes", File.ReadAllText(repo.PathOf("thesis/handouts/sample-worksheet.txt")));
        Assert.True(File.Exists(repo.PathOf("thesis/handouts/sample-worksheet.pdf")));

        // Rebuilt without --force: the folder is now a qcdp output, and the user's files are still never touched.
        var again = Build(repo, "thesis");
        Assert.False(again.Diagnostics.HasErrors, Errors(again));
        Assert.Equal("my thesis", File.ReadAllText(repo.PathOf("thesis/thesis.docx")));
    }

    [Fact]
    public void A_rebuild_keeps_files_the_user_added_and_removes_only_generated_files_no_longer_made()
    {
        using var repo = new MiniRepo();
        const string extra = "content/workstreams/01-sample/handouts/extra.md";
        repo.Write(extra, File.ReadAllText(repo.PathOf(MiniRepo.Handout)).Replace("Sample worksheet", "Extra worksheet"));
        var first = Build(repo);
        Assert.False(first.Diagnostics.HasErrors, Errors(first));
        Assert.True(File.Exists(repo.PathOf(Out + "/handouts/extra.pdf")));
        repo.Write(Out + "/mine.txt", "mine");
        repo.Write(Out + "/handouts/annotated.pdf", "my annotations");
        repo.Write(Out + "/packs/old-pack.pdf", "a pack");
        // The handout goes from the content: its generated files go; the user's files beside them stay.
        File.Delete(repo.PathOf(extra));
        var result = Build(repo);
        Assert.False(result.Diagnostics.HasErrors, Errors(result));
        Assert.False(File.Exists(repo.PathOf(Out + "/handouts/extra.pdf")));
        Assert.False(File.Exists(repo.PathOf(Out + "/handouts/extra.docx")));
        Assert.True(File.Exists(repo.PathOf(Out + "/handouts/sample-worksheet.pdf")));
        Assert.Equal("mine", File.ReadAllText(repo.PathOf(Out + "/mine.txt")));
        Assert.Equal("my annotations", File.ReadAllText(repo.PathOf(Out + "/handouts/annotated.pdf")));
        Assert.Equal("a pack", File.ReadAllText(repo.PathOf(Out + "/packs/old-pack.pdf")));
    }

    [Fact]
    public void Files_the_user_put_in_the_output_folder_survive_every_rebuild()
    {
        using var repo = new MiniRepo();
        Assert.False(Build(repo).Diagnostics.HasErrors);
        repo.Write(Out + "/mine.txt", "mine");
        repo.Write(Out + "/packs/old-pack.pdf", "a pack");
        repo.Edit(MiniRepo.Slides, s => s + "\n\n# One more slide\n\n- With a point\n");
        var result = Build(repo);
        Assert.False(result.Diagnostics.HasErrors, Errors(result));
        Assert.Equal("mine", File.ReadAllText(repo.PathOf(Out + "/mine.txt")));
        Assert.Equal("a pack", File.ReadAllText(repo.PathOf(Out + "/packs/old-pack.pdf")));
    }

    [Fact]
    public void A_file_in_the_way_that_qcdp_did_not_write_stops_the_build_and_nothing_changes()
    {
        using var repo = new MiniRepo();
        Assert.False(Build(repo).Diagnostics.HasErrors);
        // The user replaces a generated file by one of their own: it is no longer what the manifest lists...
        var manifest = File.ReadAllText(repo.PathOf(Out + "/manifest.json"));
        repo.Write(Out + "/manifest.json", manifest.Replace("\"handouts/sample-worksheet.pdf\"", "\"handouts/other.pdf\""));
        repo.Write(Out + "/handouts/sample-worksheet.pdf", "the user's own PDF");
        var before = Everything(repo.PathOf(Out));
        var result = Build(repo, force: true);
        Assert.Contains("handouts/sample-worksheet.pdf, which it did not write", Errors(result));
        Assert.Equal(before, Everything(repo.PathOf(Out)));
    }

    [Fact]
    public void A_generated_file_edited_since_is_kept_unless_forced()
    {
        using var repo = new MiniRepo();
        Assert.False(Build(repo).Diagnostics.HasErrors);
        const string edited = Out + "/handouts/sample-worksheet.docx";
        File.AppendAllText(repo.PathOf(edited), "an edit");
        var bytes = File.ReadAllBytes(repo.PathOf(edited));
        var refused = Build(repo);
        Assert.Contains("was changed after qcdp wrote it", Errors(refused));
        Assert.Equal(bytes, File.ReadAllBytes(repo.PathOf(edited)));
        var forced = Build(repo, force: true);
        Assert.False(forced.Diagnostics.HasErrors, Errors(forced));
        Assert.NotEqual(bytes, File.ReadAllBytes(repo.PathOf(edited)));
    }

    [Fact]
    public void A_build_that_fails_into_a_new_folder_leaves_no_folder_behind()
    {
        using var repo = new MiniRepo();
        repo.Write("content/images/broken.png", "not a png");
        repo.Edit(MiniRepo.Slides, s => s + "\n\n# Broken\n\n![A broken picture](../../../../images/broken.png)\n");
        var result = Build(repo, "fresh");
        Assert.True(result.Diagnostics.HasErrors);
        Assert.False(Directory.Exists(repo.PathOf("fresh")));
    }

    [Fact]
    public void Another_qcdp_holding_the_folder_is_named_when_it_does_not_let_go()
    {
        using var repo = new MiniRepo();
        var outDir = repo.PathOf(Out);
        using var held = OutputLock.Take(Path.Combine(outDir, OutputFolder.StateFolder), "qcdp serve", TimeSpan.Zero, null, out _);
        Assert.NotNull(held);
        var d = new DiagnosticBag();
        var request = new OutputRequest(repo.Root, outDir, Out, "package", "qcdp build") { Wait = TimeSpan.FromMilliseconds(300) };
        Assert.Null(OutputFolder.Open(request, d));
        var error = Assert.Single(d.Items);
        Assert.Equal("QCDP911", error.Rule);
        Assert.Contains($"process {Environment.ProcessId} (qcdp serve)", error.Message);
    }

    [Fact]
    public void Two_builds_into_one_folder_at_once_both_finish_with_a_whole_package()
    {
        using var repo = new MiniRepo();
        Assert.False(Build(repo).Diagnostics.HasErrors);
        var expected = Everything(repo.PathOf(Out));
        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() => Qcdp.Run(repo.Root, "build"))).ToArray();
        Task.WaitAll(runs);
        foreach (var (code, stdout, stderr) in runs.Select(r => r.Result))
        {
            Assert.True(code == 0, stdout + stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
        Assert.Equal(expected, Everything(repo.PathOf(Out)));
    }

    [Fact]
    public void A_relative_out_is_resolved_from_the_current_folder_and_checked_there()
    {
        using var repo = new MiniRepo();
        // Run from inside content/: "--out ." is content/ itself, refused.
        var (code, _, err) = Qcdp.Run(repo.PathOf("content"), "build", "--out", ".");
        Assert.Equal(1, code);
        Assert.Contains("QCDP910", err);
        Assert.DoesNotContain("   at ", err);
        var (ok, _, err2) = Qcdp.Run(repo.PathOf("content"), "build", "--out", "../somewhere");
        Assert.True(ok == 0, err2);
        Assert.True(File.Exists(repo.PathOf("somewhere/manifest.json")));
    }

    [Fact]
    public void Packs_and_reports_follow_the_same_rules()
    {
        using var repo = new MiniRepo();
        var before = Everything(repo.PathOf("content"));
        var pack = PackBuilder.Run(new PackOptions(repo.Root) { Session = "1.1", OutputDir = repo.PathOf("content"), Force = true });
        Assert.Contains(pack.Diagnostics.Items, d => d.Rule == "QCDP910");
        repo.Write("mine/letter.docx", "mine");
        var foreign = PackBuilder.Run(new PackOptions(repo.Root) { Session = "1.1", OutputDir = repo.PathOf("mine") });
        Assert.Contains(foreign.Diagnostics.Items, d => d.Rule == "QCDP910");

        // Two runs for different sessions: the second keeps the first's packs.
        var first = PackBuilder.Run(new PackOptions(repo.Root) { Session = "1.1" });
        Assert.False(first.Diagnostics.HasErrors, string.Join("\n", first.Diagnostics.Sorted()));
        var firstFiles = Directory.GetFiles(first.OutputDir!, "*.pdf").Select(Path.GetFileName).ToList();
        var second = PackBuilder.Run(new PackOptions(repo.Root) { All = true });
        Assert.False(second.Diagnostics.HasErrors, string.Join("\n", second.Diagnostics.Sorted()));
        Assert.All(firstFiles, f => Assert.True(File.Exists(Path.Combine(first.OutputDir!, f!))));

        // A package folder is not a packs folder.
        Assert.False(Build(repo).Diagnostics.HasErrors);
        var intoPackage = PackBuilder.Run(new PackOptions(repo.Root) { Session = "1.1", OutputDir = repo.PathOf(Out) });
        Assert.Contains("holds qcdp a course package", string.Join("\n", intoPackage.Diagnostics.Sorted()));

        var report = ReportRunner.Run(new ReportOptions(repo.Root, repo.PathOf("mine")) { OutputDir = repo.PathOf("templates") });
        Assert.Contains(report.Diagnostics.Items, d => d.Rule == "QCDP910" || d.Rule == "QCDP862");
        Assert.Equal(before, Everything(repo.PathOf("content")));
        Assert.Equal("mine", File.ReadAllText(repo.PathOf("mine/letter.docx")));
    }
}
