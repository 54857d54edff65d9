using System.Diagnostics;
using System.Text.RegularExpressions;
using QcdpBuilder.Branding;
using QcdpBuilder.PdfOutput;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.PdfOutput;

public class PdfWriterTests
{
    // ---- Golden layout dumps ---------------------------------------------------------------------------

    [Fact]
    public void Handout_layout_matches_golden() =>
        Golden.Verify("pdf-handout", PdfWriter.Dump(PdfSamples.Handout(), PdfSamples.Brand(), PdfKind.Handout));

    [Fact]
    public void Guide_layout_matches_golden() =>
        Golden.Verify("pdf-guide", PdfWriter.Dump(PdfSamples.Guide(), PdfSamples.Brand(), PdfKind.Guide));

    [Fact]
    public void Form_layout_matches_golden() =>
        Golden.Verify("pdf-form", PdfWriter.Dump(PdfSamples.Contract(), PdfSamples.Brand(), PdfKind.Form));

    [Fact]
    public void Slides_layout_matches_golden() =>
        Golden.Verify("pdf-slides", PdfWriter.Dump(PdfWriter.BuildSlides(PdfSamples.Deck(), PdfSamples.Brand())));

    [Fact]
    public void Notes_handout_layout_matches_golden() =>
        Golden.Verify("pdf-notes-handout", PdfWriter.Dump(PdfWriter.BuildNotesHandout(PdfSamples.Deck(), PdfSamples.Brand())));

    [Fact]
    public void Speaker_notes_layout_matches_golden() =>
        Golden.Verify("pdf-speaker-notes", PdfWriter.Dump(PdfWriter.BuildSpeakerNotes(PdfSamples.Deck(), PdfSamples.Brand())));

    // ---- Structure ----------------------------------------------------------------------------------------

    [Fact]
    public void Guide_has_cover_contents_linking_to_headings_and_repeats_table_header()
    {
        var dump = Pages(PdfWriter.Dump(PdfSamples.Guide(), PdfSamples.Brand(), PdfKind.Guide));
        Assert.Contains("\"Delivering the programme\"", dump[0]);
        Assert.Contains("\"Version 1.2\"", dump[0]);
        Assert.DoesNotContain("Page 1 of", dump[0]); // no running bands on the cover
        Assert.Contains("\"Contents\"", dump[1]);
        foreach (var id in new[] { "before-you-start", "what-you-need", "run-sheet", "after-the-session" })
            Assert.Contains($"\"#{id}\"", dump[1]);
        // The run sheet spans pages; each later page repeats its header row (as an artifact).
        var sheetPages = dump.Select((p, i) => (p, i)).Where(x => x.p.Contains("Run sheet item")).Select(x => x.i).ToList();
        Assert.True(sheetPages.Count >= 2, "run sheet should span two pages");
        foreach (var i in sheetPages.Skip(1))
            Assert.Matches(new Regex("text Artifact \\[[^\\]]+\\] \"Time\""), dump[i]);
        // Every page after the cover has the header and "Page X of Y".
        for (int i = 1; i < dump.Length; i++) Assert.Contains($"\"Page {i + 1} of {dump.Length}\"", dump[i]);
    }

    [Fact]
    public void Handout_prints_checkboxes_and_writing_space_without_fields()
    {
        var dump = PdfWriter.Dump(PdfSamples.Handout(), PdfSamples.Brand(), PdfKind.Handout);
        Assert.DoesNotContain("  field ", dump);
        Assert.Contains("\"Agree the aim with your sponsor\"", dump);
        Assert.Contains("image Figure", dump);
        // Writing lines are ~9.5 mm apart (27 pt): check two consecutive rules.
        var lines = Regex.Matches(dump, @"line Artifact \[([\d.]+) ([\d.]+) ([\d.]+) 0\.0\]").Select(m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(lines.Zip(lines.Skip(1), (a, b) => b - a), d => Math.Abs(d - 27) < 0.2);
    }

    [Fact]
    public void Form_has_interactive_fields()
    {
        var dump = PdfWriter.Dump(PdfSamples.Contract(), PdfSamples.Brand(), PdfKind.Form);
        Assert.Contains("field Form [", dump);
        Assert.Contains("\"Text full-name\"", dump);
        Assert.Contains("\"Date start-date\"", dump);
        Assert.Contains("\"Checkbox i-will-attend-all-six-sessions\"", dump);
        Assert.Contains("\"MultilineText ", dump);
        Assert.Contains("\"Text participant-name\"", dump);
        Assert.Contains("\"Date participant_date\"", dump);
    }

    [Fact]
    public void Output_is_byte_identical_for_the_same_input()
    {
        var brand = PdfSamples.Brand();
        Assert.Equal(PdfWriter.Write(PdfSamples.Handout(), brand, PdfKind.Handout), PdfWriter.Write(PdfSamples.Handout(), brand, PdfKind.Handout));
        Assert.Equal(PdfWriter.Slides(PdfSamples.Deck(), brand), PdfWriter.Slides(PdfSamples.Deck(), brand));
        Assert.Equal(PdfWriter.NotesHandout(PdfSamples.Deck(), brand), PdfWriter.NotesHandout(PdfSamples.Deck(), brand));
    }

    [Fact]
    public void Letter_paper_and_no_logo_work()
    {
        var brand = PdfSamples.Brand(logo: false, paper: PaperSize.Letter);
        var dump = PdfWriter.Dump(PdfSamples.Handout(), brand, PdfKind.Handout);
        Assert.StartsWith("page 1 0.0 0.0 612.0 792.0", dump);
        Assert.DoesNotContain("640x200", dump);
        var slides = PdfWriter.Dump(PdfWriter.BuildSlides(PdfSamples.Deck(), brand));
        Assert.Contains("\"NDFT\"", slides);
    }

    // ---- External checks (skipped individually when a tool is missing) -------------------------------------

    public static TheoryData<string> Kinds => new() { "handout", "guide", "form", "slides", "notes", "speaker" };

    static byte[] Render(string kind)
    {
        var brand = PdfSamples.Brand();
        return kind switch
        {
            "handout" => PdfWriter.Write(PdfSamples.Handout(), brand, PdfKind.Handout),
            "guide" => PdfWriter.Write(PdfSamples.Guide(), brand, PdfKind.Guide),
            "form" => PdfWriter.Write(PdfSamples.Contract(), brand, PdfKind.Form),
            "slides" => PdfWriter.Slides(PdfSamples.Deck(), brand),
            "notes" => PdfWriter.NotesHandout(PdfSamples.Deck(), brand),
            _ => PdfWriter.SpeakerNotes(PdfSamples.Deck(), brand),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Pdf_passes_external_tools(string kind)
    {
        var bytes = Render(kind);
        var path = Path.Combine(Path.GetTempPath(), $"qcdp-pdf-test-{kind}-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(path, bytes);
        var samples = Environment.GetEnvironmentVariable("QCDP_PDF_SAMPLES");
        if (!string.IsNullOrEmpty(samples)) { Directory.CreateDirectory(samples); File.Copy(path, Path.Combine(samples, kind + ".pdf"), true); }
        try
        {
            if (Tool("qpdf", "--check", path) is { } check) Assert.True(check.Code == 0, check.Output);
            if (Tool("pdfinfo", path) is { } info)
            {
                Assert.Matches(@"Tagged:\s+yes", info.Output);
                Assert.Matches(kind == "slides" ? @"Page size:\s+960 x 540 pts" : @"Page size:\s+595\.2\d* x 841\.8\d* pts", info.Output);
                if (kind == "form") Assert.Matches(@"Form:\s+AcroForm", info.Output);
                Assert.Matches(@"Title:\s+\S", info.Output);
                Assert.Contains("Northfield & District NHS Foundation Trust", info.Output);
            }
            if (Tool("pdffonts", path) is { } fonts)
            {
                var rows = fonts.Output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
                Assert.NotEmpty(rows);
                Assert.All(rows, r => Assert.Matches(@"\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", r));
            }
            if (Tool("pdftotext", "-layout", path, "-") is { } text)
            {
                string[] expected = kind switch
                {
                    "handout" => ["Planning a PDSA cycle", "Your aim", "Before you start", "Agree the aim", "Activity: predictions", "Plan your test", "Action", "Your name", "Page 2 of"],
                    "guide" => ["Delivering the programme", "Contents", "Before you start", "Run sheet", "Before you start", "Flip charts", "Run sheet item 1", "Run sheet item 34", "After the session"],
                    "form" => ["Coaching agreement", "Full name", "Start date", "I will attend all six sessions", "Participant", "Printed name", "Signature", "Coach"],
                    "slides" => ["Improvement basics", "The model for improvement", "Three questions", "What are we trying", "Measures", "Before", "After", "The PDSA cycle", "Run chart rules", "Shift", "Point 14"],
                    "notes" => ["Improvement basics", "Slide 1", "Slide 2", "Slide 3", "Page 1 of 3", "Slide 4", "Page 2 of 3", "Slide 7", "Slide 8", "Page 3 of 3"],
                    _ => ["Slide 1: Improvement basics", "Welcome everyone", "Slide 3: Three questions", "Ask the group", "Allow two minutes", "Slide 6: The PDSA cycle", "Walk through"],
                };
                int at = 0;
                foreach (var s in expected)
                {
                    int i = text.Output.IndexOf(s, at, StringComparison.Ordinal);
                    Assert.True(i >= 0, $"'{s}' not found after position {at} in:\n{text.Output}");
                    at = i + s.Length;
                }
            }
        }
        finally { File.Delete(path); }
    }

    static string[] Pages(string dump) =>
        Regex.Split(dump, @"^page \d+ ", RegexOptions.Multiline).Skip(1).ToArray();

    static (int Code, string Output)? Tool(string name, params string[] args) => ExternalTool.Run(name, args);
}
