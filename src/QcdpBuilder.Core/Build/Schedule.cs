using QcdpBuilder.Templates;
using QcdpBuilder.Content;

namespace QcdpBuilder.Build;

/// <summary>When each session runs: the day and clock time of its first slot in the timetable.</summary>
public static class Schedule
{
    /// <summary>The first (day, start time) at which the session is scheduled, or null for webinars and unscheduled sessions.</summary>
    public static (WorkshopDay Day, Workshop Workshop, TimeOnly Start)? FirstSlot(Programme p, Session s)
    {
        foreach (var w in p.Workshops)
            foreach (var day in w.Days)
            {
                var t = day.Start;
                foreach (var item in day.Items)
                {
                    if (item.Kind == DayItemKind.Session && item.SessionId == s.Id) return (day, w, t);
                    t = t.AddMinutes(item.Kind == DayItemKind.Session ? item.Session?.Duration ?? 0 : item.Minutes);
                }
            }
        return null;
    }

    /// <summary>
    /// A human description of when a session runs, e.g. "Workshop 1, day 1 (Tuesday 19 January 2027), 10:40",
    /// with the cohort's date when the organisation gives one.
    /// </summary>
    public static string When(Programme p, Session s, Organisation? org = null)
    {
        if (FirstSlot(p, s) is { } slot)
        {
            var days = p.Workshops.SelectMany(w => w.Days).Count(d => d.Items.Any(i => i.SessionId == s.Id));
            if (days > 1) return $"every workshop day, from day {slot.Day.Number} ({slot.Start:HH\\:mm} on day {slot.Day.Number})";
            var index = slot.Workshop.Days.IndexOf(slot.Day);
            var date = org?.Cohort.WorkshopDates.GetValueOrDefault(slot.Workshop.Id) is { } dates && index < dates.Count ? $" ({TemplateData.Date(dates[index].Date)})" : "";
            return $"{slot.Workshop.Title}, day {slot.Day.Number}{date}, {slot.Start:HH\\:mm}";
        }
        var wb = p.Webinars.FirstOrDefault(w => w.SessionId == s.Id);
        if (wb is null) return "not yet scheduled";
        return org?.Cohort.WebinarDates.TryGetValue(s.Id, out var d) == true ? $"webinar in month {wb.Month} ({TemplateData.Date(d.Date)})" : $"webinar in month {wb.Month}";
    }

    /// <summary>Clock times for each activity: from the timetable for workshop sessions, elapsed time (0:00) for webinars.</summary>
    public static List<(string Start, string End)> ActivityTimes(Programme p, Session s)
    {
        var start = FirstSlot(p, s)?.Start;
        var elapsed = 0;
        var result = new List<(string, string)>();
        foreach (var a in s.Activities)
        {
            result.Add((Format(start, elapsed), Format(start, elapsed + a.Minutes)));
            elapsed += a.Minutes;
        }
        return result;
    }

    static string Format(TimeOnly? start, int minutes) =>
        start is { } t ? t.AddMinutes(minutes).ToString("HH:mm") : $"{minutes / 60}:{minutes % 60:D2}";
}
