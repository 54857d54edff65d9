using System.Text.RegularExpressions;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Build;

/// <summary>
/// The data the facilitator-guide template sees for one workstream. Markdown fields are
/// already customised (placeholders filled) and inserted by the template with <c>{{ value | raw }}</c>.
/// </summary>
public static partial class GuideData
{
    public static Dictionary<string, object> For(Workstream ws, Programme p, Organisation org, Dictionary<string, object> contentData,
        Func<string, string?> templatedFile, Func<string, SourceSpan, string?> renderMarkdown)
    {
        var data = new Dictionary<string, object>(contentData)
        {
            ["workstream"] = new Dictionary<string, object>
            {
                ["number"] = ws.Number,
                ["is_local"] = ws.IsLocal,
                ["label"] = ws.IsLocal ? "the local sessions" : $"Workstream {ws.Number}",
                ["title"] = ws.Title,
                ["aim"] = ws.Aim,
                ["outcomes"] = ws.Outcomes.Select(o => new Dictionary<string, object> { ["id"] = o.Id, ["text"] = o.Text }).ToList(),
                ["prerequisites"] = ws.Prerequisites,
                ["indicative_content"] = ws.IndicativeContent,
            },
            ["sessions"] = ws.Sessions.Select(s => Session(s, p, org, templatedFile, renderMarkdown)).ToList(),
            // A virtual or hybrid cohort reads each activity's online variant inside its card; an in-person cohort's guide keeps them together at the end.
            ["virtual_delivery"] = org.Cohort.Delivery is DeliveryModes.Virtual or DeliveryModes.Hybrid,
        };
        return data;
    }

    static Dictionary<string, object> Session(Session s, Programme p, Organisation org, Func<string, string?> templatedFile, Func<string, SourceSpan, string?> md)
    {
        var times = Schedule.ActivityTimes(p, s);
        string Md(string text, SourceSpan at) => md(text, at) ?? "";
        return new Dictionary<string, object>
        {
            ["id"] = s.Id,
            ["title"] = s.Title,
            ["summary"] = s.Summary,
            ["duration"] = s.Duration,
            ["kind_text"] = s.IsWebinar ? "webinar (online)"
                : org.Cohort.Delivery == DeliveryModes.Virtual ? "workshop, delivered online for this cohort (use the online notes in each activity)"
                : org.Cohort.Delivery == DeliveryModes.Hybrid ? "workshop, delivered in the room and online together for this cohort (each activity gives both)"
                : "workshop (in the room, with an online variant for each activity)",
            ["when"] = Schedule.When(p, s, org),
            ["outcomes"] = s.Outcomes.Select(id => new Dictionary<string, object> { ["id"] = id, ["text"] = p.FindOutcome(id)?.Text ?? "" }).ToList(),
            ["runsheet"] = s.Activities.Select((a, i) => new Dictionary<string, object>
            {
                ["start"] = times[i].Start, ["end"] = times[i].End, ["minutes"] = a.Minutes, ["title"] = a.Title, ["method"] = a.Method, ["output"] = a.Output,
            }).ToList(),
            ["preparation"] = s.Preparation,
            ["materials"] = s.Materials,
            ["handouts"] = s.Handouts.Select(h => new Dictionary<string, object> { ["id"] = h, ["title"] = p.FindHandout(h)?.Title ?? h }).ToList(),
            ["prework"] = Md(s.Prework, SourceSpan.StartOf(s.File)),
            ["activities"] = s.Activities.Select((a, i) => new Dictionary<string, object>
            {
                ["number"] = i + 1,
                ["title"] = a.Title,
                ["minutes"] = a.Minutes,
                ["method"] = a.Method,
                ["output"] = a.Output,
                ["instructions"] = Md(a.Instructions, a.At),
                ["facilitator_notes"] = Md(a.FacilitatorNotes, a.At),
                ["virtual"] = Md(a.Virtual, a.At),
            }).ToList(),
            ["notes"] = ShiftHeadings(templatedFile(s.NotesFile) ?? "", 1),
        };
    }

    /// <summary>Moves every ATX heading down <paramref name="by"/> levels (outside code fences), so notes nest under the guide's headings.</summary>
    public static string ShiftHeadings(string markdown, int by)
    {
        var inFence = false;
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```") || lines[i].TrimStart().StartsWith("~~~")) inFence = !inFence;
            else if (!inFence && HeadingRx().IsMatch(lines[i])) lines[i] = new string('#', by) + lines[i];
        }
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^#{1,5}\s")] private static partial Regex HeadingRx();
}
