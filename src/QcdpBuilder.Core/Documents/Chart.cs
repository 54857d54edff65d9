namespace QcdpBuilder.Documents;

/// <summary>
/// A run chart drawn by our own writers (vector graphics in PDF, a DrawingML line chart in DOCX): the values
/// in time order against their labels, a centre line (the median) and highlighted stretches of points
/// (signals) with a label each. <see cref="Alt"/> describes the chart for screen readers.
/// </summary>
public sealed record ChartBlock(string Title, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, double? Centre,
    IReadOnlyList<ChartHighlight> Highlights, string Alt) : Block
{
    /// <summary>Values are fractions shown as percentages on a 0–100% axis.</summary>
    public bool Percent { get; init; }
    public string ValueName { get; init; } = "Value";
    public string CentreName { get; init; } = "Median";
    /// <summary>Signals about the whole chart (too few or too many runs), written on it.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Points <see cref="First"/> to <see cref="Last"/> (0-based, inclusive) form a signal named by <see cref="Label"/>.</summary>
public sealed record ChartHighlight(int First, int Last, string Label);
