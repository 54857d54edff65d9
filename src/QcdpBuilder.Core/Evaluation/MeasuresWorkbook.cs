using QcdpBuilder.Branding;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Evaluation.XlsxSheet;

namespace QcdpBuilder.Evaluation;

/// <summary>
/// <c>evaluation/measures-workbook.xlsx</c>: a summary sheet; a sheet per measure with its operational
/// definition, a data-entry table (period, numerator, denominator, the value by formula, the median by
/// formula, annotation) and a native run chart of the value and its median that follows what is typed;
/// a coach register whose COUNTIFS feed the active-coaches measure; and a self-assessment sheet whose
/// averages feed the confidence measure. <see cref="Layout"/> is shared with <see cref="MeasureDataReader"/>.
/// </summary>
public static class MeasuresWorkbook
{
    /// <summary>Where things are on a measure sheet (1-based rows and columns).</summary>
    public static class Layout
    {
        public const int FeedRow = 11, HeaderRow = 12, FirstRow = 13, Rows = 24, LastRow = FirstRow + Rows - 1;
        public const int Period = 1, Numerator = 2, Denominator = 3, Value = 4, Median = 5, Annotation = 6, ChartValue = 7, ChartMedian = 8;
    }

    public const string SummarySheet = "Summary", RegisterSheet = "Coach register", SelfAssessmentSheet = "Self-assessment";
    public static readonly string[] Statuses = ["Active", "Not coaching", "On long-term leave", "Left organisation", "Stepped down"];
    const int RegisterFirst = 5, RegisterLast = 204, SaFirst = 6, SaLast = 65;

    public static byte[] Write(EvaluationDefinition e, Brand brand)
    {
        var book = new XlsxWorkbook();
        Summary(book.Add(SummarySheet), e, brand);
        foreach (var m in e.Measures)
        {
            var sheet = book.Add(m.SheetName);
            MeasureSheet(sheet, m, e);
            book.Chart(sheet, Chart(m, brand), 8, 0, 19, 26);
        }
        Register(book.Add(RegisterSheet));
        SelfAssessment(book.Add(SelfAssessmentSheet), e);
        return book.ToBytes($"Evaluation measures: {brand.OrganisationName}", brand.ProgrammeTitle, brand.BuildDate, brand.Primary.Hex, brand.Tint.Hex);
    }

    static void Summary(XlsxSheet s, EvaluationDefinition e, Brand brand)
    {
        s.Text(1, 1, $"Evaluation measures: {brand.OrganisationName}", XlsxStyle.Title);
        s.Text(2, 1, $"{brand.ProgrammeTitle}. Enter data on each measure's sheet, from the top of its table down without gaps; the run chart beside the table updates as you type. " +
            "Run qcdp report --data <this file> to apply the run-chart rules and write the evaluation report.", XlsxStyle.Wrap);
        s.Merge(2, 1, 11); s.Height(2, 32);
        string[] headers = ["#", "Measure", "Type", "Unit", "Frequency", "Owner", "Points entered", "Latest period", "Latest value", "Median", "Direction of improvement"];
        for (var i = 0; i < headers.Length; i++) s.Text(4, i + 1, headers[i], XlsxStyle.Header);
        var row = 5;
        foreach (var m in e.Measures)
        {
            var q = Quote(m.SheetName);
            var values = $"{q}!${Col(Layout.Value)}${Layout.FirstRow}:${Col(Layout.Value)}${Layout.LastRow}";
            var periods = $"{q}!${Col(Layout.Period)}${Layout.FirstRow}:${Col(Layout.Period)}${Layout.LastRow}";
            s.Number(row, 1, m.Number, XlsxStyle.Cell);
            s.Text(row, 2, m.Title, XlsxStyle.Cell);
            s.Text(row, 3, m.TypeText, XlsxStyle.Cell);
            s.Text(row, 4, m.IsPercent ? "percentage" : "mean", XlsxStyle.Cell);
            s.Text(row, 5, m.Frequency, XlsxStyle.Cell);
            s.Text(row, 6, m.Owner, XlsxStyle.Cell);
            s.Formula(row, 7, $"COUNT({values})", XlsxStyle.Whole);
            s.Formula(row, 8, $"IF(G{row}=0,\"\",INDEX({periods},G{row}))", XlsxStyle.Cell);
            s.Formula(row, 9, $"IF(G{row}=0,\"\",INDEX({values},G{row}))", m.IsPercent ? XlsxStyle.Percent : XlsxStyle.Decimal);
            s.Formula(row, 10, $"IF(G{row}=0,\"\",MEDIAN({values}))", m.IsPercent ? XlsxStyle.Percent : XlsxStyle.Decimal);
            s.Text(row, 11, m.Direction == "up" ? "higher is better" : "lower is better", XlsxStyle.Cell);
            s.Height(row, Math.Max(WrappedHeight(m.Frequency, 28), WrappedHeight(m.Owner, 28)));
            row++;
        }
        row++;
        foreach (var note in new[]
        {
            "Run-chart rules (Perla, Provost and Murray 2011): a shift is six or more consecutive points all above or all below the median (points on the median neither count nor break it); " +
            "a trend is five or more consecutive points all going up or all going down (a repeated value counts once); too few or too many runs are judged against the runs table; " +
            "an astronomical point is a matter of judgement. Apply the rules once a chart has ten or more points.",
            "The median on each chart is the median of all the points entered. When a shift shows a lasting change, a new median can be drawn for the new period (start a new sheet or note it in the annotations).",
        })
        {
            s.Text(row, 1, note, XlsxStyle.Note); s.Merge(row, 1, 11); s.Height(row, 46); row++;
        }
        s.Width(1, 5); s.Width(2, 24); s.Width(3, 11); s.Width(4, 11); s.Width(5, 30); s.Width(6, 30);
        s.Width(7, 9); s.Width(8, 14); s.Width(9, 11); s.Width(10, 11); s.Width(11, 16);
    }

    static void MeasureSheet(XlsxSheet s, Measure m, EvaluationDefinition e)
    {
        s.Text(1, 1, $"{m.Number}. {m.Title}", XlsxStyle.Title);
        (string Label, string Text)[] definition =
        [
            ("Type", $"{m.TypeText} measure; {(m.IsPercent ? "a percentage" : "a mean")}; {(m.Direction == "up" ? "higher is better" : "lower is better")}"),
            ("Definition", m.Definition), ("Numerator", m.Numerator), ("Denominator", m.Denominator), ("Exclusions", m.Exclusions),
            ("Data source", m.Source), ("Frequency", m.Frequency), ("Owner", m.Owner), ("Goal", m.Goal),
        ];
        for (var i = 0; i < definition.Length; i++)
        {
            var row = 2 + i;
            s.Text(row, 1, definition[i].Label, XlsxStyle.Label);
            s.Text(row, 2, definition[i].Text, XlsxStyle.Wrap);
            s.Merge(row, 2, Layout.Annotation);
            s.Height(row, WrappedHeight(definition[i].Text, 98));
        }

        if (m.FromRegister)
        {
            var r = Quote(RegisterSheet);
            s.Text(Layout.FeedRow, 1, "From the register", XlsxStyle.Label);
            s.Formula(Layout.FeedRow, Layout.Numerator, $"{r}!$J$5", XlsxStyle.Whole);
            s.Formula(Layout.FeedRow, Layout.Denominator, $"{r}!$J$6", XlsxStyle.Whole);
            s.Text(Layout.FeedRow, Layout.Value, "Active coaches and graduates still employed, counted on the Coach register sheet: copy them into a new row each quarter.", XlsxStyle.Note);
            s.Merge(Layout.FeedRow, Layout.Value, Layout.Annotation); s.Height(Layout.FeedRow, 30);
        }
        else if (m.FromSelfAssessment)
        {
            var r = Quote(SelfAssessmentSheet);
            s.Text(Layout.FeedRow, 1, "From the ratings", XlsxStyle.Label);
            s.Formula(Layout.FeedRow, Layout.Numerator, $"{r}!$C$3", XlsxStyle.Decimal);
            s.Formula(Layout.FeedRow, Layout.Denominator, $"{r}!$C$2", XlsxStyle.Whole);
            s.Text(Layout.FeedRow, Layout.Value, "Sum of mean changes and participants with paired ratings, from the Self-assessment sheet: copy them into a new row for each cohort and time point.", XlsxStyle.Note);
            s.Merge(Layout.FeedRow, Layout.Value, Layout.Annotation); s.Height(Layout.FeedRow, 30);
        }

        var valueName = m.IsPercent ? "Percentage" : "Mean";
        string[] headers = ["Period", "Numerator", "Denominator", valueName, "Median", "Annotation (changes tested, events)", "Chart value", "Chart median"];
        for (var i = 0; i < headers.Length; i++) s.Text(Layout.HeaderRow, i + 1, headers[i], XlsxStyle.Header);
        s.Height(Layout.HeaderRow, 30);
        var valueStyle = m.IsPercent ? XlsxStyle.Percent : XlsxStyle.Decimal;
        string V(int col) => $"${Col(col)}${Layout.FirstRow}:${Col(col)}${Layout.LastRow}";
        for (var r = Layout.FirstRow; r <= Layout.LastRow; r++)
        {
            string B = Ref(r, Layout.Numerator), C = Ref(r, Layout.Denominator), D = Ref(r, Layout.Value);
            s.Blank(r, Layout.Period, XlsxStyle.InputText);
            s.Blank(r, Layout.Numerator, XlsxStyle.InputNumber);
            s.Blank(r, Layout.Denominator, XlsxStyle.InputNumber);
            s.Formula(r, Layout.Value, $"IF(AND(ISNUMBER({B}),ISNUMBER({C})),IF({C}>0,{B}/{C},NA()),\"\")", valueStyle);
            s.Formula(r, Layout.Median, $"IF(ISNUMBER({D}),MEDIAN({V(Layout.Value)}),\"\")", valueStyle);
            s.Blank(r, Layout.Annotation, XlsxStyle.InputWrap);
            // Hidden chart columns: #N/A leaves a gap in the chart where "" would plot as zero.
            s.Formula(r, Layout.ChartValue, $"IF(ISNUMBER({D}),{D},NA())", valueStyle);
            s.Formula(r, Layout.ChartMedian, $"IF(ISNUMBER({D}),{Ref(r, Layout.Median)},NA())", valueStyle);
        }
        var numbers = $"{Ref(Layout.FirstRow, Layout.Numerator)}:{Ref(Layout.LastRow, Layout.Denominator)}";
        if (m.IsPercent)
            s.NumberValidation(numbers, whole: false, 0, null, "Enter a count of 0 or more (the numerator and denominator are counts; the percentage is calculated).");
        else
            s.NumberValidation($"{Ref(Layout.FirstRow, Layout.Denominator)}:{Ref(Layout.LastRow, Layout.Denominator)}", whole: true, 0, null, "Enter the number of participants (0 or more).");
        s.FreezeRows = Layout.HeaderRow;
        s.Width(Layout.Period, 16); s.Width(Layout.Numerator, 12); s.Width(Layout.Denominator, 13); s.Width(Layout.Value, 12);
        s.Width(Layout.Median, 11); s.Width(Layout.Annotation, 40); s.Width(Layout.ChartValue, 10, hide: true); s.Width(Layout.ChartMedian, 10, hide: true);
    }

    static System.Xml.Linq.XDocument Chart(Measure m, Brand brand)
    {
        var q = Quote(m.SheetName);
        string Range(int col) => $"{q}!${Col(col)}${Layout.FirstRow}:${Col(col)}${Layout.LastRow}";
        return XChart.Build($"{m.Number}. {m.Title}", m.IsPercent ? "Percentage" : "Mean change", m.IsPercent,
        [
            new ChartSeries(m.IsPercent ? "Percentage" : "Mean", brand.Primary.Hex, SeriesLook.LineWithMarkers) { CategoryRef = Range(Layout.Period), ValueRef = Range(Layout.ChartValue) },
            new ChartSeries("Median", "7F7F7F", SeriesLook.DashedLine) { CategoryRef = Range(Layout.Period), ValueRef = Range(Layout.ChartMedian) },
        ]);
    }

    static void Register(XlsxSheet s)
    {
        s.Text(1, 1, "Coach register", XlsxStyle.Title);
        s.Text(2, 1, "One row per trained coach. Status: Active = logged at least one coaching contact with a registered project in the last three months. " +
            "Coaches on long-term leave for the whole quarter and those who left the organisation are excluded from the denominator.", XlsxStyle.Wrap);
        s.Merge(2, 1, 6); s.Height(2, 46);
        string[] headers = ["Name", "Cohort", "Organisation", "Status", "Teams coached", "Last coaching contact"];
        for (var i = 0; i < headers.Length; i++) s.Text(4, i + 1, headers[i], XlsxStyle.Header);
        for (var r = RegisterFirst; r <= RegisterLast; r++)
        {
            s.Blank(r, 1, XlsxStyle.InputText); s.Blank(r, 2, XlsxStyle.InputText); s.Blank(r, 3, XlsxStyle.InputText);
            s.Blank(r, 4, XlsxStyle.InputText); s.Blank(r, 5, XlsxStyle.InputNumber); s.Blank(r, 6, XlsxStyle.InputDate);
        }
        string Range(int col) => $"${Col(col)}${RegisterFirst}:${Col(col)}${RegisterLast}";
        s.ListValidation($"D{RegisterFirst}:D{RegisterLast}", Statuses, "Choose a status from the list: " + string.Join(", ", Statuses) + ".");
        s.NumberValidation($"E{RegisterFirst}:E{RegisterLast}", whole: true, 0, 10, "Enter the number of teams coached (0 to 10).");
        s.Text(4, 9, "Counts", XlsxStyle.Header); s.Text(4, 10, "", XlsxStyle.Header);
        s.Text(5, 9, "Active coaches", XlsxStyle.Cell);
        s.Formula(5, 10, $"COUNTIFS({Range(4)},\"Active\")", XlsxStyle.Whole);
        s.Text(6, 9, "Graduates still employed", XlsxStyle.Cell);
        s.Formula(6, 10, $"COUNTIFS({Range(1)},\"<>\")-COUNTIFS({Range(1)},\"<>\",{Range(4)},\"Left organisation\")-COUNTIFS({Range(1)},\"<>\",{Range(4)},\"On long-term leave\")", XlsxStyle.Whole);
        s.Text(7, 9, "Actively coaching", XlsxStyle.Cell);
        s.Formula(7, 10, "IF(J6>0,J5/J6,\"\")", XlsxStyle.Percent);
        s.Text(8, 9, "Teams being coached", XlsxStyle.Cell);
        s.Formula(8, 10, $"SUMIFS({Range(5)},{Range(4)},\"Active\")", XlsxStyle.Whole);
        s.FreezeRows = 4;
        s.Width(1, 24); s.Width(2, 12); s.Width(3, 26); s.Width(4, 18); s.Width(5, 9); s.Width(6, 14); s.Width(7, 3); s.Width(8, 3); s.Width(9, 26); s.Width(10, 10);
    }

    static void SelfAssessment(XlsxSheet s, EvaluationDefinition e)
    {
        var n = e.Items.Count;
        int pre = 3, post = pre + n, meanPre = post + n, meanPost = meanPre + 1, change = meanPost + 1;
        s.Text(1, 1, "Self-assessment ratings", XlsxStyle.Title);
        s.Text(2, 1, "Participants with paired ratings", XlsxStyle.Label);
        s.Formula(2, 3, $"COUNT({Col(change)}{SaFirst}:{Col(change)}{SaLast})", XlsxStyle.Whole);
        s.Text(3, 1, "Sum of mean changes", XlsxStyle.Label);
        s.Formula(3, 3, $"SUM({Col(change)}{SaFirst}:{Col(change)}{SaLast})", XlsxStyle.Decimal);
        s.Text(4, 1, "Mean change", XlsxStyle.Label);
        s.Formula(4, 3, "IF(C2>0,C3/C2,\"\")", XlsxStyle.Decimal);
        s.Text(2, 5, $"One row per participant. Ratings {e.ScaleMin} to {e.ScaleMax} from the competency self-assessment form: at the induction, and at the later time point " +
            "(after Workshop 3, or six months later in a copy of this sheet). Leave a rating blank if it was not given.", XlsxStyle.Note);
        s.Merge(2, 5, 16); s.Height(2, 30);
        s.Text(5, 1, "Participant", XlsxStyle.Header);
        s.Text(5, 2, "Cohort", XlsxStyle.Header);
        for (var i = 0; i < n; i++)
        {
            s.Text(5, pre + i, $"{i + 1} {e.Items[i].Title} (induction)", XlsxStyle.Header);
            s.Text(5, post + i, $"{i + 1} {e.Items[i].Title} (later)", XlsxStyle.Header);
            s.Width(pre + i, 12); s.Width(post + i, 12);
        }
        s.Text(5, meanPre, "Mean at induction", XlsxStyle.Header);
        s.Text(5, meanPost, "Mean later", XlsxStyle.Header);
        s.Text(5, change, "Change", XlsxStyle.Header);
        s.Height(5, 62);
        string Span(int from, int r) => $"{Ref(r, from)}:{Ref(r, from + n - 1)}";
        for (var r = SaFirst; r <= SaLast; r++)
        {
            s.Blank(r, 1, XlsxStyle.InputText); s.Blank(r, 2, XlsxStyle.InputText);
            for (var i = 0; i < n; i++) { s.Blank(r, pre + i, XlsxStyle.InputNumber); s.Blank(r, post + i, XlsxStyle.InputNumber); }
            s.Formula(r, meanPre, $"IF(COUNT({Span(pre, r)})=0,\"\",AVERAGE({Span(pre, r)}))", XlsxStyle.Decimal);
            s.Formula(r, meanPost, $"IF(COUNT({Span(post, r)})=0,\"\",AVERAGE({Span(post, r)}))", XlsxStyle.Decimal);
            s.Formula(r, change, $"IF(AND(ISNUMBER({Ref(r, meanPre)}),ISNUMBER({Ref(r, meanPost)})),{Ref(r, meanPost)}-{Ref(r, meanPre)},\"\")", XlsxStyle.Decimal);
        }
        var avg = SaLast + 1;
        s.Text(avg, 1, "Item mean", XlsxStyle.BoldCell);
        for (var c = pre; c <= meanPost; c++)
            s.Formula(avg, c, $"IF(COUNT({Ref(SaFirst, c)}:{Ref(SaLast, c)})=0,\"\",AVERAGE({Ref(SaFirst, c)}:{Ref(SaLast, c)}))", XlsxStyle.Decimal);
        s.NumberValidation($"{Ref(SaFirst, pre)}:{Ref(SaLast, post + n - 1)}", whole: true, e.ScaleMin, e.ScaleMax, $"Enter a whole number from {e.ScaleMin} to {e.ScaleMax}.");
        s.FreezeRows = 5;
        s.Width(1, 22); s.Width(2, 12); s.Width(meanPre, 11); s.Width(meanPost, 11); s.Width(change, 10);
    }
}
