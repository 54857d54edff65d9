using QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.Pdf.Tests;

/// <summary>Writes the sample PDFs and, where the poppler/qpdf tools are installed, checks them externally.</summary>
public class SampleOutputTests
{
    private static string Write(PdfDocument doc, string name)
    {
        var path = Path.Combine(TestSupport.OutDir, name);
        doc.Save(path);
        return path;
    }

    private static void CheckCommon(string path, string pageSizeText, params string[] expectedText)
    {
        var q = TestSupport.Run("qpdf", "--check", path);
        if (q != null) Assert.True(q.Value.Exit == 0, q.Value.Output);
        var info = TestSupport.Run("pdfinfo", path);
        if (info != null)
        {
            Assert.Contains("Tagged:          yes", info.Value.Output);
            Assert.Contains(pageSizeText, info.Value.Output);
        }
        var fonts = TestSupport.Run("pdffonts", path);
        if (fonts != null)
        {
            var rows = fonts.Value.Output.Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Matches(@"\s+yes\s+yes\s+yes\s+", r)); // emb sub uni
        }
        var text = TestSupport.Run("pdftotext", "-layout", path, "-");
        if (text != null)
            foreach (var t in expectedText) Assert.Contains(t, text.Value.Output);
    }

    [Fact]
    public void Guide_passes_external_checks()
    {
        var path = Write(Samples.Guide(), "guide.pdf");
        CheckCommon(path, "595.28 x 841.89 pts", "Quality Coaching", "Activity 40", "Page 1 of", "How useful was the session", "\u201cCoaching\u201d");
        var info = TestSupport.Run("pdfinfo", path);
        if (info != null) Assert.Contains("Form:            AcroForm", info.Value.Output);
        // Reading order: introduction text precedes the session plan table.
        var text = TestSupport.Run("pdftotext", path, "-");
        if (text != null)
        {
            var s = text.Value.Output;
            Assert.True(s.IndexOf("What you will need", StringComparison.Ordinal) < s.IndexOf("Activity 1:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Slides_have_slide_page_size()
    {
        var path = Write(Samples.Slides(), "slides.pdf");
        CheckCommon(path, "960 x 540 pts", "Welcome to Quality Coaching", "Point number 12");
    }

    [Fact]
    public void Notes_handout_puts_three_slides_per_page()
    {
        var doc = Samples.NotesHandout();
        var rec = new RecordingCanvas();
        doc.Render(rec);
        Assert.Equal(2, rec.Pages.Count);
        Assert.Equal(3, rec.Pages[0].Items.Count(i => i.Kind == "text" && i.Text!.StartsWith("Slide ")));
        var path = Write(doc, "notes-handout.pdf");
        CheckCommon(path, "595.28 x 841.89 pts", "Slide 5: coaching skills", "Questioning");
    }

    [Fact]
    public void Output_is_byte_identical_for_same_input()
    {
        var a = Samples.Guide().ToPdfBytes();
        var b = Samples.Guide().ToPdfBytes();
        Assert.Equal(a, b);
        var doc = Samples.Guide();
        Assert.Equal(doc.ToPdfBytes(), doc.ToPdfBytes()); // rendering twice from one model is also stable
    }
}
