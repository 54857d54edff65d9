using System.Security.Cryptography;
using QcdpBuilder.Build;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>
/// Incremental rebuilds (what <c>qcdp build --watch</c> runs after each save): only the files a change
/// affects are rendered and rewritten, the rest are not touched, and the result equals a clean build.
/// </summary>
public class IncrementalTests
{
    static readonly DateTime Old = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    static (IncrementalBuild Build, string Out) Start(MiniRepo repo)
    {
        var (build, result) = IncrementalBuild.Start(new BuildOptions(repo.Root));
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        // Back-date every file, so a file the rebuild rewrites shows a new time stamp and one it leaves alone does not.
        foreach (var f in OutputFiles.Of(result.OutputDir!)) File.SetLastWriteTimeUtc(f, Old);
        return (build, result.OutputDir!);
    }

    static Dictionary<string, string> Hashes(string dir) =>
        OutputFiles.Of(dir).ToDictionary(
            f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    static List<string> Touched(string dir) =>
        OutputFiles.Of(dir).Where(f => File.GetLastWriteTimeUtc(f) != Old)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Editing_a_deck_rewrites_only_that_decks_files_and_matches_a_clean_build()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = Start(repo);
        var before = Hashes(outDir);

        repo.Edit(MiniRepo.Slides, s => s.Replace("Meet each other", "Meet one another"));
        var result = build.Rebuild([repo.PathOf(MiniRepo.Slides)]);

        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        Assert.False(result.Everything);
        string[] deck = ["slides/1.1-first-session-notes.pdf", "slides/1.1-first-session-speaker-notes.pdf", "slides/1.1-first-session.pdf", "slides/1.1-first-session.pptx"];
        // Only the deck's files are made again: every artefact's inputs are tracked.
        Assert.Equal(deck, result.Rendered.Order(StringComparer.Ordinal));
        Assert.Equal(deck, result.Written.Order(StringComparer.Ordinal));
        // Exactly the deck's four files and the manifest have new bytes and a new time stamp; nothing else was rewritten.
        var after = Hashes(outDir);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.Equal(["manifest.json", .. deck], before.Keys.Where(k => before[k] != after[k]).Order(StringComparer.Ordinal));
        Assert.Equal(["manifest.json", .. deck], Touched(outDir));

        // Byte for byte what a clean build of the edited content gives, manifest included.
        var clean = PackageBuilder.Run(new BuildOptions(repo.Root) { OutputDir = Path.Combine(repo.Root, "clean") });
        Assert.Equal(Hashes(clean.OutputDir!), after);
    }

    [Fact]
    public void A_change_nothing_claims_rebuilds_everything_but_rewrites_only_what_differs()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = Start(repo);
        var before = Hashes(outDir);

        repo.Edit(MiniRepo.Profile, s => s + "\n# a comment changes no output\n");
        var result = build.Rebuild([repo.PathOf(MiniRepo.Profile)]);

        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        Assert.True(result.Everything);
        Assert.Equal(before.Count - 1, result.Rendered.Count); // every file but the manifest
        Assert.Empty(result.Written);
        Assert.Empty(Touched(outDir));
        Assert.Equal(before, Hashes(outDir));
    }

    [Fact]
    public void A_rebuild_with_errors_writes_nothing_and_the_next_good_save_catches_up()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = Start(repo);
        var before = Hashes(outDir);

        repo.Edit(MiniRepo.Slides, s => s.Replace("{{org.name}}", "{{org.nmae}}"));
        var failed = build.Rebuild([repo.PathOf(MiniRepo.Slides)]);
        Assert.True(failed.Failed);
        Assert.Contains(failed.Diagnostics.Items, d => d.File == MiniRepo.Slides && d.Message.Contains("org.nmae"));
        Assert.Empty(Touched(outDir));
        Assert.Equal(before, Hashes(outDir));

        repo.Edit(MiniRepo.Slides, s => s.Replace("{{org.nmae}}", "{{org.short_name}}"));
        var fixedUp = build.Rebuild([repo.PathOf(MiniRepo.Slides)]);
        Assert.False(fixedUp.Failed, string.Join("\n", fixedUp.Diagnostics.Items));
        Assert.Contains("slides/1.1-first-session.pptx", fixedUp.Written);
        var clean = PackageBuilder.Run(new BuildOptions(repo.Root) { OutputDir = Path.Combine(repo.Root, "clean") });
        Assert.Equal(Hashes(clean.OutputDir!), Hashes(outDir));
    }

    [Fact]
    public void Editing_the_measures_rebuilds_the_evaluation_files_only()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = Start(repo);
        repo.Edit("content/evaluation/measures.yaml", s => s + "\n");
        var result = build.Rebuild([repo.PathOf("content/evaluation/measures.yaml")]);
        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        Assert.False(result.Everything);
        Assert.Equal(["evaluation/measures-workbook.xlsx", "evaluation/traceability.xlsx", "programme/traceability.docx", "programme/traceability.pdf"],
            result.Rendered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_handout_that_shows_the_self_assessment_items_is_rebuilt_when_they_change()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Handout, s => s.Replace("Fill this in.", "Score yourself on all {{self_assessment.count}} items."));
        var (build, outDir) = Start(repo);

        // Its inputs are the files read to make it: the placeholder's value comes from self-assessment.yaml.
        const string items = "content/evaluation/self-assessment.yaml";
        repo.Edit(items, s => s.Replace("    outcomes: [O1.2]", "    outcomes: [O1.2]\n  - id: SA3\n    title: Teaching the sample\n    description: Teaching the sample to a colleague.\n    outcomes: [O1.2]"));
        var result = build.Rebuild([repo.PathOf(items)]);

        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        Assert.False(result.Everything);
        Assert.Contains("handouts/sample-worksheet.pdf", result.Written);
        Assert.DoesNotContain(result.Rendered, p => p.StartsWith("slides/") || p.StartsWith("guides/"));
        var clean = PackageBuilder.Run(new BuildOptions(repo.Root) { OutputDir = Path.Combine(repo.Root, "clean") });
        Assert.Equal(Hashes(clean.OutputDir!), Hashes(outDir));
    }

    [Fact]
    public void Editing_facilitator_notes_rebuilds_the_guide_not_the_decks()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = Start(repo);
        const string notes = "content/workstreams/01-sample/sessions/1.1-first-session/facilitator-notes.md";

        repo.Edit(notes, s => s + "\n\nA new closing remark for facilitators.\n");
        var result = build.Rebuild([repo.PathOf(notes)]);

        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        Assert.Equal(["guides/01-sample-facilitator-guide.docx", "guides/01-sample-facilitator-guide.pdf"], result.Written.Order(StringComparer.Ordinal));
        Assert.Equal(["guides/01-sample-facilitator-guide.docx", "guides/01-sample-facilitator-guide.pdf", "manifest.json"], Touched(outDir));
    }

    [Fact]
    public void An_editors_temporary_file_beside_the_slides_does_not_rebuild_everything()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = Start(repo);
        // sed -i and many editors write a temporary file and rename it over the original: both paths are reported.
        var temp = repo.PathOf(Path.Combine(Path.GetDirectoryName(MiniRepo.Slides)!, "sedX4f9Qa"));
        repo.Edit(MiniRepo.Slides, s => s.Replace("Meet each other", "Meet one another"));
        var result = build.Rebuild([temp, repo.PathOf(MiniRepo.Slides)]);

        Assert.False(result.Everything);
        Assert.DoesNotContain(result.Rendered, p => p.StartsWith("guides/"));
        Assert.Equal(["manifest.json", "slides/1.1-first-session-notes.pdf", "slides/1.1-first-session-speaker-notes.pdf", "slides/1.1-first-session.pdf", "slides/1.1-first-session.pptx"], Touched(outDir));
    }

    // ---------------- with the website (qcdp serve, build --watch --format html) ----------------

    static (IncrementalBuild Build, string Out) StartSite(MiniRepo repo)
    {
        var (build, result) = IncrementalBuild.Start(new BuildOptions(repo.Root) { Site = true });
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        foreach (var f in OutputFiles.Of(result.OutputDir!)) File.SetLastWriteTimeUtc(f, Old);
        return (build, result.OutputDir!);
    }

    static Dictionary<string, string> CleanSite(MiniRepo repo) =>
        Hashes(PackageBuilder.Run(new BuildOptions(repo.Root) { Site = true, OutputDir = Path.Combine(repo.Root, "clean") }).OutputDir!);

    [Fact]
    public void With_the_site_editing_a_deck_rewrites_its_files_and_its_slides_page_only()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = StartSite(repo);

        repo.Edit(MiniRepo.Slides, s => s.Replace("Meet each other", "Meet one another"));
        var result = build.Rebuild([repo.PathOf(MiniRepo.Slides)]);

        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        Assert.False(result.Everything);
        string[] deck = ["site/slides-1.1-first-session.html", "slides/1.1-first-session-notes.pdf", "slides/1.1-first-session-speaker-notes.pdf",
            "slides/1.1-first-session.pdf", "slides/1.1-first-session.pptx"];
        Assert.Equal(deck, result.Rendered.Order(StringComparer.Ordinal));
        Assert.Equal(["manifest.json", .. deck], Touched(outDir));
        Assert.Contains("Meet one another", File.ReadAllText(Path.Combine(outDir, "site", "slides-1.1-first-session.html")));
        Assert.Equal(CleanSite(repo), Hashes(outDir));
    }

    [Fact]
    public void With_the_site_editing_facilitator_notes_rewrites_the_guide_and_the_session_page()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = StartSite(repo);
        const string notes = "content/workstreams/01-sample/sessions/1.1-first-session/facilitator-notes.md";

        repo.Edit(notes, s => s + "\n\nA new closing remark for facilitators.\n");
        var result = build.Rebuild([repo.PathOf(notes)]);

        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        string[] written = ["guides/01-sample-facilitator-guide.docx", "guides/01-sample-facilitator-guide.pdf", "site/session-1.1-first-session.html"];
        Assert.Equal(written, result.Rendered.Order(StringComparer.Ordinal));
        Assert.Equal([.. written.Append("manifest.json").Order(StringComparer.Ordinal)], Touched(outDir));
        Assert.Equal(CleanSite(repo), Hashes(outDir));
    }

    [Fact]
    public void With_the_site_a_session_yaml_edit_rewrites_the_pages_that_show_it_and_matches_a_clean_build()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = StartSite(repo);

        repo.Edit(MiniRepo.Session, s => s.Replace("summary: A session at {{org.name}}.", "summary: An edited session."));
        var result = build.Rebuild([repo.PathOf(MiniRepo.Session)]);

        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        Assert.False(result.Everything);
        Assert.Contains("site/session-1.1-first-session.html", result.Written);
        Assert.DoesNotContain(result.Rendered, p => p.StartsWith("site/assets/") || p.StartsWith("site/images/") || p.StartsWith("handouts/"));
        Assert.Equal(CleanSite(repo), Hashes(outDir));
    }

    [Fact]
    public void With_the_site_a_picture_that_renumbers_another_rewrites_every_page_showing_either()
    {
        using var repo = new MiniRepo();
        var (build, outDir) = StartSite(repo);
        // The handout (shown on the session page, which comes before the deck's page) gets a picture named like the
        // deck's: it takes images/pdsa.png and the deck's picture becomes images/pdsa-2.png, though slides.md is untouched.
        const string picture = "content/workstreams/01-sample/handouts/pdsa.png";
        File.Copy(repo.PathOf("content/images/pdsa.png"), repo.PathOf(picture));
        repo.Edit(MiniRepo.Handout, s => s + "\n![A second copy of the cycle](pdsa.png)\n");
        var result = build.Rebuild([repo.PathOf(picture), repo.PathOf(MiniRepo.Handout)]);

        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        Assert.False(result.Everything);
        Assert.Contains("site/slides-1.1-first-session.html", result.Written);
        Assert.Contains("images/pdsa-2.png", File.ReadAllText(Path.Combine(outDir, "site", "slides-1.1-first-session.html")));
        Assert.Equal(CleanSite(repo), Hashes(outDir));
    }

    [Fact]
    public void With_the_site_deleting_an_overlay_handout_brings_back_the_shared_one_everywhere_it_shows()
    {
        using var repo = new MiniRepo();
        var overlay = $"{MiniRepo.OverlayContent}/workstreams/01-sample/handouts/sample-worksheet.md";
        repo.Write(overlay, "---\ntitle: Our worksheet\nsession: \"1.1\"\n---\nOur local version of the worksheet.\n\n[lines: 2]\n");
        var (build, outDir) = StartSite(repo);

        // Only the last plan's inputs name the deleted file; the new plan reads the shared handout instead.
        File.Delete(repo.PathOf(overlay));
        var result = build.Rebuild([repo.PathOf(overlay)]);

        Assert.False(result.Failed, string.Join("\n", result.Diagnostics.Items));
        Assert.False(result.Everything);
        Assert.Contains("handouts/sample-worksheet.pdf", result.Written);
        Assert.Contains("site/session-1.1-first-session.html", result.Written);
        Assert.Contains("Fill this in.", File.ReadAllText(Path.Combine(outDir, "site", "session-1.1-first-session.html")));
        Assert.Equal(CleanSite(repo), Hashes(outDir));
    }

    [Theory]
    [InlineData("slides.md", false)]
    [InlineData(".slides.md.swp", true)]
    [InlineData("slides.md~", true)]
    [InlineData("4913", true)]
    public void The_watcher_ignores_editor_droppings(string name, bool ignored) =>
        Assert.Equal(ignored, Watcher.Ignored(Path.Combine("content", name)));
}
