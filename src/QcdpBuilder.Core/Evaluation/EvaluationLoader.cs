using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Evaluation;

/// <summary>
/// Reads <c>content/evaluation/measures.yaml</c> and <c>self-assessment.yaml</c> with the same
/// positioned errors as the rest of the content (unknown keys with the nearest valid key, wrong
/// types, missing values). Whether outcome ids resolve is checked by <see cref="Traceability"/>.
/// </summary>
public static class EvaluationLoader
{
    public const string MeasuresFile = "content/evaluation/measures.yaml";
    public const string SelfAssessmentFile = "content/evaluation/self-assessment.yaml";
    static readonly string[] Units = ["percent", "mean"];
    static readonly string[] Directions = ["up", "down"];

    public static EvaluationDefinition Load(string root, DiagnosticBag diagnostics)
    {
        var measures = new List<Measure>();
        if (Read(root, MeasuresFile, diagnostics) is { } m)
        {
            m.AllowOnly(ContentSchema.Measures);
            foreach (var e in m.MapList("measures", required: true))
                if (ReadMeasure(e, diagnostics) is { } measure) measures.Add(measure);
            Unique(measures.Select(x => (x.Id, x.At)), "measure id", diagnostics);
            Unique(measures.Select(x => (x.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), x.At)), "measure number", diagnostics);
        }

        var items = new List<SelfAssessmentItem>();
        int min = 0, max = 10;
        if (Read(root, SelfAssessmentFile, diagnostics) is { } s)
        {
            s.AllowOnly(ContentSchema.SelfAssessment);
            if (s.Map("scale") is { } scale)
            {
                scale.AllowOnly(ContentSchema.Scale);
                min = scale.Int("min") ?? min;
                max = scale.Int("max") ?? max;
                if (max <= min) diagnostics.Report(Rules.InvalidValue, scale.ValueSpan("max"), $"the scale's max ({max}) must be greater than its min ({min})", "e.g. scale: { min: 0, max: 10 }");
            }
            foreach (var e in s.MapList("items", required: true))
            {
                e.AllowOnly(ContentSchema.SelfAssessmentItem);
                var id = e.String("id", required: true);
                var title = e.String("title", required: true);
                if (id is null || title is null) continue;
                items.Add(new SelfAssessmentItem(id, title, e.String("description") ?? "", e.StringList("outcomes", required: true).Select(o => new OutcomeRef(o.Value, o.At)).ToList(), e.ValueSpan("id")));
            }
            Unique(items.Select(x => (x.Id, x.At)), "self-assessment item id", diagnostics);
        }
        return new EvaluationDefinition(measures, items, min, max);
    }

    static YamlMap? Read(string root, string rel, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(root, rel);
        if (File.Exists(path)) return SourceFiles.ReadText(path, root, rel, diagnostics) is { } text ? YamlMap.Load(text, rel, diagnostics) : null;
        diagnostics.Report(Rules.MissingFile, SourceSpan.StartOf(rel), "file not found", "the evaluation needs it: see content/README.md, \"Evaluation\"");
        return null;
    }

    static Measure? ReadMeasure(YamlMap e, DiagnosticBag d)
    {
        e.AllowOnly(ContentSchema.Measure);
        var id = e.String("id", required: true);
        var title = e.String("title", required: true);
        var number = e.Int("number", required: true);
        var typeText = e.String("type", required: true);
        MeasureType? type = typeText switch { "outcome" => MeasureType.Outcome, "process" => MeasureType.Process, "balancing" => MeasureType.Balancing, _ => null };
        if (typeText is not null && type is null)
            d.Report(Rules.InvalidValue, e.ValueSpan("type"), $"unknown measure type '{typeText}'", Hint(typeText, ["outcome", "process", "balancing"]));
        var unit = OneOf(e, "unit", Units, "percent", d);
        var direction = OneOf(e, "direction", Directions, "up", d);
        string Req(string key) => e.String(key, required: true) ?? "";
        var measure = new Measure(id ?? "", number ?? 0, title ?? "", type ?? MeasureType.Outcome, unit, direction,
            Req("definition"), Req("numerator"), Req("denominator"), e.String("exclusions") ?? "None.", Req("source"),
            Req("frequency"), Req("owner"), e.String("goal") ?? "", e.StringList("outcomes", required: true).Select(o => new OutcomeRef(o.Value, o.At)).ToList(), e.ValueSpan("id"))
        {
            FromRegister = Bool(e, "register", d),
            FromSelfAssessment = Bool(e, "self_assessment", d),
        };
        return id is null || title is null || number is null || type is null ? null : measure;
    }

    static string OneOf(YamlMap e, string key, string[] allowed, string fallback, DiagnosticBag d)
    {
        var v = e.String(key);
        if (v is null) return fallback;
        if (allowed.Contains(v)) return v;
        d.Report(Rules.InvalidValue, e.ValueSpan(key), $"'{key}' must be one of {string.Join(", ", allowed)}, not '{v}'", Hint(v, allowed));
        return fallback;
    }

    static bool Bool(YamlMap e, string key, DiagnosticBag d)
    {
        var v = e.String(key);
        if (v is null) return false;
        if (v is "true" or "false") return v == "true";
        d.Report(Rules.WrongType, e.ValueSpan(key), $"'{key}' must be true or false, not '{v}'");
        return false;
    }

    static string Hint(string value, string[] allowed) =>
        (Suggest.Nearest(value, allowed) is { } near ? $"did you mean '{near}'? " : "") + $"Use one of: {string.Join(", ", allowed)}";

    static void Unique(IEnumerable<(string Id, SourceSpan At)> items, string what, DiagnosticBag d)
    {
        foreach (var g in items.GroupBy(i => i.Id).Where(g => g.Count() > 1))
            foreach (var dup in g.Skip(1))
                d.Report(Rules.DuplicateId, dup.At, $"{what} '{g.Key}' is used more than once (first at {g.First().At})", "give each its own");
    }
}
