using QcdpBuilder.Reports;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Evaluation;

/// <summary>The workbook round trip: generated, filled in as a lead would, read back by <c>qcdp report</c>.</summary>
public sealed class ReportTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "qcdp-report-" + Guid.NewGuid().ToString("N")[..8]);
    public ReportTests() => Directory.CreateDirectory(dir);
    /// <summary>Where the reports go: a folder of their own beside the data (qcdp never writes among the user's files).</summary>
    string Out => Path.Combine(dir, "report");
    public void Dispose() { try { Directory.Delete(dir, true); } catch (IOException) { } }

    /// <summary>13 quarters of active coaches out of 40: six below the median, one on it, six above; the rise from 21 to 31 is also a trend of six.</summary>
    internal static readonly int[] Active = [22, 24, 23, 25, 21, 24, 28, 29, 30, 31, 29, 32, 30];

    internal static string FilledWorkbook(string dir)
    {
        var (e, brand) = WorkbookTests.Bundled();
        var path = Path.Combine(dir, "measures-workbook.xlsx");
        File.WriteAllBytes(path, MeasuresWorkbook.Write(e, brand));
        WorkbookFiller.Rows(path, "1 Active coaches", Active.Select((n, i) => ($"{2024 + i / 4} Q{i % 4 + 1}", (object)n, (object)40, i == 6 ? "Supervision groups started" : null)));
        WorkbookFiller.Rows(path, "3 Confidence", [("Cohort 1 after W3", 31.5, 14, null), ("Cohort 2 after W3", 28.0, 12, null), ("Cohort 3 after W3", 36.4, 15, null)]);
        return path;
    }

    [Fact]
    public void Report_reads_the_filled_workbook_and_states_the_signals()
    {
        var path = FilledWorkbook(dir);
        var result = ReportRunner.Run(new ReportOptions(RepoPaths.Root, path) { OutputDir = Out });
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Sorted()));
        Assert.Equal(["evaluation-report.docx", "evaluation-report.pdf"], result.Files.Select(Path.GetFileName));
        OpenXmlAssert.Valid(File.ReadAllBytes(Path.Combine(Out, "evaluation-report.docx")), "docx");

        var (e, _) = WorkbookTests.Bundled();
        var series = MeasureDataReader.Read(path, e, new DiagnosticBag());
        var active = series.Single(s => s.Measure.Id == "active-coaches");
        Assert.Equal(13, active.Points.Count);
        Assert.Equal("2024 Q1", active.Points[0].Period);
        Assert.Equal("Supervision groups started", active.Points[6].Annotation);
        var reading = EvaluationReport.Reading(active.Measure, active, RunChart.Analyse(active.Points.Select(p => p.Value).ToList()));
        Assert.Contains("Median 70%", reading);
        Assert.Contains("A shift of 6 points below the median from 2024 Q1 to 2025 Q2 is a non-random signal: the measure ran lower than usual then, which for this measure is worse.", reading);
        Assert.Contains("A shift of 6 points above the median from 2025 Q4 to 2027 Q1 suggests a real improvement", reading);
        Assert.Contains("A trend of 6 points going up from 2025 Q1 to 2026 Q2 is a non-random signal of a change for the better", reading);
        Assert.Contains("There are 2 runs, fewer than the 4", reading);

        var confidence = series.Single(s => s.Measure.Id == "confidence");
        Assert.Contains("A run chart needs more data", EvaluationReport.Reading(confidence.Measure, confidence, RunChart.Analyse(confidence.Points.Select(p => p.Value).ToList())));

        if (ExternalTool.Run("qpdf", "--check", Path.Combine(Out, "evaluation-report.pdf")) is { } qpdf) Assert.True(qpdf.Code == 0, qpdf.Output);
        if (ExternalTool.Run("pdftotext", Path.Combine(Out, "evaluation-report.pdf"), "-") is { } text)
        {
            Assert.Contains("Shift: 6 points above the median", text.Output);
            Assert.Contains("Too few runs (2)", text.Output);
            Assert.Contains("Measures with no data yet", text.Output);
        }
        if (Environment.GetEnvironmentVariable("QCDP_EVAL_LOOK") is { Length: > 0 } look)
            foreach (var f in Directory.GetFiles(dir)) File.Copy(f, Path.Combine(look, Path.GetFileName(f)), true);
    }

    [Fact]
    public void Bad_and_missing_cells_are_reported_by_sheet_row_and_column_and_nothing_is_written()
    {
        var path = FilledWorkbook(dir);
        WorkbookFiller.Set(path, "1 Active coaches", new Dictionary<string, object> { ["B15"] = "twenty", ["C16"] = 0, ["A17"] = "", ["C18"] = "" });
        WorkbookFiller.Set(path, "7 Data use", new Dictionary<string, object> { ["A13"] = "Jan 2027", ["B13"] = 12, ["C13"] = 10 });
        var result = ReportRunner.Run(new ReportOptions(RepoPaths.Root, path) { OutputDir = Out });
        var lines = result.Diagnostics.Sorted().Select(d => d.Headline).ToList();
        Assert.Contains("measures-workbook.xlsx[1 Active coaches]!B15: error QCDP861: numerator is not a number ('twenty')", lines);
        Assert.Contains("measures-workbook.xlsx[1 Active coaches]!C16: error QCDP861: denominator is zero, so the value cannot be calculated", lines);
        Assert.Contains("measures-workbook.xlsx[1 Active coaches]!A17: error QCDP861: period is missing", lines);
        Assert.Contains("measures-workbook.xlsx[1 Active coaches]!C18: error QCDP861: denominator is missing", lines);
        Assert.Contains("measures-workbook.xlsx[7 Data use]!B13: error QCDP861: numerator (12) is greater than the denominator (10)", lines);
        Assert.Equal(5, result.Diagnostics.ErrorCount);
        Assert.Empty(result.Files);
        Assert.False(File.Exists(Path.Combine(Out, "evaluation-report.pdf")));
    }

    [Fact]
    public void Qcdp_report_names_bad_cells_and_exits_1_then_writes_the_report_once_they_are_fixed()
    {
        var path = FilledWorkbook(dir);
        WorkbookFiller.Set(path, "1 Active coaches", new Dictionary<string, object> { ["C14"] = "forty" });
        var (code, _, err) = Qcdp(dir, "report", "--root", RepoPaths.Root, "--data", "measures-workbook.xlsx", "--out", "report");
        Assert.Equal(1, code);
        Assert.Contains("measures-workbook.xlsx[1 Active coaches]!C14: error QCDP861: denominator is not a number ('forty')", err);
        Assert.False(File.Exists(Path.Combine(Out, "evaluation-report.pdf")));

        WorkbookFiller.Set(path, "1 Active coaches", new Dictionary<string, object> { ["C14"] = 40 });
        var (ok, output, _) = Qcdp(dir, "report", "--root", RepoPaths.Root, "--data", "measures-workbook.xlsx", "--out", "report", "--org", "three-rivers");
        Assert.Equal(0, ok);
        Assert.Contains("evaluation-report.pdf", output);
        Assert.True(File.Exists(Path.Combine(Out, "evaluation-report.docx")));
    }

    static (int Code, string Out, string Err) Qcdp(string workingDir, params string[] args) => Support.Qcdp.Run(workingDir, args);

    [Fact]
    public void Csv_folder_gives_the_same_reading_and_positions_its_errors()
    {
        var csv = Path.Combine(dir, "data");
        Directory.CreateDirectory(csv);
        File.WriteAllText(Path.Combine(csv, "active-coaches.csv"), "period,numerator,denominator,annotation\n" +
            string.Join("\n", Active.Select((n, i) => $"{2024 + i / 4} Q{i % 4 + 1},{n},40,\"note, with comma\"")) + "\n");
        var (e, _) = WorkbookTests.Bundled();
        var d = new DiagnosticBag();
        var series = MeasureDataReader.Read(csv, e, d);
        Assert.False(d.HasErrors);
        var active = series.Single(s => s.Measure.Id == "active-coaches");
        Assert.Equal(Active.Select(n => n / 40.0), active.Points.Select(p => p.Value));
        Assert.Equal("note, with comma", active.Points[0].Annotation);

        File.WriteAllText(Path.Combine(csv, "data-use.csv"), "period,numerator,denominator\nJan 2027,5,x\n");
        d = new DiagnosticBag();
        MeasureDataReader.Read(csv, e, d);
        Assert.Contains(d.Items, x => x.Location == "data-use.csv:2:3" && x.Message == "denominator is not a number ('x')");
    }
}
