using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace QcdpBuilder.Tests.Evaluation;

/// <summary>Types data into a generated workbook as a programme lead would (through the Open XML SDK): numbers as numbers, text as strings.</summary>
public static class WorkbookFiller
{
    public static void Set(string path, string sheetName, IReadOnlyDictionary<string, object> cells)
    {
        using var doc = SpreadsheetDocument.Open(path, true);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var ws = ((WorksheetPart)wb.GetPartById(sheet.Id!)).Worksheet;
        var data = ws.GetFirstChild<SheetData>()!;
        foreach (var (reference, value) in cells)
        {
            var row = uint.Parse(new string(reference.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
            var r = data.Elements<Row>().FirstOrDefault(x => x.RowIndex!.Value == row);
            if (r is null)
            {
                r = new Row { RowIndex = row };
                var after = data.Elements<Row>().LastOrDefault(x => x.RowIndex!.Value < row);
                if (after is null) data.PrependChild(r); else after.InsertAfterSelf(r);
            }
            var cell = r.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value == reference);
            if (cell is null) { cell = new Cell { CellReference = reference }; r.Append(cell); }
            cell.RemoveAllChildren();
            switch (value)
            {
                case double or int:
                    cell.DataType = null;
                    cell.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(value.ToString()!));
                    break;
            }
        }
        ws.Save();
    }

    /// <summary>Fills rows 13 onwards of a measure sheet: period, numerator, denominator and an optional annotation.</summary>
    public static void Rows(string path, string sheetName, IEnumerable<(string Period, object Numerator, object Denominator, string? Note)> rows)
    {
        var cells = new Dictionary<string, object>();
        var r = 13;
        foreach (var (period, num, den, note) in rows)
        {
            cells[$"A{r}"] = period; cells[$"B{r}"] = num; cells[$"C{r}"] = den;
            if (note is not null) cells[$"F{r}"] = note;
            r++;
        }
        Set(path, sheetName, cells);
    }
}
