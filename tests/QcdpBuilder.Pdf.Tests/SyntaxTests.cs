using System.Globalization;
using QcdpBuilder.Pdf.Writer;

namespace QcdpBuilder.Pdf.Tests;

/// <summary>PDF number and name syntax: the fast formatting must give exactly what the general one gives.</summary>
public class SyntaxTests
{
    static string Reference(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) v = 0;
        var s = Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0001, "0")]
    [InlineData(12.0, "12")]
    [InlineData(-3.5, "-3.5")]
    [InlineData(0.1234, "0.123")]
    [InlineData(0.0005, "0")]
    [InlineData(0.0015, "0.002")]
    [InlineData(841.89, "841.89")]
    [InlineData(-0.05, "-0.05")]
    [InlineData(2.0004, "2")]
    [InlineData(double.NaN, "0")]
    [InlineData(1e12, "1000000000000")]
    public void Numbers_have_at_most_three_decimals_and_no_negative_zero(double v, string expected) => Assert.Equal(expected, PdfSyntax.Num(v));

    [Fact]
    public void Numbers_format_as_the_general_format_does_over_a_million_values()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 1_000_000; i++)
        {
            var v = i % 4 switch
            {
                0 => (random.NextDouble() - 0.5) * 2000,
                1 => Math.Round((random.NextDouble() - 0.5) * 2000, 4),
                2 => random.Next(-100000, 100000) / 1000.0 + (random.Next(3) - 1) * 0.0005,
                _ => (random.NextDouble() - 0.5) * 2e9,
            };
            Assert.Equal(Reference(v), PdfSyntax.Num(v));
        }
    }

    [Fact]
    public void Names_escape_delimiters_and_are_the_same_from_the_cache()
    {
        Assert.Equal("/Span", PdfSyntax.Name("Span"));
        Assert.Equal("/A#20B#2F#28x#29", PdfSyntax.Name("A B/(x)"));
        Assert.Equal("/A#20B#2F#28x#29", PdfSyntax.Name("A B/(x)"));
        Assert.Equal("/#C3#A9", PdfSyntax.Name("é"));
    }
}
