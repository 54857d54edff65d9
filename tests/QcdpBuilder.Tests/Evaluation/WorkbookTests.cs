using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Evaluation;

/// <summary>The measures workbook: valid SpreadsheetML, deterministic, with the formulas and chart the lead relies on.</summary>
public class WorkbookTests
{
    internal static (EvaluationDefinition Definition, Branding.Brand Brand) Bundled()
    {
        var d = new DiagnosticBag();
        var e = EvaluationLoader.Load(RepoPaths.Root, d);
        var loader = new Content.ContentLoader(RepoPaths.Root, d);
        var p = loader.LoadProgramme()!;
        var org = loader.LoadOrganisation(Path.Combine(RepoPaths.Root, "content", "organisation.yaml"))!;
        Assert.False(d.HasErrors, string.Join("\n", d.Sorted()));
        return (e, PackageBuilder.MakeBrand(RepoPaths.Root, org, p));
    }

    [Fact]
    public void Measures_workbook_passes_the_validator_and_is_deterministic()
    {
        var (e, brand) = Bundled();
        var bytes = MeasuresWorkbook.Write(e, brand);
        OpenXmlAssert.Valid(bytes, "xlsx");
        Assert.Equal(bytes, MeasuresWorkbook.Write(e, brand));
    }
}
