using QcdpBuilder.Diagnostics;
using QcdpBuilder.Pipeline;
using QcdpBuilder.Docx;
using QcdpBuilder.PdfOutput;

namespace QcdpBuilder.Evaluation;

/// <summary>What <c>qcdp report</c> does: which data, for which organisation, written where.</summary>
public sealed record ReportOptions(string Root, string Data)
{
    /// <summary>An organisation slug or profile path (as <c>--org</c>); null for the default organisation.</summary>
    public string? Org { get; init; }
    /// <summary>Defaults to the folder holding the data (the workbook's folder, or the CSV folder itself).</summary>
    public string? OutputDir { get; init; }
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
        // The same content session as a build: the organisation, its brand and the evaluation, loaded and checked alike.
        var session = ContentSession.Open(options.Root, options.Org, d);
        session?.Finish();
        if (session is null || d.HasErrors) return new ReportResult(d, []);
        var (org, programme, evaluation, brand) = (session.Organisation, session.Programme, session.Evaluation, session.Brand);

        var data = Path.GetFullPath(options.Data);
        var series = MeasureDataReader.Read(data, evaluation, d);
        if (d.HasErrors) return new ReportResult(d, []);

        var doc = EvaluationReport.Build(series, evaluation, org.Name, programme.Title, Path.GetFileName(data.TrimEnd(Path.DirectorySeparatorChar)));
        var outDir = options.OutputDir ?? (Directory.Exists(data) ? data : Path.GetDirectoryName(data)!);
        Directory.CreateDirectory(outDir);
        var docx = Path.Combine(outDir, "evaluation-report.docx");
        var pdf = Path.Combine(outDir, "evaluation-report.pdf");
        File.WriteAllBytes(docx, DocxWriter.Write(doc, brand, new DocxOptions(DocxKind.Handout) { ReferenceDocxPath = org.ReferenceDocument }));
        File.WriteAllBytes(pdf, PdfWriter.Write(doc, brand, PdfKind.Handout));
        return new ReportResult(d, [docx, pdf]);
    }
}
