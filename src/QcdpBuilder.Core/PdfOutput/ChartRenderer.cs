using System.Globalization;
using QcdpBuilder.Pdf;
using QcdpBuilder.Pdf.Fonts;
using QcdpBuilder.Pdf.Tagging;
using M = QcdpBuilder.Documents;
using P = QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.PdfOutput;

/// <summary>
/// Draws a <see cref="M.ChartBlock"/> (a run chart) as vector graphics on the engine's canvas: gridlines and
/// axis labels, shaded and labelled signal stretches, the dashed median, and the series as a line with
/// markers (points in a signal in the accent colour). Tagged as one /Figure with the chart's alt text.
/// </summary>
internal sealed class ChartRenderer : P.PdfBlock
{
    const double PlotHeight = 165, Left = 44, Right = 46, TitleBand = 16, RowHeight = 11, Bottom = 40;
    readonly M.ChartBlock _chart;
    readonly PdfTheme _theme;
    StructTag? _tag;

    public ChartRenderer(M.ChartBlock chart, PdfTheme theme) { _chart = chart; _theme = theme; SpaceBefore = 6; SpaceAfter = 10; }

    /// <summary>Above the plot: the title, then a row per whole-chart note and per signal (its label over a bracket).</summary>
    double Top => TitleBand + RowHeight * (_chart.Notes.Count + _chart.Highlights.Count) + 4;
    double Height => Top + PlotHeight + Bottom;

    public override P.LayoutResult Layout(P.LayoutContext context, double width, double height, bool topOfPage)
    {
        if (height < Height && !topOfPage) return P.LayoutResult.Nothing(this);
        _tag ??= new StructTag(StructRoles.Figure) { Alt = _chart.Alt };
        var fonts = context.Fonts;
        return P.LayoutResult.Complete(new P.DelegateFragment(Height, (c, x, y) =>
        {
            c.BeginTag(_tag);
            Draw(c, fonts, x, y, width);
            c.EndTag();
        }));
    }

    void Draw(ICanvas c, FontSet fonts, double x, double y, double width)
    {
        var ch = _chart;
        var n = ch.Values.Count;
        double px = x + Left, py = y + Top, pw = width - Left - Right, ph = PlotHeight;
        var grey = Color.FromHex("#8A8A8A");
        var slate = Color.FromHex("#5C6770");
        var text = _theme.Text;
        Text(c, fonts.Bold, ch.Title, 9.5, x, y + 10, text);

        var (lo, hi, step) = Scale(ch);
        double Y(double v) => py + ph - (v - lo) / (hi - lo) * ph;
        double slot = n == 0 ? pw : pw / n;
        double X(int i) => px + (i + 0.5) * slot;
        bool InSignal(int i) => ch.Highlights.Any(h => i >= h.First && i <= h.Last);

        // Whole-chart signals (the runs rule), one row each under the title.
        var row = y + TitleBand + 8;
        foreach (var note in ch.Notes)
        {
            Text(c, fonts.Bold, note, 7.5, px, row, _theme.Secondary);
            row += RowHeight;
        }

        // Each signal: its label over a bracket spanning its points, with the stretch lightly shaded in the plot.
        foreach (var h in ch.Highlights)
        {
            double x0 = X(h.First) - slot * 0.4, x1 = X(h.Last) + slot * 0.4;
            c.DrawRect(new Rect(x0, py, x1 - x0, ph), _theme.Accent.Tint(0.12));
            var label = TextShaper.Shape(fonts.Bold, h.Label, 7.5);
            var lx = Math.Clamp(x0, px, Math.Max(px, px + pw - label.Width));
            c.DrawText(label, lx, row, _theme.Secondary);
            c.DrawLine(x0, row + 3, x1, row + 3, 0.8, _theme.Secondary);
            c.DrawLine(x0, row + 3, x0, row + 6, 0.8, _theme.Secondary);
            c.DrawLine(x1, row + 3, x1, row + 6, 0.8, _theme.Secondary);
            row += RowHeight;
        }

        // Gridlines and value labels.
        for (var v = lo; v <= hi + step / 1000; v += step)
        {
            c.DrawLine(px, Y(v), px + pw, Y(v), 0.4, Color.LightGrey);
            var label = TextShaper.Shape(fonts.Regular, Format(v, ch.Percent, step), 7);
            c.DrawText(label, px - 4 - label.Width, Y(v) + 2.5, grey);
        }
        c.DrawLine(px, py + ph, px + pw, py + ph, 0.8, grey);
        c.DrawLine(px, py, px, py + ph, 0.8, grey);

        // Period labels: as many as fit side by side, evenly spaced.
        if (n > 0)
        {
            var shaped = ch.Labels.Select(l => TextShaper.Shape(fonts.Regular, l, 6.5)).ToList();
            var every = Math.Max(1, (int)Math.Ceiling((shaped.Max(s => s.Width) + 4) / slot));
            for (var i = 0; i < n; i += every)
            {
                c.DrawLine(X(i), py + ph, X(i), py + ph + 3, 0.6, grey);
                c.DrawText(shaped[i], X(i) - shaped[i].Width / 2, py + ph + 11, grey);
            }
        }

        // The median, labelled in the right margin so it never sits on a point.
        if (ch.Centre is { } median)
        {
            c.DrawLine(px, Y(median), px + pw, Y(median), 1, slate, dash: 4);
            Text(c, fonts.Regular, ch.CentreName, 7, px + pw + 4, Y(median) - 1, slate);
            Text(c, fonts.Bold, Format(median, ch.Percent, step / 10), 7.5, px + pw + 4, Y(median) + 8, slate);
        }

        // The series: a line through every point, then markers (points in a signal in the accent colour).
        for (var i = 1; i < n; i++) c.DrawLine(X(i - 1), Y(ch.Values[i - 1]), X(i), Y(ch.Values[i]), 1.4, _theme.Primary);
        for (var i = 0; i < n; i++)
        {
            var signal = InSignal(i);
            var r = signal ? 3.2 : 2.4;
            c.DrawEllipse(new Rect(X(i) - r, Y(ch.Values[i]) - r, 2 * r, 2 * r), signal ? _theme.Accent : _theme.Primary, signal ? _theme.Secondary : null, signal ? 0.7 : 0);
        }

        // Legend under the period labels.
        var ly = y + Height - 6;
        c.DrawLine(px, ly - 2.5, px + 14, ly - 2.5, 1.4, _theme.Primary);
        c.DrawEllipse(new Rect(px + 4.6, ly - 4.9, 4.8, 4.8), _theme.Primary);
        var l1 = TextShaper.Shape(fonts.Regular, ch.ValueName, 7);
        c.DrawText(l1, px + 18, ly, text);
        var lx2 = px + 18 + l1.Width + 14;
        c.DrawLine(lx2, ly - 2.5, lx2 + 14, ly - 2.5, 1, slate, dash: 4);
        var l2 = TextShaper.Shape(fonts.Regular, ch.CentreName, 7);
        c.DrawText(l2, lx2 + 18, ly, text);
        if (ch.Highlights.Count > 0)
        {
            var lx3 = lx2 + 18 + l2.Width + 14;
            c.DrawEllipse(new Rect(lx3 + 4, ly - 5.7, 6.4, 6.4), _theme.Accent, _theme.Secondary, 0.7);
            c.DrawText(TextShaper.Shape(fonts.Regular, "Point in a signal", 7), lx3 + 16, ly, text);
        }
    }

    static void Text(ICanvas c, TrueTypeFont font, string s, double size, double x, double baseline, Color colour) =>
        c.DrawText(TextShaper.Shape(font, s, size), x, baseline, colour);

    /// <summary>The value axis: 0–100% for percentages; otherwise a round range around the data and the median.</summary>
    static (double Lo, double Hi, double Step) Scale(M.ChartBlock ch)
    {
        if (ch.Percent) return (0, 1, 0.2);
        var all = ch.Values.Concat(ch.Centre is { } m ? [m] : []).DefaultIfEmpty(0).ToList();
        double min = all.Min(), max = all.Max();
        if (max - min < 1e-9) { min -= 1; max += 1; }
        var step = Nice((max - min) / 5);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    static double Nice(double raw)
    {
        var exp = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var f = raw / exp;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * exp;
    }

    static string Format(double v, bool percent, double step)
    {
        if (percent) return (v * 100).ToString(step >= 0.01 ? "0" : "0.#", CultureInfo.InvariantCulture) + "%";
        return v.ToString(step >= 1 ? "0" : step >= 0.1 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
    }
}
