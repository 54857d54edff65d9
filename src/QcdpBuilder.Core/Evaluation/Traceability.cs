using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Evaluation;

/// <summary>One learning outcome traced through what teaches it (sessions, activities, handouts) and what evaluates it.</summary>
public sealed record TraceRow(
    Outcome Outcome, Workstream Workstream,
    IReadOnlyList<Session> Sessions, IReadOnlyList<string> Activities, IReadOnlyList<string> Handouts,
    IReadOnlyList<SelfAssessmentItem> Items, IReadOnlyList<Measure> Measures)
{
    public bool Taught => Sessions.Count > 0;
    public bool Evaluated => Items.Count > 0 || Measures.Count > 0;
    /// <summary>"" when the outcome is taught and evaluated; otherwise what is missing.</summary>
    public string Gap => (Taught, Evaluated) switch
    {
        (true, true) => "",
        (false, true) => "nothing teaches it",
        (true, false) => "nothing evaluates it",
        _ => "nothing teaches or evaluates it",
    };
}

/// <summary>
/// The traceability matrix: learning outcomes × sessions × activities × handouts × evaluation items.
/// <see cref="Check"/> reports evaluation items naming outcomes that do not exist (errors) and outcomes
/// nothing evaluates (warnings; outcomes nothing teaches are already errors in <see cref="ContentRules"/>).
/// </summary>
public static class Traceability
{
    public static IReadOnlyList<TraceRow> Build(Programme p, EvaluationDefinition e) =>
        p.Workstreams.SelectMany(ws => ws.Outcomes.Select(o =>
        {
            var sessions = p.Sessions.Where(s => s.Outcomes.Contains(o.Id)).ToList();
            return new TraceRow(o, ws, sessions,
                sessions.SelectMany(s => s.Activities.Select(a => $"{s.Id} {a.Title}")).ToList(),
                sessions.SelectMany(s => s.Handouts).Distinct().Select(h => p.FindHandout(h)?.Title ?? h).ToList(),
                e.Items.Where(i => i.Outcomes.Any(r => r.Id == o.Id)).ToList(),
                e.Measures.Where(m => m.Outcomes.Any(r => r.Id == o.Id)).ToList());
        })).ToList();

    public static void Check(Programme p, EvaluationDefinition e, DiagnosticBag d)
    {
        var ids = p.Workstreams.SelectMany(w => w.Outcomes).Select(o => o.Id).ToList();
        // Outcomes of a workstream the organisation excludes are still real ids: the evaluation may name them.
        var excluded = p.ExcludedWorkstreams.SelectMany(w => w.Outcomes).Select(o => o.Id).ToHashSet();
        var refs = e.Items.SelectMany(i => i.Outcomes.Select(r => (r, $"self-assessment item {i.Id}")))
            .Concat(e.Measures.SelectMany(m => m.Outcomes.Select(r => (r, $"measure '{m.Id}'"))));
        foreach (var (r, who) in refs.Where(x => !ids.Contains(x.r.Id) && !excluded.Contains(x.r.Id)))
        {
            var near = Suggest.Nearest(r.Id, ids);
            d.Report(Rules.EvaluationOutcome, r.At, $"{who} names outcome '{r.Id}', which no workstream defines",
                near is null ? "use an outcome id from a workstream.yaml" : $"did you mean '{near}'?");
        }
        if (e.Items.Count == 0 && e.Measures.Count == 0) return;  // the loader has already said why
        foreach (var row in Build(p, e).Where(r => !r.Evaluated))
            d.Report(Rules.OutcomeEvaluation, row.Outcome.At, $"outcome {row.Outcome.Id} has no evaluation item: no self-assessment item or measure names it",
                $"add '{row.Outcome.Id}' to the 'outcomes' of an item in {EvaluationLoader.SelfAssessmentFile} or a measure in {EvaluationLoader.MeasuresFile}");
    }
}
