using System.Collections;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Organisations;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Organisations;

/// <summary>Customising makes a new model: the programme as loaded stays as it was read.</summary>
public class CustomiseTests
{
    static (Programme Loaded, Organisation Org) Load(string org)
    {
        var d = new DiagnosticBag();
        var content = OrganisationContent.Load(RepoPaths.Root, org, d, QcdpBuilder.Pipeline.ProfileFileChecks.All)!;
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        return (content.Programme, content.Organisation);
    }

    static string Shape(Programme p) => string.Join("\n",
        p.Workstreams.Select(w => $"{w.Id}: {string.Join(" ", w.Sessions.Select(s => s.Id))}")
            .Concat(p.Workshops.SelectMany(w => w.Days).Select(d => $"day {d.Number} {d.Start}-{d.End}: {string.Join(" ", d.Items.Select(i => i.SessionId ?? i.Kind.ToString()))}"))
            .Concat(p.Webinars.Select(w => "webinar " + w.SessionId)).Concat(p.Handouts.Select(h => "handout " + h.Id))
            .Append($"excluded: {string.Join(" ", p.ExcludedSessions.Select(x => x.Session.Id))} {string.Join(" ", p.ExcludedWorkstreams.Select(w => w.Id))}"));

    [Fact]
    public void Three_rivers_customised_is_a_new_programme_and_the_loaded_one_is_unchanged()
    {
        var (loaded, org) = Load("three-rivers");
        var before = Shape(loaded);

        var customised = Customiser.Customise(loaded, org, new DiagnosticBag());

        Assert.Equal(before, Shape(loaded));
        Assert.NotEqual(before, Shape(customised)); // it excludes 6.2 and adds a local session in its slot
        Assert.Contains(loaded.Sessions, s => s.Id == "6.2");
        Assert.DoesNotContain(customised.Sessions, s => s.Id == "6.2");
        Assert.Contains(customised.ExcludedSessions, x => x.Session.Id == "6.2");
        // Every customised session belongs to its own copy of its workstream.
        Assert.All(customised.Workstreams, w => Assert.All(w.Sessions, s => Assert.Same(w, s.Workstream)));
        Assert.Empty(customised.Sessions.Intersect(loaded.Sessions));
    }

    [Fact]
    public void A_copy_has_every_property_of_the_original_and_shares_no_list()
    {
        var (loaded, _) = Load("three-rivers");
        var copy = loaded.Copy();
        // Every public property, found by reflection, so a property added later and left out of Copy fails here.
        void Same(object original, object copied, string path)
        {
            foreach (var prop in original.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            {
                var (a, b) = (prop.GetValue(original), prop.GetValue(copied));
                var at = $"{path}.{prop.Name}";
                if (a is null || a is string || a.GetType().IsValueType || prop.Name == nameof(Session.Workstream)) { if (prop.Name != nameof(Session.Workstream)) Assert.True(Equals(a, b), at); continue; }
                if (a is IEnumerable list && a is not string)
                {
                    var (xs, ys) = (list.Cast<object>().ToList(), ((IEnumerable)b!).Cast<object>().ToList());
                    if (a is IList or ISet<string>) Assert.False(ReferenceEquals(a, b), $"{at} is shared");
                    Assert.Equal(xs.Count, ys.Count);
                    for (var i = 0; i < xs.Count; i++)
                        if (xs[i] is Workstream or Session) Same(xs[i], ys[i], $"{at}[{i}]");
                        else Assert.Equivalent(xs[i], ys[i], strict: true);
                    continue;
                }
                Assert.Equal(a, b); // records (the contract)
            }
        }
        Same(loaded, copy, "programme");
    }
}
