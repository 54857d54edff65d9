using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>The bundled programme in content/ keeps every promise the schema makes, and builds cleanly.</summary>
public class BundledContentTests
{
    [Fact]
    public void Bundled_content_validates_with_no_errors_and_no_warnings()
    {
        var result = PackageBuilder.Run(new BuildOptions(RepoPaths.Root) { Write = false });
        Assert.True(result.Diagnostics.Items.Count == 0, string.Join("\n", result.Diagnostics.Sorted()));
    }

    [Fact]
    public void Bundled_programme_has_six_workstreams_and_at_least_300_slides()
    {
        var d = new DiagnosticBag();
        var p = new ContentLoader(RepoPaths.Root, d).LoadProgramme()!;
        Assert.Equal(["Programme Management", "Deeper Understanding of QI", "Leading Change", "Self Reflection", "Coaching Skills", "Working with Groups"],
            p.Workstreams.Select(w => w.Title));
        Assert.All(p.Workstreams, w => Assert.InRange(w.Outcomes.Count, 4, 6));
        Assert.Equal(3, p.Workshops.Count);
        Assert.Equal(7, p.Workshops.Sum(w => w.Days.Count));
        // Slides start at '# ' / '## ' headings or '---' rules; the title slide is generated.
        var slides = p.Sessions.Sum(s => File.ReadAllLines(s.SlidesFile).Count(l => l.StartsWith("# ") || l.StartsWith("## ") || l == "---") + 1);
        Assert.True(slides >= 300, $"only {slides} slides");
    }

    [Fact]
    public void Bundled_package_builds_and_every_office_file_passes_the_validator()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "qcdp-bundled-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = PackageBuilder.Run(new BuildOptions(RepoPaths.Root) { OutputDir = outDir });
            Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Sorted()));
            Assert.Equal(31, result.Files.Count(f => f.Path.StartsWith("slides/") && f.Path.EndsWith(".pptx")));
            Assert.Equal(6, result.Files.Count(f => f.Path.StartsWith("guides/") && f.Path.EndsWith(".docx")));
            foreach (var f in result.Files.Where(f => f.Path.EndsWith(".pptx") || f.Path.EndsWith(".docx") || f.Path.EndsWith(".xlsx")))
                OpenXmlAssert.Valid(File.ReadAllBytes(Path.Combine(outDir, f.Path)), Path.GetExtension(f.Path)[1..]);

            // Every PDF: structurally sound, tagged, every font embedded (when the checkers are installed).
            foreach (var f in result.Files.Where(f => f.Path.EndsWith(".pdf")))
            {
                var path = Path.Combine(outDir, f.Path);
                if (ExternalTool.Run("qpdf", "--check", path) is { } qpdf) Assert.True(qpdf.Code == 0, $"{f.Path}: {qpdf.Output}");
                if (ExternalTool.Run("pdfinfo", path) is { } info) Assert.Matches(@"Tagged:\s+yes", info.Output);
                if (ExternalTool.Run("pdffonts", path) is { } fonts)
                    foreach (var line in fonts.Output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0))
                        Assert.True(line.Contains(" yes yes yes ") || line.Contains("Identity-H       yes"), $"{f.Path}: font not embedded: {line}");
            }
            if (ExternalTool.Run("pdftotext", Path.Combine(outDir, "contracts/applicant-contract.pdf"), "-") is { } text)
            {
                Assert.Contains("Northfield and District NHS Foundation Trust", text.Output);
                Assert.Contains("Tuesday 19 January 2027", text.Output);
            }
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
        }
    }
}
