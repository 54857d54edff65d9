using System.Text;
using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Docx;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Markdown;
using QcdpBuilder.Packaging;
using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Images;
using QcdpBuilder.Pptx;

namespace QcdpBuilder.Fuzz;

/// <summary>
/// A fuzz target: bytes in, through one reader. It returns when the reader took the input or refused it
/// the way a user is told (a located diagnostic, a refusal message); any exception it lets out is a crash.
/// </summary>
public sealed record FuzzTarget(string Name, string Reads, Action<byte[]> Run, Func<IEnumerable<(string Name, byte[] Bytes)>> Seeds)
{
    /// <summary>The input as it is kept in a crash corpus: self-contained, so it replays however the seeds change.</summary>
    public Func<byte[], byte[]> Keep { get; init; } = bytes => bytes;
}

/// <summary>A reader broke its contract without throwing (a diagnostic with no position, an accepted input that cannot be used).</summary>
public sealed class FuzzFailure(string message) : Exception(message);

/// <summary>
/// The fuzz targets, one per reader of untrusted input: content YAML, Markdown, measure data (CSV and
/// XLSX), PNG/JPEG headers and pixels, TrueType fonts, and organisations' reference decks and documents.
/// </summary>
public sealed class FuzzTargets(FuzzWorkspace w)
{
    static readonly UTF8Encoding Lenient = new(false, false);

    public IReadOnlyList<FuzzTarget> All => [Yaml, Markdown, Csv, Xlsx, Image, Font, PptxReference, DocxReference];

    public FuzzTarget this[string name] => All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no fuzz target '{name}'; targets: {string.Join(", ", All.Select(t => t.Name))}");

    // ---- Content ----

    static readonly string[] YamlFiles = [FuzzWorkspace.Session, FuzzWorkspace.Workstream, FuzzWorkspace.Programme, FuzzWorkspace.Profile, FuzzWorkspace.Measures];

    /// <summary>The first byte picks the file (session, workstream, programme, organisation profile, measures); the rest is its text.</summary>
    FuzzTarget Yaml => new("yaml", "a content YAML file, through the content loader (qcdp validate's plan) or the evaluation loader",
        input =>
        {
            if (input.Length == 0) return;
            var file = YamlFiles[input[0] % YamlFiles.Length];
            w.WithFile(file, input[1..], _ =>
            {
                var d = new DiagnosticBag();
                if (file == FuzzWorkspace.Measures) EvaluationLoader.Load(w.Repo, d);
                else d = PackageBuilder.Plan(new BuildOptions(w.Repo) { Write = false }).Diagnostics;
                Located(d);
                return 0;
            });
        },
        () => YamlFiles.Select((f, i) => (Path.GetFileName(f) + $"-{i}", Prefix((byte)i, File.ReadAllBytes(w.PathOf(f))))));

    /// <summary>Markdown as a session's slides: the reader, then the slide builder. Text a build would refuse first (not UTF-8, control characters) is skipped.</summary>
    FuzzTarget Markdown => new("markdown", "a session's slides.md, through the Markdown reader and the slide builder",
        input =>
        {
            var text = Lenient.GetString(input);
            if (SourceFiles.ControlCharacter(text) is not null) return; // refused by SourceFiles.ReadText before any reader sees it
            var d = new DiagnosticBag();
            var blocks = new MarkdownReader(w.Repo, d).Parse(text, w.PathOf(FuzzWorkspace.Slides));
            SlideBuilder.Build("Fuzz", "Markdown", blocks, FuzzWorkspace.Slides, d);
            Located(d);
        },
        () => Directory.EnumerateFiles(Path.Combine(w.Repo, "content"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));

    // ---- Measure data ----

    /// <summary>A CSV file for the first measure, read as <c>qcdp report &lt;folder&gt;</c> reads it, then the run-chart analysis.</summary>
    FuzzTarget Csv => new("csv", "a measure's CSV file in a data folder, through the measure data reader and the report's analysis",
        input =>
        {
            var dir = Path.Combine(w.Scratch, "csv");
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, w.Evaluation.Measures[0].Id + ".csv"), input);
            Report(dir);
        },
        () =>
        [
            ("plain.csv", "period,numerator,denominator,annotation\nJan 2027,3,10,\nFeb 2027,4,10,new rota\nMar 2027,5,10,\"a, b and \"\"c\"\"\"\n"u8.ToArray()),
            ("crlf.csv", "Period,Numerator,Denominator\r\n2027 Q1,1,2\r\n2027 Q2,0,2\r\n"u8.ToArray()),
            ("bad.csv", "period,numerator,denominator\nJan,x,0\n,,\nFeb,5,-1\n"u8.ToArray()),
        ]);

    /// <summary>
    /// The measures workbook, read as <c>qcdp report &lt;workbook&gt;</c> reads it. The first byte picks a part of the
    /// blank workbook qcdp writes and the rest replaces it (0xF0 and up: the rest is the whole file).
    /// </summary>
    FuzzTarget Xlsx => new("xlsx", "the completed measures workbook, through the measure data reader and the report's analysis",
        input => Report(Write("measures.xlsx", Zip.Splice(BlankWorkbook, input))),
        () => Zip.Seeds(BlankWorkbook)) { Keep = input => Zip.Whole(BlankWorkbook, input) };

    byte[] BlankWorkbook => field ??= MeasuresWorkbook.Write(w.Evaluation, w.Brand);

    void Report(string data)
    {
        var d = new DiagnosticBag();
        var series = MeasureDataReader.Read(data, w.Evaluation, d);
        Located(d);
        if (!d.HasErrors) EvaluationReport.Build(series, w.Evaluation, "Fuzz", "Fuzz programme", Path.GetFileName(data));
    }

    // ---- Pictures and fonts ----

    /// <summary>
    /// A picture: the header reader refuses only with InvalidDataException; the picture check names the problem;
    /// a picture it passes must decode for PDF (a picture that passes the check and then fails in a writer
    /// is reported against the wrong file, or not at all).
    /// </summary>
    FuzzTarget Image => new("image", "a PNG or JPEG picture, through the header reader, the picture check and the PDF image decoder",
        input =>
        {
            try { ImageInfo.Read(input, "fuzz.png"); }
            catch (InvalidDataException) { }
            var path = Write("picture.png", input);
            if (ImageInfo.Problem(path) is not null) return;
            PdfImage.FromBytes(input);
        },
        () => new[] { "content/images/pdsa.png", "organisations/smith-jones/logo.png" }.Select(p => (Path.GetFileName(p), File.ReadAllBytes(w.PathOf(p))))
            .Concat(TinyImages.All()));

    /// <summary>
    /// A TrueType font: loading may refuse it (any exception, which the profile check turns into an error on the
    /// font's line), but a font it accepts must shape, kern and subset any text without failing.
    /// </summary>
    FuzzTarget Font => new("font", "a TrueType font file, through the font parser, the text shaper and the subsetter",
        input =>
        {
            TrueTypeFont font;
            try { font = new TrueTypeFont(input, "fuzz.ttf"); }
            catch (Exception e) when (e is not OutOfMemoryException and not FuzzFailure) { return; }
            const string sample = "Quality coach: AV Wa “fi” ﬁ — £20 ÷ 5 = 4 € ✓ 你好 مرحبا 👍🏽";
            var shaped = TextShaper.Shape(font, sample, 11);
            TextShaper.Measure(font, sample, 11);
            var glyphs = sample.EnumerateRunes().Select(r => font.GetGlyphId(r.Value)).ToList();
            for (var i = 0; i + 1 < glyphs.Count; i++) font.GetKerning(glyphs[i], glyphs[i + 1]);
            FontSubsetter.Subset(font, glyphs.Concat(Enumerable.Range(0, Math.Min(font.GlyphCount, 64)).Select(g => (ushort)g)));
            GC.KeepAlive(shaped);
        },
        () => Directory.EnumerateFiles(Path.Combine(w.Source, "templates", "fonts"), "*Regular.ttf", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));

    // ---- Organisations' templates ----

    /// <summary>
    /// An organisation's reference deck: the profile's checks (open, layouts) report what is wrong, and a deck
    /// they pass writes every slide. The first byte picks a part of a deck qcdp wrote and the rest replaces it
    /// (0xF0 and up: the rest is the whole file).
    /// </summary>
    FuzzTarget PptxReference => new("pptx-reference", "an organisation's reference deck (.pptx), through the template checks and the PowerPoint writer",
        input =>
        {
            var path = Write("reference.pptx", Zip.Splice(SampleDeck, input));
            var d = new DiagnosticBag();
            TemplateCheck.Check(path, w.Brand.LayoutNames, SourceSpan.StartOf(FuzzWorkspace.Profile), d);
            Located(d);
            if (PptxWriter.CheckReference(path).Any(p => p.IsError)) return;
            PptxWriter.Write(Deck, w.Brand, path);
        },
        () => Zip.Seeds(SampleDeck)) { Keep = input => Zip.Whole(SampleDeck, input) };

    /// <summary>An organisation's reference document: the profile's check reports what is wrong, and one it passes writes a handout.</summary>
    FuzzTarget DocxReference => new("docx-reference", "an organisation's reference document (.docx), through the template check and the Word writer",
        input =>
        {
            var path = Write("reference.docx", Zip.Splice(SampleDocument, input));
            if (DocxWriter.CheckReference(path) is not null) return;
            DocxWriter.Write(Document, w.Brand, new DocxOptions(DocxKind.Handout) { ReferenceDocxPath = path });
        },
        () => Zip.Seeds(SampleDocument)) { Keep = input => Zip.Whole(SampleDocument, input) };

    const string SampleMarkdown = "# Part one\n\nSome **bold** text and a [link](https://example.org).\n\n- one\n- two\n  - nested\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n![PDSA cycle](../../../../images/pdsa.png)\n\n::: notes\nSay this.\n:::\n\n## Two columns\n\n:::: columns\n::: column\nLeft\n:::\n::: column\nRight\n:::\n::::\n";

    IReadOnlyList<Documents.Block> Blocks => field ??= new MarkdownReader(w.Repo, new DiagnosticBag()).Parse(SampleMarkdown, w.PathOf(FuzzWorkspace.Slides));
    Deck Deck => field ??= SlideBuilder.Build("Fuzz deck", "Reference", Blocks, FuzzWorkspace.Slides, new DiagnosticBag());
    Documents.Document Document => field ??= new Documents.Document("Fuzz handout", Blocks) { Subtitle = "Reference" };
    byte[] SampleDeck => field ??= PptxWriter.Write(Deck, w.Brand);
    byte[] SampleDocument => field ??= DocxWriter.Write(Document, w.Brand, new DocxOptions(DocxKind.Handout));

    // ---- Helpers ----

    string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(w.Scratch, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static byte[] Prefix(byte first, byte[] rest) => [first, .. rest];

    /// <summary>Every diagnostic names a file and a real line and column, and none carries a stack trace.</summary>
    static void Located(DiagnosticBag d)
    {
        foreach (var x in d.Items)
            if (string.IsNullOrEmpty(x.File) || x.Line < 1 || x.Column < 1 || x.Message.Contains("   at ", StringComparison.Ordinal))
                throw new FuzzFailure($"diagnostic without a usable location: {x}");
    }
}
