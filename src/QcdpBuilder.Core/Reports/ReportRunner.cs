using QcdpBuilder.Content;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Output;
using QcdpBuilder.Pipeline;
using QcdpBuilder.Docx;
using QcdpBuilder.PdfOutput;

namespace QcdpBuilder.Reports;

/// <summary>What <c>qcdp report</c> does: which data, for which organisation, written where.</summary>
public sealed record ReportOptions(string Root, string Data)
{
    /// <summary>An organisation slug or profile path (as <c>--org</c>); null for the default organisation.</summary>
    public string? Org { get; init; }
    /// <summary>Defaults to <c>output/&lt;organisation slug&gt;/report</c>.</summary>
    public string? OutputDir { get; init; }
    /// <summary><c>--force</c>: write into a folder that holds other files (never replacing them).</summary>
    public bool Force { get; init; }
}

/// <summary>The outcome of a report run: every diagnostic and the files written (none when there were errors).</summary>
public sealed record ReportResult(DiagnosticBag Diagnostics, IReadOnlyList<string> Files);

/// <summary>
/// <c>qcdp report</c>: reads completed measures data (workbook or CSV folder), applies the run-chart rules and
/// writes <c>evaluation-report.docx</c> and <c>.pdf</c> in the organisation's brand. Nothing is written when
/// any cell is bad, so a report never silently leaves data out.
/// </summary>
public static class ReportRunner
{
    public static ReportResult Run(ReportOptions options)
    {
        var d = new DiagnosticBag();
        var root = Path.GetFullPath(options.Root);
        // The same content session as a build: the organisation, its brand and the evaluation, loaded and checked alike.
        var session = ContentSession.Open(options.Root, options.Org, d);
        session?.Finish();
        if (session is null || d.HasErrors) return new ReportResult(d, []);
        var (org, programme, evaluation, brand) = (session.Organisation, session.Programme, session.Evaluation, session.Brand);

        var data = Path.GetFullPath(options.Data);
        var series = MeasureDataReader.Read(data, evaluation, d);
        if (d.HasErrors) return new ReportResult(d, []);

        var doc = EvaluationReport.Build(series, evaluation, org.Name, programme.Title, Path.GetFileName(data.TrimEnd(Path.DirectorySeparatorChar)));
        // By default the report goes with the organisation's other output, never among the user's own files.
        var outDir = Path.GetFullPath(options.OutputDir ?? Path.Combine(root, "output", org.Slug, "report"));
        var request = new OutputRequest(root, outDir, OutputPolicy.Display(root, outDir), "report", "qcdp report") { Force = options.Force };
        byte[] docxBytes, pdfBytes;
        try
        {
            docxBytes = DocxWriter.Write(doc, brand, new DocxOptions(DocxKind.Handout) { ReferenceDocxPath = org.ReferenceDocument });
            pdfBytes = PdfWriter.Write(doc, brand, PdfKind.Handout);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            d.Report(Rules.WriteFailed, SourceSpan.StartOf(org.File), $"could not make the report: {e.Message}", "check the organisation's fonts, logo and reference document");
            return new ReportResult(d, []);
        }
        using var folder = OutputFolder.Open(request, d);
        if (folder is null) return new ReportResult(d, []);
        if (!folder.Add([("evaluation-report.docx", docxBytes), ("evaluation-report.pdf", pdfBytes)], "evaluation-report",
                Path.GetFileName(data.TrimEnd(Path.DirectorySeparatorChar)), [("organisation", org.Name)], d))
            return new ReportResult(d, []);
        var docx = Path.Combine(outDir, "evaluation-report.docx");
        var pdf = Path.Combine(outDir, "evaluation-report.pdf");
        return new ReportResult(d, [docx, pdf]);
    }
}
