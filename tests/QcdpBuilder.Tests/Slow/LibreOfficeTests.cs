using QcdpBuilder.Build;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Slow;

/// <summary>
/// The slow tier: LibreOffice opens and renders what we write, the way a facilitator's
/// machine would. Run with QCDP_SLOW_TESTS=1 (needs libreoffice-impress and libreoffice-writer).
/// </summary>
public class LibreOfficeTests
{
    [SlowFact]
    public void LibreOffice_renders_every_deck_guide_handout_and_the_contract()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "qcdp-lo-" + Guid.NewGuid().ToString("N")[..8]);
        var pdfDir = Path.Combine(outDir, "rendered");
        try
        {
            var result = PackageBuilder.Run(new BuildOptions(RepoPaths.Root) { OutputDir = outDir });
            Assert.False(result.Diagnostics.HasErrors);
            var office = result.Files.Where(f => f.Path.EndsWith(".pptx") || f.Path.EndsWith(".docx")).Select(f => Path.Combine(outDir, f.Path)).ToList();
            Directory.CreateDirectory(pdfDir);
            // A private profile, so a LibreOffice already open on this machine cannot swallow the job.
            var profile = "-env:UserInstallation=file://" + Path.Combine(outDir, "lo-profile");
            var log = new System.Text.StringBuilder();
            foreach (var batch in office.Chunk(20))
            {
                var run = ExternalTool.Run("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", pdfDir, .. batch]);
                Assert.True(run is not null, "LibreOffice (soffice) is not installed");
                log.Append(run.Value.Output);
            }
            foreach (var file in office)
            {
                var pdf = Path.Combine(pdfDir, Path.GetFileNameWithoutExtension(file) + ".pdf");
                Assert.True(File.Exists(pdf), $"LibreOffice could not render {Path.GetRelativePath(outDir, file)}:\n{log}");
                var text = ExternalTool.Run("pdftotext", pdf, "-")!.Value.Output;
                Assert.True(text.Trim().Length > 100, $"{Path.GetFileName(pdf)} rendered without text");
            }
            // A deck renders one page per slide.
            var deck = Path.Combine(pdfDir, "5.1-stance-and-contracting.pdf");
            var pages = ExternalTool.Run("pdfinfo", deck)!.Value.Output.Split('\n').First(l => l.StartsWith("Pages:"));
            var slides = File.ReadAllLines(Path.Combine(RepoPaths.Content, "workstreams/05-coaching-skills/sessions/5.1-stance-and-contracting/slides.md"))
                .Count(l => l.StartsWith("# ") || l.StartsWith("## ") || l == "---") + 1;
            Assert.Equal(slides, int.Parse(pages["Pages:".Length..].Trim()));
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
        }
    }
}
