using QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.Pdf.Tests;

public class SmokeTests
{
    [Fact]
    public void Simple_document_writes()
    {
        var doc = new PdfDocument(TestSupport.Info(), TestSupport.Family);
        doc.Page.Footer = new RunningBand { Left = "Smoke", Right = "Page {page} of {pages}" };
        doc.Add(new PdfHeading(1, "Hello world"));
        doc.Add(new PdfParagraph("The quick brown fox jumps over the lazy dog. AV Wa To \u201cquotes\u201d \u2013 dash \u2022 bullet \u2713 tick."));
        var path = Path.Combine(TestSupport.OutDir, "smoke.pdf");
        doc.Save(path);
        var q = TestSupport.Run("qpdf", "--check", path);
        Assert.True(q == null || q.Value.Exit == 0, q?.Output);
    }
}
