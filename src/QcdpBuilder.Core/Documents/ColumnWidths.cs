namespace QcdpBuilder.Documents;

/// <summary>
/// Shares a table's width among its columns, the way a typesetter would: every column gets
/// at least its longest word (so "presentation" never breaks mid-word), then the rest goes
/// to the columns with the most text. Used by every writer so tables look alike in DOCX and PDF.
/// </summary>
public static class ColumnWidths
{
    /// <summary>About how many characters of table text fit across a full page width.</summary>
    const double LineChars = 95;

    public static double[] Fractions(Table t)
    {
        var n = Math.Max(1, Math.Max(t.ColumnCount, t.Header.Concat(t.Body).Select(r => r.Cells.Count).DefaultIfEmpty(0).Max()));
        var min = new double[n];
        var want = new double[n];
        foreach (var (row, header) in t.Header.Select(r => (r, true)).Concat(t.Body.Select(r => (r, false))))
            for (var c = 0; c < row.Cells.Count && c < n; c++)
            {
                var text = Inlines.PlainText(row.Cells[c]);
                var word = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length).DefaultIfEmpty(0).Max();
                // Headers are bold, so their letters are wider; the constant covers the cell padding.
                min[c] = Math.Max(min[c], word * (header ? 1.25 : 1.1) + 3);
                want[c] = Math.Max(want[c], text.Length + 2);
            }
        for (var c = 0; c < n; c++) { min[c] = Math.Max(min[c], 4); want[c] = Math.Max(want[c], min[c]); }

        double[] widths;
        if (want.Sum() <= LineChars) widths = want;
        else if (min.Sum() >= LineChars) widths = min;
        else
        {
            var spare = LineChars - min.Sum();
            var extra = want.Zip(min, (w, m) => w - m).ToArray();
            var extraSum = extra.Sum();
            widths = min.Select((m, c) => m + (extraSum > 0 ? spare * extra[c] / extraSum : spare / n)).ToArray();
        }
        var total = widths.Sum();
        return widths.Select(w => w / total).ToArray();
    }
}
