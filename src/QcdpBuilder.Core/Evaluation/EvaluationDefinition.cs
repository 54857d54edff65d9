using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Evaluation;

/// <summary>What kind of measure: the family-of-measures classification taught in session 2.2.</summary>
public enum MeasureType { Outcome, Process, Balancing }

/// <summary>
/// One evaluation measure with its operational definition, as written in
/// <c>content/evaluation/measures.yaml</c>. <see cref="Outcomes"/> are the learning outcomes it gives evidence of.
/// </summary>
public sealed record Measure(
    string Id, int Number, string Title, MeasureType Type, string Unit, string Direction,
    string Definition, string Numerator, string Denominator, string Exclusions, string Source,
    string Frequency, string Owner, string Goal, IReadOnlyList<OutcomeRef> Outcomes, SourceSpan At)
{
    /// <summary>The coach register sheet counts this measure's numerator and denominator.</summary>
    public bool FromRegister { get; init; }
    /// <summary>The self-assessment sheet totals this measure's numerator and denominator.</summary>
    public bool FromSelfAssessment { get; init; }
    public bool IsPercent => Unit == "percent";
    public string TypeText => Type.ToString().ToLowerInvariant();
    /// <summary>Worksheet name: "1 Active coaches" (Excel allows 31 characters and no []:*?/\).</summary>
    public string SheetName => Clip($"{Number} {Title}");

    static string Clip(string s)
    {
        var clean = new string(s.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }
}

/// <summary>One item of the competency self-assessment, rated on the form's scale, with the outcomes it reflects.</summary>
public sealed record SelfAssessmentItem(string Id, string Title, string Description, IReadOnlyList<OutcomeRef> Outcomes, SourceSpan At);

/// <summary>A learning outcome id named by an evaluation item, with where it is written (for errors).</summary>
public sealed record OutcomeRef(string Id, SourceSpan At);

/// <summary>
/// The evaluation content: the measures and the self-assessment items, as loaded from
/// <c>content/evaluation/</c>. The workbook, the report, the self-assessment form and the
/// traceability matrix all read this one definition.
/// </summary>
public sealed record EvaluationDefinition(IReadOnlyList<Measure> Measures, IReadOnlyList<SelfAssessmentItem> Items, int ScaleMin, int ScaleMax)
{
    public static readonly EvaluationDefinition Empty = new([], [], 0, 10);
    public Measure? Find(string id) => Measures.FirstOrDefault(m => m.Id == id);
}
