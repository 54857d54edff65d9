using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Pipeline;
using QcdpBuilder.Templates;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Templates;

/// <summary>
/// The template catalogue against the code: every template in templates/ is in it, the names it lists are exactly
/// the names the build passes each template (built for the bundled content and the mini fixture, and walked), and
/// the data model in templates/README.md is the one generated from it.
/// </summary>
public sealed class TemplateCatalogueTests
{
    const string Start = "<!-- template-data:start -->", End = "<!-- template-data:end -->";

    static ContentSession Open(string root)
    {
        var diagnostics = new DiagnosticBag();
        var session = ContentSession.Open(root, null, diagnostics);
        Assert.NotNull(session);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return session;
    }

    [Fact]
    public void Every_template_in_templates_is_catalogued()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "templates"), "*.sbn").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(files, TemplateCatalogue.All.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(TemplateCatalogue.All.Count, TemplateCatalogue.All.Select(t => t.Name).Distinct().Count());
    }

    [Fact]
    public void The_catalogue_lists_exactly_the_data_each_template_receives()
    {
        using var mini = new MiniRepo();
        var walked = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var session in new[] { Open(RepoPaths.Root), Open(mini.Root) })
            foreach (var t in TemplateCatalogue.All)
            {
                // The mini fixture has no programme document, say; the bundled content has one of everything.
                if (TemplateSamples.Data(session, t.Name) is not { } data)
                {
                    Assert.True(session.Root != RepoPaths.Root, $"no sample data for {t.Name}: add it to TemplateSamples.Data");
                    continue;
                }
                Assert.Equal(t.Data.Order(StringComparer.Ordinal), data.Keys.Order(StringComparer.Ordinal));
                walked.UnionWith(TemplateCatalogue.Paths(data));
            }
        var undescribed = walked.Except(TemplateCatalogue.Fields.Keys).ToList();
        var stale = TemplateCatalogue.Fields.Keys.Except(walked).ToList();
        Assert.True(undescribed.Count == 0, $"describe these in TemplateCatalogue.Fields: {string.Join(", ", undescribed)}");
        Assert.True(stale.Count == 0, $"templates no longer receive these; remove them from TemplateCatalogue.Fields: {string.Join(", ", stale)}");
    }

    [Fact]
    public void Paths_walk_groups_and_lists_of_groups_but_not_open_groups()
    {
        var data = new Dictionary<string, object>
        {
            ["a"] = new Dictionary<string, object> { ["b"] = "x" },
            ["l"] = new List<object> { new Dictionary<string, object> { ["c"] = 1 }, new Dictionary<string, object> { ["d"] = 2 } },
            ["terms"] = new Dictionary<string, object> { ["coach"] = "coach" },
            ["s"] = new List<string> { "text" },
        };
        Assert.Equal(["a", "a.b", "l", "l[].c", "l[].d", "s", "terms"], TemplateCatalogue.Paths(data));
    }

    /// <summary>The generated section of templates/README.md; <c>QCDP_WRITE_DOCS=1</c> rewrites it.</summary>
    [Fact]
    public void TemplateDocs_in_the_readme_are_generated_from_the_catalogue()
    {
        var file = Path.Combine(RepoPaths.Root, "templates", "README.md");
        var text = File.ReadAllText(file).Replace("\r\n", "\n");
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"templates/README.md needs a section between {Start} and {End}");
        var expected = text[..(from + Start.Length)] + "\n" + TemplateCatalogue.Markdown() + text[to..];
        if (Environment.GetEnvironmentVariable("QCDP_WRITE_DOCS") == "1") { File.WriteAllText(file, expected); return; }
        Assert.True(expected == text,
            "templates/README.md's data model differs from TemplateCatalogue; update it with: QCDP_WRITE_DOCS=1 dotnet test tests/QcdpBuilder.Tests --filter TemplateDocs");
    }

    /// <summary>Each shared template's Markdown for the mini fixture, against its golden file (QCDP_ACCEPT_GOLDEN=1 accepts a change).</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Each_template_renders_the_mini_fixture_as_its_golden_file(string name)
    {
        using var mini = new MiniRepo();
        // The fixture has no programme document of its own: this copy gets one, with placeholders in its title and text.
        mini.Write("content/materials/welcome-letter.md", "---\ntitle: Welcome to {{ org.short_name }}\nkind: comms\naudience: New coaches\n---\nDear colleague, welcome to the {{ programme.title }}.\n");
        var diagnostics = new DiagnosticBag();
        var session = ContentSession.Open(mini.Root, null, diagnostics)!;
        var markdown = TemplateSamples.Markdown(session, name);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.NotNull(markdown);
        Assert.Equal(Path.Combine(mini.Root, "templates", name), session.TemplatePath(name));
        Golden.Verify("template-" + name.Replace(".md.sbn", ""), markdown);
    }

    public static TheoryData<string> Names() => new(TemplateCatalogue.All.Select(t => t.Name));
}
