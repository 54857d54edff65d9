using QcdpBuilder.Templates;
using QcdpBuilder.Content;

namespace QcdpBuilder.Build;

/// <summary>The data the timetable template sees: each day's slots with clock times and dates.</summary>
public static class TimetableData
{
    public static Dictionary<string, object> For(Programme p, Organisation org, Dictionary<string, object> contentData)
    {
        var data = new Dictionary<string, object>(contentData);
        ((Dictionary<string, object>)data["programme"])["summary"] = p.Summary;
        data["workshops"] = p.Workshops.Select(w => new Dictionary<string, object>
        {
            ["title"] = w.Title,
            ["month"] = w.Month,
            ["days"] = w.Days.Select((day, i) =>
            {
                var t = day.Start;
                var items = new List<Dictionary<string, object>>();
                foreach (var item in day.Items)
                {
                    var minutes = item.Kind == DayItemKind.Session ? item.Session?.Duration ?? 0 : item.Minutes;
                    var label = item.Kind switch
                    {
                        DayItemKind.Session => item.Session is { } s ? $"{s.Id} {s.Title} ({s.Workstream.Title})" : item.SessionId ?? "",
                        DayItemKind.Lunch => "Lunch",
                        _ => "Break",
                    };
                    items.Add(new() { ["start"] = t.ToString("HH:mm"), ["end"] = t.AddMinutes(minutes).ToString("HH:mm"), ["minutes"] = minutes, ["label"] = label });
                    t = t.AddMinutes(minutes);
                }
                var dates = org.Cohort.WorkshopDates.GetValueOrDefault(w.Id);
                return new Dictionary<string, object>
                {
                    ["number"] = day.Number,
                    ["date"] = dates is not null && i < dates.Count ? TemplateData.Date(dates[i].Date) : "",
                    ["items"] = items,
                };
            }).ToList(),
        }).ToList();
        data["webinars"] = p.Webinars.Select(wb => new Dictionary<string, object>
        {
            ["month"] = wb.Month,
            ["date"] = org.Cohort.WebinarDates.TryGetValue(wb.SessionId, out var d) ? TemplateData.Date(d.Date) : "to be confirmed",
            ["label"] = wb.Session is { } s ? $"{s.Id} {s.Title}" : wb.SessionId,
            ["minutes"] = wb.Session?.Duration ?? 0,
        }).ToList();
        return data;
    }
}
