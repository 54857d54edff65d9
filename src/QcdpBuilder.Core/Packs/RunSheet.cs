using QcdpBuilder.Content;

namespace QcdpBuilder.Packs;

/// <summary>What a run-sheet row is: a session heading, one of its activities, or a break, lunch or the close.</summary>
public enum RunSheetRowKind { Session, Activity, Break, Lunch, Close }

/// <summary>One row of a run sheet: clock times (or elapsed times when the cohort gives none), minutes and what happens.</summary>
public sealed record RunSheetRow(RunSheetRowKind Kind, string Start, string End, int Minutes, string What, string How);

/// <summary>
/// The day as the facilitator runs it: every session with each activity's start and end, breaks and lunch
/// as rows of their own, and the close. Times are the cohort's clock times for the day.
/// </summary>
public static class RunSheet
{
    public static List<RunSheetRow> Rows(PackPlan plan)
    {
        var rows = new List<RunSheetRow>();
        int elapsed = 0;
        foreach (var slot in plan.Slots)
        {
            switch (slot.Kind)
            {
                case DayItemKind.Break:
                    rows.Add(new(RunSheetRowKind.Break, Clock(plan.Start, elapsed), Clock(plan.Start, elapsed + slot.Minutes), slot.Minutes, "Break", ""));
                    break;
                case DayItemKind.Lunch:
                    rows.Add(new(RunSheetRowKind.Lunch, Clock(plan.Start, elapsed), Clock(plan.Start, elapsed + slot.Minutes), slot.Minutes, "Lunch", ""));
                    break;
                default:
                    var s = slot.Session!;
                    rows.Add(new(RunSheetRowKind.Session, Clock(plan.Start, elapsed), Clock(plan.Start, elapsed + slot.Minutes), slot.Minutes, $"Session {s.Id}: {s.Title}", ""));
                    int t = elapsed;
                    foreach (var a in s.Activities)
                    {
                        rows.Add(new(RunSheetRowKind.Activity, Clock(plan.Start, t), Clock(plan.Start, t + a.Minutes), a.Minutes, a.Title, How(a.Method, plan.Online && !plan.InRoom)));
                        t += a.Minutes;
                    }
                    break;
            }
            elapsed += slot.Minutes;
        }
        rows.Add(new(RunSheetRowKind.Close, Clock(plan.Start, elapsed), "", 0, "Close", ""));
        return rows;
    }

    /// <summary>A clock time from the start, or the elapsed time (0:00, 1:45) when there is no start.</summary>
    public static string Clock(TimeOnly? start, int minutes) =>
        start is { } t ? t.AddMinutes(minutes).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : $"{minutes / 60}:{minutes % 60:D2}";

    /// <summary>The activity's method as a facilitator reads it; group work online happens in breakout rooms.</summary>
    public static string How(string method, bool online)
    {
        var text = method switch
        {
            "small-groups" => "small groups",
            "1-2-4-all" => "1-2-4-All",
            "breakout" => "groups",
            _ => method,
        };
        return online && Checklist.RoomSize(method) is not null ? $"{text} (breakout rooms)" : text;
    }
}
