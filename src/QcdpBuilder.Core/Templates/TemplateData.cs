using System.Globalization;
using QcdpBuilder.Content;

namespace QcdpBuilder.Templates;

/// <summary>
/// The values templates and content placeholders can use, built from the organisation
/// profile and the programme. Plain dictionaries, so templates see data and nothing else.
/// </summary>
public static class TemplateData
{
    // Spelt out here rather than taken from a culture: builds run with invariant globalisation,
    // and the output must not depend on the machine's locale.
    static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The placeholders available inside content Markdown (see content/README.md).</summary>
    public static Dictionary<string, object> ForContent(Organisation org, Programme p) => new()
    {
        ["org"] = Org(org),
        ["terms"] = org.Terminology.ToDictionary(k => k.Key, v => (object)v.Value),
        ["cohort"] = new Dictionary<string, object>
        {
            ["name"] = org.Cohort.Name,
            ["delivery"] = org.Cohort.Delivery,
            ["venue"] = org.Cohort.Venue,
            ["protected_hours"] = org.Cohort.ProtectedHoursPerWeek?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["dates"] = DatesTable(org, p),
        },
        ["lead"] = new Dictionary<string, object> { ["name"] = org.Lead.Name, ["role"] = org.Lead.Role, ["email"] = org.Lead.Email },
        ["contact"] = new Dictionary<string, object> { ["name"] = org.Contact.Name, ["email"] = org.Contact.Email, ["phone"] = org.Contact.Phone },
        ["programme"] = new Dictionary<string, object> { ["title"] = p.Title, ["short_title"] = p.ShortTitle, ["version"] = p.Version },
    };

    /// <summary>
    /// <c>{{org.*}}</c>: the organisation's names, local terms and facts, setting and delivery,
    /// for templates and content alike (e.g. <c>{{org.qi_platform}}</c>, <c>{{org.links.intranet}}</c>,
    /// <c>{{ if org.system_wide }}…{{ end }}</c>).
    /// </summary>
    static Dictionary<string, object> Org(Organisation org)
    {
        string Term(string key) => org.Terminology.GetValueOrDefault(key, "");
        Dictionary<string, object> Person(Person p) => new() { ["name"] = p.Name, ["role"] = p.Role, ["email"] = p.Email, ["phone"] = p.Phone };
        return new Dictionary<string, object>
        {
            ["name"] = org.Name,
            ["short_name"] = org.ShortName,
            ["qi_platform"] = Term("qi_platform"),
            ["sponsor_term"] = Term("sponsor"),
            ["qi_forum"] = Term("qi_forum"),
            ["coach_term"] = Term("coach"),
            ["contact"] = Person(org.Contact),
            ["lead"] = Person(org.Lead),
            ["links"] = org.Links.ToDictionary(l => l.Key, l => (object)l.Value),
            ["setting"] = org.Setting,
            ["system_wide"] = org.IsSystemWide,
            ["in_house"] = !org.IsSystemWide,
            ["partners"] = org.Partners,
            ["partners_text"] = JoinNames(org.Partners),
            ["host"] = org.Host,
            ["delivery"] = org.Cohort.Delivery,
            ["virtual"] = org.Cohort.Delivery == DeliveryModes.Virtual,
            ["hybrid"] = org.Cohort.Delivery == DeliveryModes.Hybrid,
            ["in_person"] = org.Cohort.Delivery == DeliveryModes.InPerson,
        };
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string JoinNames(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    /// <summary>A UK long date, e.g. "Tuesday 19 January 2027".</summary>
    public static string Date(DateOnly d) => $"{d.DayOfWeek} {d.Day} {Months[d.Month - 1]} {d.Year}";

    /// <summary>The cohort's calendar as a Markdown table (for <c>{{ cohort.dates | raw }}</c>).</summary>
    public static string DatesTable(Organisation org, Programme p)
    {
        var rows = new List<(DateOnly Date, string What, string Time)>();
        foreach (var w in p.Workshops)
            if (org.Cohort.WorkshopDates.TryGetValue(w.Id, out var dates))
                for (var i = 0; i < w.Days.Count && i < dates.Count; i++)
                    rows.Add((dates[i].Date, $"{Esc(w.Title)}, day {i + 1} of {w.Days.Count} (programme day {w.Days[i].Number})", $"{w.Days[i].Start:HH\\:mm}–{w.Days[i].End:HH\\:mm}"));
        foreach (var wb in p.Webinars)
            if (org.Cohort.WebinarDates.TryGetValue(wb.SessionId, out var d))
                rows.Add((d.Date, $"Webinar {Esc(wb.SessionId)}: {Esc(wb.Session?.Title ?? "")}", wb.Session is null ? "" : $"{wb.Session.Duration} minutes, online"));
        if (rows.Count == 0) return "*Dates to be confirmed.*";
        var sb = new System.Text.StringBuilder("| Date | What | Time |\n|---|---|---|\n");
        foreach (var r in rows.OrderBy(r => r.Date)) sb.Append($"| {Date(r.Date)} | {r.What} | {r.Time} |\n");
        return sb.ToString();
    }

    static string Esc(string s) => Templates.TemplateEngine.EscapeMarkdown(s);
}
