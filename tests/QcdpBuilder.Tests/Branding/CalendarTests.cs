using System.Text;
using QcdpBuilder.Build;
using QcdpBuilder.Calendar;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.BrandingTests;

/// <summary>The cohort's .ics: parsed back with a small RFC 5545 unfolding parser and checked event by event.</summary>
public class CalendarTests
{
    const string Cohort = """
        cohort:
          name: Cohort A; "North, East" \ 2027
          delivery: hybrid
          start: "09:30"
          webinar_start: "12:30"
          venue: Main Hall, Riverside Hospital
          online_link: https://meet.example.org/qcdp?room=1
          workshops:
            W1:
              - "2027-01-19"
              - { date: "2027-06-15", start: "10:00", venue: "Salle d’été – Ysbyty Gwynedd, Bangor, Gwynedd, Cymru (the long room at the back)" }
          webinars:
            Wb1: { date: "2027-02-09", start: "13:00", online_link: https://meet.example.org/wb1 }
            Wb2: "2027-07-06"
        """;

    const string Programme = """
        workshops:
          - id: W1
            title: Workshop 1
            month: 1
            days:
              - day: 1
                start: "09:00"
                end: "10:15"
                items:
                  - session: "1.1"
                  - break: 15
              - day: 2
                start: "09:00"
                end: "10:15"
                items:
                  - session: "1.1"
                  - break: 15
        webinars:
          - session: Wb1
            month: 2
          - session: Wb2
            month: 6
        """;

    static byte[] Build(MiniRepo repo)
    {
        repo.Edit(MiniRepo.Profile, t => t[..t.IndexOf("cohort:", StringComparison.Ordinal)] + Cohort + "\n" + t[t.IndexOf("terminology:", StringComparison.Ordinal)..]);
        repo.Edit("content/programme.yaml", t => t[..t.IndexOf("workshops:", StringComparison.Ordinal)] + Programme);
        // Two 90-minute webinar sessions, added beside the sample session.
        var sessions = "content/workstreams/01-sample/sessions";
        foreach (var (id, title) in new[] { ("Wb1", "Measurement, data & run charts"), ("Wb2", "Sustaining change") })
        {
            var dir = $"{sessions}/{id.ToLowerInvariant()}-webinar";
            repo.Write($"{dir}/session.yaml", $"id: {id}\ntitle: \"{title}\"\nkind: webinar\nduration: 90\noutcomes: [O1.1]\nsummary: A webinar.\nactivities:\n  - {{ title: Talk, minutes: 90, method: plenary }}\n");
            repo.Write($"{dir}/slides.md", string.Concat(Enumerable.Range(1, 8).Select(n => $"# Slide {n}\n\nText.\n\n::: notes\nNotes.\n:::\n\n")));
            repo.Write($"{dir}/facilitator-notes.md", "Notes.\n");
        }
        repo.Edit(MiniRepo.Workstream, t => t.Replace("sessions: [\"1.1\"]", "sessions: [\"1.1\", Wb1, Wb2]"));
        var plan = PackageBuilder.Plan(new BuildOptions(repo.Root) { Write = false });
        Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
        var ics = Assert.Single(plan.Artefacts, a => a.Kind == "calendar");
        Assert.Equal("calendar/cohort-a-north-east-2027.ics", ics.Path);
        return ics.Render();
    }

    /// <summary>Unfolds (CRLF + space/tab), then splits each content line into name, parameters and unescaped value.</summary>
    static List<Dictionary<string, (string Params, string Value)>> Parse(string text, out List<string> components)
    {
        var unfolded = text.Replace("\r\n ", "").Replace("\r\n\t", "");
        var events = new List<Dictionary<string, (string, string)>>();
        components = [];
        Dictionary<string, (string, string)>? current = null;
        foreach (var line in unfolded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            var head = line[..colon];
            var value = line[(colon + 1)..];
            var semi = head.IndexOf(';');
            var name = semi < 0 ? head : head[..semi];
            var pars = semi < 0 ? "" : head[(semi + 1)..];
            if (name == "BEGIN") { components.Add(value); if (value == "VEVENT") current = []; continue; }
            if (name == "END" && value == "VEVENT") { events.Add(current!); current = null; continue; }
            current?.Add(name, (pars, Unescape(value)));
        }
        return events;
    }

    static string Unescape(string v)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < v.Length; i++)
        {
            if (v[i] == '\\' && i + 1 < v.Length)
            {
                var n = v[++i];
                sb.Append(n is 'n' or 'N' ? '\n' : n);
            }
            else sb.Append(v[i]);
        }
        return sb.ToString();
    }

    [Fact]
    public void Every_day_and_webinar_round_trips()
    {
        using var repo = new MiniRepo();
        var bytes = Build(repo);
        var text = Encoding.UTF8.GetString(bytes);
        var events = Parse(text, out var components);
        Assert.Equal(["VCALENDAR", "VTIMEZONE", "DAYLIGHT", "STANDARD", "VEVENT", "VEVENT", "VEVENT", "VEVENT"], components);
        Assert.Equal(4, events.Count);
        var (day1, wb1, day2, wb2) = (events[0], events[1], events[2], events[3]);

        // Day 1: the cohort's 09:30 start; the programme's 09:00–10:15 day shifted by 30 minutes.
        Assert.Equal(("TZID=Europe/London", "20270119T093000"), day1["DTSTART"]);
        Assert.Equal(("TZID=Europe/London", "20270119T104500"), day1["DTEND"]);
        Assert.Equal("SP: Workshop 1, day 1", day1["SUMMARY"].Value);
        Assert.Equal("Main Hall, Riverside Hospital", day1["LOCATION"].Value);
        Assert.Equal("https://meet.example.org/qcdp?room=1", day1["URL"].Value); // hybrid: the link too
        Assert.Contains("Cohort A; \"North, East\" \\ 2027\nWorkshop 1, day 1 of 2\n", day1["DESCRIPTION"].Value);

        // Day 2 in June (BST): its own 10:00 start and venue with non-ASCII text.
        Assert.Equal(("TZID=Europe/London", "20270615T100000"), day2["DTSTART"]);
        Assert.Equal(("TZID=Europe/London", "20270615T111500"), day2["DTEND"]);
        Assert.Equal("Salle d’été – Ysbyty Gwynedd, Bangor, Gwynedd, Cymru (the long room at the back)", day2["LOCATION"].Value);

        // Webinars: 90 minutes from their start, online.
        Assert.Equal(("TZID=Europe/London", "20270209T130000"), wb1["DTSTART"]);
        Assert.Equal(("TZID=Europe/London", "20270209T143000"), wb1["DTEND"]);
        Assert.Equal("SP webinar: Measurement, data & run charts", wb1["SUMMARY"].Value);
        Assert.Equal("https://meet.example.org/wb1", wb1["LOCATION"].Value);
        Assert.Equal("https://meet.example.org/wb1", wb1["URL"].Value);
        Assert.Equal(("TZID=Europe/London", "20270706T123000"), wb2["DTSTART"]); // cohort default webinar start
        Assert.Equal(("TZID=Europe/London", "20270706T140000"), wb2["DTEND"]);
        Assert.Equal("https://meet.example.org/qcdp?room=1", wb2["LOCATION"].Value);

        // Stable ids and a timestamp from the build date (the programme's release date here).
        Assert.Equal(4, events.Select(e => e["UID"].Value).Distinct().Count());
        Assert.Equal("w1-day1.cohort-a-north-east-2027.smith-jones@qcdp-builder", day1["UID"].Value);
        Assert.All(events, e => Assert.Equal("20260115T000000Z", e["DTSTAMP"].Value));
    }

    [Fact]
    public void Lines_end_in_crlf_are_at_most_75_octets_and_fold_between_characters()
    {
        using var repo = new MiniRepo();
        var bytes = Build(repo);
        Assert.DoesNotContain("\n", Encoding.UTF8.GetString(bytes).Replace("\r\n", ""));
        Assert.EndsWith("END:VCALENDAR\r\n", Encoding.UTF8.GetString(bytes));
        var start = 0;
        var folded = 0;
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || bytes[i + 1] != '\n') continue;
            Assert.InRange(i - start, 1, 75);
            // Every physical line is valid UTF-8 by itself: no fold splits a character.
            var line = new UTF8Encoding(false, true).GetString(bytes, start, i - start);
            if (line.StartsWith(' ')) folded++;
            start = i + 2;
        }
        Assert.True(folded >= 3, "the long location and descriptions are folded");
        Assert.Contains("\\,", Encoding.UTF8.GetString(bytes));
        Assert.Contains("\\;", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes_and_source_date_epoch_sets_the_stamp()
    {
        using var repo = new MiniRepo();
        var first = Build(repo);
        var again = PackageBuilder.Plan(new BuildOptions(repo.Root) { Write = false }).Artefacts.Single(a => a.Kind == "calendar").Render();
        Assert.Equal(first, again);
        var events = new[] { new CalendarEvent("a@b", new DateOnly(2027, 3, 28), new TimeOnly(9, 0), new TimeOnly(10, 0), "x", "", "", null) };
        var text = Encoding.UTF8.GetString(IcsWriter.Write("n", events, DateTimeOffset.FromUnixTimeSeconds(1800000000)));
        Assert.Contains("DTSTAMP:20270115T080000Z\r\n", text);
    }

    [Fact]
    public void Folding_counts_octets_not_characters()
    {
        var sb = new StringBuilder();
        IcsWriter.Fold(sb, "SUMMARY:" + new string('é', 60)); // 8 + 120 octets
        var lines = sb.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.Equal("SUMMARY:" + new string('é', 60), lines[0] + lines[1][1..]);
        Assert.Equal(@"a\\b\;c\,d\ne", IcsWriter.Text("a\\b;c,d\ne"));
    }
}
