using System.Globalization;

namespace QcdpBuilder.Evaluation;

/// <summary>
/// The self-assessment items as placeholder values (<c>{{ for item in self_assessment.items }}</c>), so the
/// printable form lists the same items as the workbook without writing them twice.
/// </summary>
public static class EvaluationTemplateData
{
    public static Dictionary<string, object> SelfAssessment(EvaluationDefinition e) => new()
    {
        ["items"] = e.Items.Select((item, i) => (object)new Dictionary<string, object>
        {
            ["number"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            ["id"] = item.Id,
            ["title"] = item.Title,
            ["description"] = item.Description,
        }).ToList(),
        ["count"] = e.Items.Count.ToString(CultureInfo.InvariantCulture),
        ["min"] = e.ScaleMin.ToString(CultureInfo.InvariantCulture),
        ["max"] = e.ScaleMax.ToString(CultureInfo.InvariantCulture),
    };
}
