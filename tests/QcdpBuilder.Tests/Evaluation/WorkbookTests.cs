using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Evaluation;

/// <summary>The measures workbook: valid SpreadsheetML, deterministic, with the formulas and chart the lead relies on.</summary>
public class WorkbookTests
{
    internal static (EvaluationDefinition Definition, Branding.Brand Brand) Bundled(string slug = "northfield")
    {
        var d = new DiagnosticBag();
        var e = EvaluationLoader.Load(RepoPaths.Root, d);
        var profile = QcdpBuilder.Organisations.OrganisationFolders.ProfilePath(RepoPaths.Root, slug);
        var loader = new Content.ContentLoader(RepoPaths.Root, d, QcdpBuilder.Content.Overlay.ForProfile(RepoPaths.Root, profile));
        var org = loader.LoadOrganisation(profile)!;
        var p = loader.LoadProgramme()!;
        Assert.False(d.HasErrors, string.Join("\n", d.Sorted()));
        return (e, QcdpBuilder.Branding.OrganisationBrand.Make(RepoPaths.Root, org, p));
    }

    [Theory]
    [InlineData("northfield")]
    [InlineData("three-rivers")]
    public void Measures_workbook_passes_the_validator_and_is_deterministic_for_each_example_organisation(string slug)
    {
        var (e, brand) = Bundled(slug);
        var bytes = MeasuresWorkbook.Write(e, brand);
        OpenXmlAssert.Valid(bytes, "xlsx");
        Assert.Equal(bytes, MeasuresWorkbook.Write(e, brand));
        Assert.Equal(bytes, MeasuresWorkbook.Write(e, brand));

        // A sheet per measure plus the summary, register and ratings; each measure sheet has a chart.
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var names = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Summary", .. e.Measures.Select(m => m.SheetName), "Coach register", "Self-assessment"], names);
        Assert.Equal(e.Measures.Count, doc.WorkbookPart.WorksheetParts.Count(w => w.DrawingsPart?.ChartParts.Any() == true));
        Assert.Contains(brand.OrganisationName, Formulas(doc, "Summary", "A1"));
    }

    [Fact]
    public void Measure_sheets_compute_by_formula_and_the_register_feeds_active_coaches()
    {
        var (e, brand) = Bundled();
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(MeasuresWorkbook.Write(e, brand)), false);
        Assert.Equal("IF(AND(ISNUMBER(B13),ISNUMBER(C13)),IF(C13>0,B13/C13,NA()),\"\")", Formulas(doc, "1 Active coaches", "D13"));
        Assert.Equal("IF(ISNUMBER(D13),MEDIAN($D$13:$D$36),\"\")", Formulas(doc, "1 Active coaches", "E13"));
        Assert.Equal("'Coach register'!$J$5", Formulas(doc, "1 Active coaches", "B11"));
        Assert.Equal("COUNTIFS($D$5:$D$204,\"Active\")", Formulas(doc, "Coach register", "J5"));
        Assert.StartsWith("'Self-assessment'!", Formulas(doc, "3 Confidence", "B11"));
        Assert.Contains("AVERAGE(", Formulas(doc, "Self-assessment", "W6"));
        var chart = doc.WorkbookPart!.WorksheetParts.First(w => w.DrawingsPart is not null).DrawingsPart!.ChartParts.First().ChartSpace.OuterXml;
        Assert.Contains("'1 Active coaches'!$G$13:$G$36", chart);
        Assert.Contains("'1 Active coaches'!$H$13:$H$36", chart);
        var validation = doc.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>())
            .Single(v => v.Type?.Value == DocumentFormat.OpenXml.Spreadsheet.DataValidationValues.List);
        Assert.Contains("Active,Not coaching", validation.Formula1!.Text);
    }

    /// <summary>A cell's formula, or its text when it has none.</summary>
    static string Formulas(DocumentFormat.OpenXml.Packaging.SpreadsheetDocument doc, string sheet, string cell)
    {
        var wb = doc.WorkbookPart!;
        var id = wb.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var c = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)wb.GetPartById(id)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single(x => x.CellReference == cell);
        return c.CellFormula?.Text ?? c.InnerText;
    }
}
