using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Organisations;
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
        var root = Path.GetFullPath(options.Root);
        var d = new DiagnosticBag();
        var content = OrganisationContent.Load(root, options.Org, d);
        var evaluation = EvaluationLoader.Load(root, d);
        if (content is null || d.HasErrors) return new ReportResult(d, []);
        var (org, programme) = (content.Organisation, content.Programme);

        var data = Path.GetFullPath(options.Data);
        var series = MeasureDataReader.Read(data, evaluation, d);
        if (d.HasErrors) return new ReportResult(d, []);

        var brand = PackageBuilder.MakeBrand(root, org, programme);
        var doc = EvaluationReport.Build(series, evaluation, org.Name, programme.Title, Path.GetFileName(data.TrimEnd(Path.DirectorySeparatorChar)));
        var outDir = options.OutputDir ?? (Directory.Exists(data) ? data : Path.GetDirectoryName(data)!);
        var docx = Path.Combine(outDir, "evaluation-report.docx");
        var pdf = Path.Combine(outDir, "evaluation-report.pdf");
        try
        {
            var docxBytes = DocxWriter.Write(doc, brand, new DocxOptions(DocxKind.Handout) { ReferenceDocxPath = org.ReferenceDocument });
            var pdfBytes = PdfWriter.Write(doc, brand, PdfKind.Handout);
            Directory.CreateDirectory(outDir);
            File.WriteAllBytes(docx, docxBytes);
            File.WriteAllBytes(pdf, pdfBytes);
        }
        // A full disk, a read-only folder or an --out that is a file: one error naming where, never a crash.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            d.Report(Rules.WriteFailed, SourceSpan.StartOf(Path.GetRelativePath(root, outDir).Replace('\\', '/')), $"could not write the report into {outDir}: {e.Message}",
                "check that the folder can be written and the disk has space, or pass --out <folder>");
            return new ReportResult(d, []);
        }
        return new ReportResult(d, [docx, pdf]);
    }
}
