using QcdpBuilder.Documents;

namespace QcdpBuilder.Tests.Model;

public class ColumnWidthsTests
{
    static Table Make(params string[][] rows) => new(
        [new TableRow(rows[0].Select(c => (IReadOnlyList<Inline>)Inlines.Plain(c)).ToList())],
        rows.Skip(1).Select(r => new TableRow(r.Select(c => (IReadOnlyList<Inline>)Inlines.Plain(c)).ToList())).ToList(),
        rows[0].Select(_ => Align.Left).ToList());

    [Fact]
    public void Short_tables_are_shared_by_text_length()
    {
        var f = ColumnWidths.Fractions(Make(["A", "Bbbbbbbbbb"], ["1", "2"]));
        Assert.Equal(1.0, f.Sum(), 6);
        Assert.True(f[1] > f[0] * 1.5);
    }

    [Fact]
    public void A_narrow_column_keeps_room_for_its_longest_word_when_text_is_long()
    {
        var longText = string.Join(" ", Enumerable.Repeat("words that wrap", 20));
        var f = ColumnWidths.Fractions(Make(["Minutes", "Method", "Output"], ["30", "presentation", longText]));
        // 95 characters across the page: "presentation" (12) plus padding needs at least ~16 of them.
        Assert.True(f[1] * 95 >= 12 * 1.1 + 3 - 0.01, $"method column {f[1] * 95:F1} chars");
        Assert.True(f[0] * 95 >= 7 * 1.25 + 3 - 0.01, $"minutes column {f[0] * 95:F1} chars");
        Assert.True(f[2] > 0.6);
    }
}
