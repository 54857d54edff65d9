using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Docx;
using QcdpBuilder.Markdown;
using QcdpBuilder.PdfOutput;
using QcdpBuilder.Pptx;
using QcdpBuilder.Templates;
using QcdpBuilder.Tests.BadInput;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Fuzz;

/// <summary>
/// Seeded random content through the real pipeline: random Markdown through the templates, the
/// reader and every writer (DOCX, PPTX and the five PDF kinds), random YAML mutations through the
/// loader. Nothing may throw; sampled outputs must pass the Open XML validator and qpdf --check.
/// A failure prints its seed and the generated input. QCDP_LONG_FUZZ=1 runs thousands of inputs
/// (QCDP_FUZZ_INPUTS=N sets the number; seeds run from 1, so a failing seed reproduces).
/// </summary>
public class FuzzTests
{
    /// <summary>Inputs per test: a few dozen by default, thousands with QCDP_LONG_FUZZ=1, or exactly QCDP_FUZZ_INPUTS.</summary>
    static int Count(int fast, int slow) =>
        int.TryParse(Environment.GetEnvironmentVariable("QCDP_FUZZ_INPUTS"), out var n) && n > 0 ? n : BadInputCorpus.Long ? slow : fast;

    [Fact]
    public void Random_markdown_goes_through_the_templates_the_reader_and_every_writer()
    {
        using var repo = new MiniRepo();
        var plan = PackageBuilder.Plan(new BuildOptions(repo.Root) { Write = false });
        Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
        var brand = QcdpBuilder.Branding.OrganisationBrand.Make(repo.Root, plan.Organisation!, plan.Programme!);
        var data = TemplateData.ForContent(plan.Organisation!, plan.Programme!);
        var templates = new TemplateEngine();
        var path = repo.PathOf(MiniRepo.Slides);
        var failures = new List<string>();
        int written = 0, validated = 0, checkedPdfs = 0;
        var qpdf = ExternalTool.Run("qpdf", "--version") is not null;
        var inputs = Count(50, 2000);

        for (var seed = 1; seed <= inputs && failures.Count < 3; seed++)
        {
            var markdown = new ContentFuzzer(seed).Markdown(blocks: BadInputCorpus.Long ? 30 : 14);
            try
            {
                var d = new DiagnosticBag();
                // As in a build: the templates first (they may refuse the text), then the reader.
                if (SourceFiles.ControlCharacter(markdown) is not null) continue;
                var md = templates.Render(markdown, data, MiniRepo.Slides, d);
                if (md is null) continue;
                var blocks = new MarkdownReader(repo.Root, d).Parse(md, path);
                foreach (var x in d.Items) Assert.True(x.Line >= 1 && x.Column >= 1, $"bad position: {x}");
                var doc = new Documents.Document($"Fuzz {seed}", blocks) { Subtitle = "Random content" };
                var deck = SlideBuilder.Build($"Fuzz {seed}", "Random content", blocks, MiniRepo.Slides, d);

                var (docxKind, pdfKind) = (seed % 3) switch { 0 => (DocxKind.Guide, PdfKind.Guide), 1 => (DocxKind.Handout, PdfKind.Handout), _ => (DocxKind.Form, PdfKind.Form) };
                var docx = DocxWriter.Write(doc, brand, new DocxOptions(docxKind));
                var pptx = PptxWriter.Write(deck, brand);
                var pdfs = new[] { PdfWriter.Write(doc, brand, pdfKind), PdfWriter.Slides(deck, brand), PdfWriter.NotesHandout(deck, brand), PdfWriter.SpeakerNotes(deck, brand) };
                written += 2 + pdfs.Length;

                // The validators are slower than the writers: check a sample in the fast tier, everything in the long one.
                if (BadInputCorpus.Long || seed % 3 == 0)
                {
                    OpenXmlAssert.Valid(docx, "docx");
                    OpenXmlAssert.Valid(pptx, "pptx");
                    validated += 2;
                }
                if (qpdf && (BadInputCorpus.Long || seed % 5 == 0))
                    foreach (var (pdf, i) in pdfs.Select((p, i) => (p, i)))
                    {
                        var file = Path.Combine(repo.Root, $"fuzz-{seed}-{i}.pdf");
                        File.WriteAllBytes(file, pdf);
                        var (code, output) = ExternalTool.Run("qpdf", "--check", file)!.Value;
                        Assert.True(code == 0, $"qpdf --check failed on PDF {i}:\n{output}");
                        checkedPdfs++;
                    }
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- generated Markdown (new ContentFuzzer({seed}).Markdown()) ---\n{markdown}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(written >= inputs * 3, $"only {written} documents written from {inputs} inputs");
        Assert.True(validated > 0);
        Assert.True(!qpdf || checkedPdfs > 0);
    }

    [Fact]
    public void Random_yaml_mutations_are_reported_not_crashed_on()
    {
        using var repo = new MiniRepo();
        string[] targets = [MiniRepo.Session, MiniRepo.Workstream, "content/programme.yaml", MiniRepo.Profile];
        var originals = targets.ToDictionary(t => t, t => File.ReadAllText(repo.PathOf(t)));
        var failures = new List<string>();
        var inputs = Count(120, 3000);
        var errors = 0;

        for (var seed = 1; seed <= inputs && failures.Count < 3; seed++)
        {
            var target = targets[seed % targets.Length];
            var mutated = new ContentFuzzer(seed).MutateYaml(originals[target]);
            File.WriteAllText(repo.PathOf(target), mutated);
            try
            {
                var plan = PackageBuilder.Plan(new BuildOptions(repo.Root) { Write = false });
                foreach (var x in plan.Diagnostics.Items)
                {
                    Assert.True(x.Line >= 1 && x.Column >= 1, $"bad position: {x}");
                    Assert.DoesNotContain("   at ", x.Message);
                }
                if (plan.Diagnostics.HasErrors) errors++;
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed}, {target}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- mutated YAML (new ContentFuzzer({seed}).MutateYaml(original)) ---\n{mutated}");
            }
            finally
            {
                File.WriteAllText(repo.PathOf(target), originals[target]);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // The mutations are real: most of them break the file.
        Assert.True(errors > inputs / 3, $"only {errors} of {inputs} mutations gave an error");
    }
}
