using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Scaffolding;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Validation;

/// <summary><c>qcdp new session</c> and <c>qcdp new handout</c>: linked, valid, next free id, never overwriting.</summary>
public class ScaffoldTests
{
    static List<Diagnostic> Validate(MiniRepo repo) => PackageBuilder.Run(new BuildOptions(repo.Root) { Write = false }).Diagnostics.Sorted().ToList();

    [Fact]
    public void A_new_session_is_listed_valid_and_takes_the_next_free_id()
    {
        using var repo = new MiniRepo();
        var result = Scaffold.Session(repo.Root, "01-sample", "Coaching in a crisis");
        Assert.Null(result.Error);
        const string dir = "content/workstreams/01-sample/sessions/1.2-coaching-in-a-crisis";
        Assert.Equal([$"{dir}/session.yaml", $"{dir}/slides.md", $"{dir}/facilitator-notes.md"], result.Created);
        Assert.Equal([MiniRepo.Workstream], result.Changed);
        Assert.Contains("sessions: [\"1.1\", \"1.2\"]", File.ReadAllText(repo.PathOf(MiniRepo.Workstream)));

        // Valid as it stands: no errors; the only warning asks for it to be put on a day.
        var found = Validate(repo);
        Assert.DoesNotContain(found, d => d.Severity == Severity.Error);
        var w = Assert.Single(found, d => d.File.StartsWith(dir, StringComparison.Ordinal));
        Assert.Equal(Rules.Unscheduled.Id, w.Rule);
        // And valid against the editor's schema.
        var schema = File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", "session.schema.json"));
        Assert.Empty(JsonSchemaValidator.Validate(File.ReadAllText(repo.PathOf($"{dir}/session.yaml")), schema));

        // By number or id, the next one is 1.3.
        Assert.Equal("content/workstreams/01-sample/sessions/1.3-new-session/session.yaml", Scaffold.Session(repo.Root, "1").Created[0]);
        Assert.Contains("\"1.3\"", File.ReadAllText(repo.PathOf(MiniRepo.Workstream)));
    }

    [Fact]
    public void A_new_session_never_overwrites()
    {
        using var repo = new MiniRepo();
        // Someone's unfinished folder takes the id 1.2: the new session goes round it.
        repo.Write("content/workstreams/01-sample/sessions/1.2-new-session/notes.txt", "mine");
        var result = Scaffold.Session(repo.Root, "sample");
        Assert.Equal("content/workstreams/01-sample/sessions/1.3-new-session/session.yaml", result.Created[0]);
        Assert.Equal(["notes.txt"], Directory.GetFiles(repo.PathOf("content/workstreams/01-sample/sessions/1.2-new-session")).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(repo.PathOf("content/workstreams/01-sample/sessions/1.2-new-session/notes.txt")));

        var before = File.ReadAllText(repo.PathOf(MiniRepo.Workstream));
        Assert.StartsWith("no workstream 'no-such-workstream'", Scaffold.Session(repo.Root, "no-such-workstream").Error);
        Assert.Equal(before, File.ReadAllText(repo.PathOf(MiniRepo.Workstream)));
    }

    [Fact]
    public void A_new_handout_is_listed_by_its_session_and_valid()
    {
        using var repo = new MiniRepo();
        var result = Scaffold.Handout(repo.Root, "1.1", "Crisis coaching card");
        Assert.Null(result.Error);
        Assert.Equal(["content/workstreams/01-sample/handouts/crisis-coaching-card.md"], result.Created);
        Assert.Contains("handouts: [sample-worksheet, crisis-coaching-card]", File.ReadAllText(repo.PathOf(MiniRepo.Session)));
        Assert.DoesNotContain(Validate(repo), d => d.Severity == Severity.Error || d.File.EndsWith("crisis-coaching-card.md", StringComparison.Ordinal));

        // The same name again is refused, and nothing changes.
        var session = File.ReadAllText(repo.PathOf(MiniRepo.Session));
        Assert.StartsWith("a handout named 'crisis-coaching-card' already exists", Scaffold.Handout(repo.Root, "1.1", "Crisis coaching card").Error);
        Assert.Equal(session, File.ReadAllText(repo.PathOf(MiniRepo.Session)));
        Assert.Equal("no session with id '9.9' in content/workstreams/*/sessions/", Scaffold.Handout(repo.Root, "9.9").Error);
    }

    [Fact]
    public void A_new_handout_for_a_new_session_adds_its_list()
    {
        using var repo = new MiniRepo();
        Scaffold.Session(repo.Root, "01-sample");
        var session = "content/workstreams/01-sample/sessions/1.2-new-session/session.yaml";
        repo.Edit(session, s => string.Join("\n", s.Split('\n').Where(l => !l.StartsWith("handouts:", StringComparison.Ordinal))));
        Assert.Null(Scaffold.Handout(repo.Root, "1.2").Error);
        Assert.Contains("handouts: [worksheet]\nactivities:", File.ReadAllText(repo.PathOf(session)));
        Assert.DoesNotContain(Validate(repo), d => d.Severity == Severity.Error);
    }
}
