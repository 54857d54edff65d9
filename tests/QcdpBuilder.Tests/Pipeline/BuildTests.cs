using System.Text.Json;
using QcdpBuilder.Build;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>End-to-end builds: what lands in output/, that it is valid, stable and safe.</summary>
public class BuildTests
{
    static BuildResult Build(string root, string? outDir = null) =>
        PackageBuilder.Run(new BuildOptions(root) { OutputDir = outDir });

    [Fact]
    public void Mini_build_writes_every_output_kind_and_a_manifest()
    {
        using var repo = new MiniRepo();
        var result = Build(repo.Root);
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        Assert.Equal(Path.Combine(repo.Root, "output", "smith-jones"), result.OutputDir);
        var paths = result.Files.Select(f => f.Path).ToList();
        Assert.Contains("slides/1.1-first-session.pptx", paths);
        Assert.Contains("slides/1.1-first-session.pdf", paths);
        Assert.Contains("slides/1.1-first-session-notes.pdf", paths);
        Assert.Contains("slides/1.1-first-session-speaker-notes.pdf", paths);
        Assert.Contains("guides/01-sample-facilitator-guide.pdf", paths);
        Assert.Contains("handouts/sample-worksheet.pdf", paths);
        Assert.Contains("contracts/applicant-contract.pdf", paths);
        Assert.Contains("guides/01-sample-facilitator-guide.docx", paths);
        Assert.Contains("handouts/sample-worksheet.docx", paths);
        Assert.Contains("contracts/applicant-contract.docx", paths);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.OutputDir!, "manifest.json")));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(result.Files.Count, files.Count);
        foreach (var f in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(result.OutputDir!, f.GetProperty("path").GetString()!));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), f.GetProperty("sha256").GetString());
            Assert.False(string.IsNullOrEmpty(f.GetProperty("source").GetString()));
        }
    }

    [Fact]
    public void Building_twice_gives_byte_identical_files()
    {
        using var repo = new MiniRepo();
        var a = Build(repo.Root, Path.Combine(repo.Root, "out-a"));
        var b = Build(repo.Root, Path.Combine(repo.Root, "out-b"));
        Assert.Equal(a.Files.Select(f => (f.Path, f.Sha256)), b.Files.Select(f => (f.Path, f.Sha256)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.OutputDir!, "manifest.json")), File.ReadAllBytes(Path.Combine(b.OutputDir!, "manifest.json")));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_intact()
    {
        using var repo = new MiniRepo();
        var first = Build(repo.Root);
        var before = OutputFiles.Of(first.OutputDir!).Order().Select(File.ReadAllBytes).ToList();
        repo.Edit(MiniRepo.Session, s => s.Replace("summary:", "sumary:"));
        var second = Build(repo.Root);
        Assert.True(second.Diagnostics.HasErrors);
        Assert.Null(second.OutputDir);
        var after = OutputFiles.Of(first.OutputDir!).Order().Select(File.ReadAllBytes).ToList();
        Assert.Equal(before, after);
        Assert.False(Directory.Exists(first.OutputDir + ".tmp"));
    }

    [Fact]
    public void Validate_writes_nothing()
    {
        using var repo = new MiniRepo();
        var result = PackageBuilder.Run(new BuildOptions(repo.Root) { Write = false });
        Assert.False(result.Diagnostics.HasErrors);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "output")));
    }

    [Fact]
    public void Every_pptx_and_docx_of_the_mini_build_passes_the_OpenXml_validator()
    {
        using var repo = new MiniRepo();
        var result = Build(repo.Root);
        foreach (var f in result.Files.Where(f => f.Path.EndsWith(".pptx") || f.Path.EndsWith(".docx")))
            OpenXmlAssert.Valid(File.ReadAllBytes(Path.Combine(result.OutputDir!, f.Path)), Path.GetExtension(f.Path)[1..]);
    }

    [Fact]
    public void Organisation_names_with_markdown_and_html_characters_print_as_written()
    {
        using var repo = new MiniRepo();
        var result = Build(repo.Root);
        // "Smith & Jones <North> NHS Trust" goes through the templates into Markdown and out to Word.
        var contract = OoxmlDump.Dump(File.ReadAllBytes(Path.Combine(result.OutputDir!, "contracts/applicant-contract.docx")), p => p == "word/document.xml");
        Assert.Contains("Smith &amp; Jones &lt;North&gt; NHS Trust", contract);
        Assert.DoesNotContain("\\&amp;", contract);
        var deck = OoxmlDump.Dump(File.ReadAllBytes(Path.Combine(result.OutputDir!, "slides/1.1-first-session.pptx")), p => p.StartsWith("ppt/slides/slide"));
        Assert.Contains("Smith &amp; Jones &lt;North&gt; NHS Trust", deck);
    }

    [Fact]
    public void Placeholders_in_yaml_texts_are_filled_in_every_output()
    {
        using var repo = new MiniRepo();
        repo.Edit(MiniRepo.Workstream, s => s.Replace("  - None.", "  - An account on {{terms.qi_platform}}."));
        repo.Edit(MiniRepo.Session, s => s.Replace("  - Print handouts.", "  - Book a room through {{org.short_name}}."));
        var result = Build(repo.Root);
        var guide = Directory.GetFiles(Path.Combine(result.OutputDir!, "guides"), "*.docx").Single();
        var text = OoxmlDump.Dump(File.ReadAllBytes(guide), p => p == "word/document.xml");
        Assert.Contains("An account on Life QI.", text);
        Assert.Contains("Book a room through ", text);
        Assert.Contains("A session at Smith &amp; Jones &lt;North&gt; NHS Trust.", text);
        Assert.DoesNotContain("{{", text);
    }

    [Fact]
    public void Raw_html_in_markdown_is_kept_as_text_not_markup()
    {
        using var repo = new MiniRepo();
        var result = Build(repo.Root);
        var guide = OoxmlDump.Dump(File.ReadAllBytes(Path.Combine(result.OutputDir!, "guides/01-sample-facilitator-guide.docx")), p => p == "word/document.xml");
        Assert.Contains("&lt;b&gt;care&lt;/b&gt;", guide);
    }

    [Fact]
    public void Alt_text_never_leaks_the_image_path()
    {
        using var repo = new MiniRepo();
        var result = Build(repo.Root);
        var deck = OoxmlDump.Dump(File.ReadAllBytes(Path.Combine(result.OutputDir!, "slides/1.1-first-session.pptx")), p => p.StartsWith("ppt/slides/slide"));
        Assert.Contains("descr=\"A PDSA cycle with four quadrants\"", deck);
        Assert.DoesNotContain("pdsa.png", deck);
    }

    [Fact]
    public void A_virtual_cohort_gets_online_notes_inside_each_activity_card()
    {
        using var repo = new MiniRepo();
        var inPerson = OoxmlDump.Dump(File.ReadAllBytes(Path.Combine(Build(repo.Root).OutputDir!, "guides/01-sample-facilitator-guide.docx")), p => p == "word/document.xml");
        Assert.Contains(">Virtual delivery<", inPerson);
        Assert.DoesNotContain(">Online.<", inPerson);

        repo.Edit(MiniRepo.Profile, s => s.Replace("delivery: in-person", "delivery: virtual"));
        var online = OoxmlDump.Dump(File.ReadAllBytes(Path.Combine(Build(repo.Root).OutputDir!, "guides/01-sample-facilitator-guide.docx")), p => p == "word/document.xml");
        Assert.DoesNotContain(">Virtual delivery<", online);
        Assert.Contains(">Online.<", online);
        Assert.Contains("Breakout rooms of three.", online);
    }

    [Fact]
    public void A_corrupt_picture_is_an_error_against_its_source_and_the_old_output_stays()
    {
        using var repo = new MiniRepo();
        var first = Build(repo.Root);
        var manifest = File.ReadAllBytes(Path.Combine(first.OutputDir!, "manifest.json"));
        // A readable header with the picture data cut off: found when the Markdown is read, not only when writing.
        var png = File.ReadAllBytes(repo.PathOf("content/images/pdsa.png"));
        File.WriteAllBytes(repo.PathOf("content/images/pdsa.png"), png[..60]);
        var second = Build(repo.Root);
        Assert.Null(second.OutputDir);
        Assert.Contains(second.Diagnostics.Items, d => d.File == MiniRepo.Slides && d.Line == 30 && d.Message == "image '../../../../images/pdsa.png' is damaged or incomplete (the file ends too early)");
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(first.OutputDir!, "manifest.json")));
        Assert.False(Directory.Exists(first.OutputDir + ".tmp"));
    }
}
