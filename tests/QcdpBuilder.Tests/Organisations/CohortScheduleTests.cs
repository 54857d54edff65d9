using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Organisations;

/// <summary>The cohort schedule: short and long forms of days and webinars, and their errors.</summary>
public class CohortScheduleTests
{
    const string Cohort = """
        cohort:
          name: Cohort A
          delivery: hybrid
          start: "09:15"
          venue: Main Hall
          online_link: https://meet.example.org/qcdp
          facilitators: [Siân Evans, Łukasz Nowak]
          workshops:
            W1:
              - "2027-01-19"
              - { date: "2027-01-20", start: "09:30", venue: Room 2 }
          webinars:
            Wb1: { date: "2027-02-09", start: "12:30" }
            Wb2: "2027-02-23"
        """;

    static (Organisation? Org, DiagnosticBag Diagnostics) Load(MiniRepo repo, string cohort)
    {
        var profile = repo.PathOf(MiniRepo.Profile);
        var text = File.ReadAllText(profile);
        File.WriteAllText(profile, text[..text.IndexOf("cohort:", StringComparison.Ordinal)] + cohort + "\n" + text[text.IndexOf("terminology:", StringComparison.Ordinal)..]);
        var bag = new DiagnosticBag();
        return (new ContentLoader(repo.Root, bag).LoadOrganisation(profile), bag);
    }

    [Fact]
    public void Days_and_webinars_take_short_and_long_forms()
    {
        using var repo = new MiniRepo();
        var (org, bag) = Load(repo, Cohort);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        var c = org!.Cohort;
        Assert.Equal("hybrid", c.Delivery);
        Assert.Equal(new TimeOnly(9, 15), c.Start);
        Assert.Equal(["Siân Evans", "Łukasz Nowak"], c.Facilitators);
        Assert.Equal(new CohortDay(new DateOnly(2027, 1, 19), null, "", "", c.Workshops["W1"][0].At), c.Workshops["W1"][0]);
        var day2 = c.Day("W1", 1)!;
        Assert.Equal((new DateOnly(2027, 1, 20), new TimeOnly(9, 30), "Room 2"), (day2.Date, day2.Start, day2.Venue));
        Assert.Null(c.Day("W1", 2));
        Assert.Equal(new TimeOnly(12, 30), c.Webinars["Wb1"].Start);
        Assert.Equal(new DateOnly(2027, 2, 23), c.WebinarDates["Wb2"].Date);
    }

    [Fact]
    public void Bad_times_dates_and_modes_are_reported_where_they_are()
    {
        using var repo = new MiniRepo();
        var (_, bag) = Load(repo, Cohort.Replace("start: \"09:30\"", "start: 9.30").Replace("delivery: hybrid", "delivery: online").Replace("\"2027-02-23\"", "\"2027-02-30\""));
        var errors = bag.Sorted().Select(d => $"{d.Line}:{d.Column} {d.Message}").ToList();
        Assert.Contains(errors, e => e.EndsWith("delivery must be 'in-person', 'virtual' or 'hybrid', not 'online'"));
        Assert.Contains(errors, e => e.EndsWith("'9.30' is not a time"));
        Assert.Contains(errors, e => e.EndsWith("'2027-02-30' is not a date"));
        Assert.Equal(3, errors.Count);
    }
}
