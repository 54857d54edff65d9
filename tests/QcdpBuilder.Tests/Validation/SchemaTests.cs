using System.Text.Json;
using System.Text.RegularExpressions;
using QcdpBuilder.Content;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Validation;

/// <summary>The JSON schemas in schemas/: generated from ContentSchema, committed, and true of every YAML file in the content.</summary>
public class SchemaTests
{
    static string Root => RepoPaths.Root;

    static string SchemaText(string kind) => File.ReadAllText(Path.Combine(Root, "schemas", $"{kind}.schema.json"));

    /// <summary>Files under <paramref name="root"/> matching a glob in which * stands for one path segment.</summary>
    static IEnumerable<string> Matching(string root, string glob)
    {
        var rx = new Regex("^" + string.Join("[^/]*", glob.Split('*').Select(Regex.Escape)) + "$");
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Where(f => rx.IsMatch(f)).Order(StringComparer.Ordinal);
    }

    [Fact]
    public void Committed_schemas_match_the_content_model()
    {
        foreach (var (path, text) in JsonSchemaWriter.All())
        {
            var full = Path.Combine(Root, path);
            Assert.True(File.Exists(full), $"{path} is missing: run `qcdp schema` and commit it");
            Assert.True(File.ReadAllText(full) == text, $"{path} is out of date: run `qcdp schema` and commit it");
        }
        var written = Directory.GetFiles(Path.Combine(Root, "schemas"), "*.schema.json").Select(f => "schemas/" + Path.GetFileName(f)).Order();
        Assert.Equal(ContentSchema.FileKinds.Select(k => k.SchemaFile).Order(), written);
    }

    [Fact]
    public void Every_yaml_file_in_the_content_validates_against_its_schema()
    {
        var checkedFiles = 0;
        foreach (var kind in ContentSchema.FileKinds)
            foreach (var glob in kind.Globs)
                foreach (var file in Matching(Root, glob).Where(f => !f.StartsWith("tests/", StringComparison.Ordinal)))
                {
                    var errors = JsonSchemaValidator.Validate(File.ReadAllText(Path.Combine(Root, file)), SchemaText(kind.Name));
                    Assert.True(errors.Count == 0, $"{file}:\n{string.Join("\n", errors)}");
                    checkedFiles++;
                }
        // Every YAML file in content/ has a schema.
        var all = Directory.EnumerateFiles(Path.Combine(Root, "content"), "*.yaml", SearchOption.AllDirectories).Count();
        Assert.Equal(all, ContentSchema.FileKinds.SelectMany(k => k.Globs).SelectMany(g => Matching(Root, g)).Count(f => f.StartsWith("content/", StringComparison.Ordinal)));
        Assert.True(checkedFiles >= 40, $"only {checkedFiles} files checked");
    }

    [Fact]
    public void The_test_fixture_validates_too()
    {
        var mini = Path.Combine(Root, "tests", "QcdpBuilder.Tests", "Fixtures", "mini");
        foreach (var kind in ContentSchema.FileKinds)
            foreach (var file in kind.Globs.SelectMany(g => Matching(mini, g)))
                Assert.Empty(JsonSchemaValidator.Validate(File.ReadAllText(Path.Combine(mini, file)), SchemaText(kind.Name)));
    }

    [Fact]
    public void A_misspelled_key_is_rejected_by_the_schema_and_the_loader()
    {
        var session = File.ReadAllText(Path.Combine(Root, "tests", "QcdpBuilder.Tests", "Fixtures", "mini", MiniRepo.Session));
        var errors = JsonSchemaValidator.Validate(session.Replace("summary:", "sumary:"), SchemaText("session"));
        Assert.Equal(["$: unknown key 'sumary'"], errors);

        var activity = JsonSchemaValidator.Validate(session.Replace("    virtual: Use the chat.", "    virtaul: Use the chat."), SchemaText("session"));
        Assert.Equal(["$.activities[0]: unknown key 'virtaul'"], activity);

        var method = JsonSchemaValidator.Validate(session.Replace("method: trios", "method: threes"), SchemaText("session"));
        Assert.Single(method, m => m.StartsWith("$.activities[1].method: 'threes' is not one of"));

        var organisation = File.ReadAllText(Path.Combine(Root, "organisations", "northfield", "organisation.yaml"));
        Assert.Equal(["$.cohort: unknown key 'deliverey'"], JsonSchemaValidator.Validate(organisation.Replace("  delivery:", "  deliverey:"), SchemaText("organisation")));
        Assert.Equal(["$.cohort.workshops.W1[2]: matches 0 of the 2 allowed forms, not exactly one"],
            JsonSchemaValidator.Validate(organisation.Replace("{ date: \"2027-01-21\", venue:", "{ date: \"2027-01-21\", vnue:"), SchemaText("organisation")));
    }

    [Fact]
    public void Editors_find_the_schemas_through_vscode_settings_and_modelines()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, ".vscode", "settings.json")));
        var mapping = settings.RootElement.GetProperty("yaml.schemas");
        foreach (var kind in ContentSchema.FileKinds)
        {
            var globs = mapping.GetProperty("./" + kind.SchemaFile).EnumerateArray().Select(g => g.GetString()).ToList();
            Assert.Equal(kind.Globs.Select(g => "/" + g), globs);
        }
        Assert.Equal(ContentSchema.FileKinds.Count, mapping.EnumerateObject().Count());

        // A modeline, where a file has one, names the same schema as the mapping (relative to the file).
        foreach (var kind in ContentSchema.FileKinds)
            foreach (var file in kind.Globs.SelectMany(g => Matching(Root, g)))
            {
                var first = File.ReadLines(Path.Combine(Root, file)).First();
                if (!first.StartsWith("# yaml-language-server:", StringComparison.Ordinal)) continue;
                var target = first.Split("$schema=")[1].Trim();
                var resolved = Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(file)!, target))).Replace('\\', '/');
                Assert.True(resolved == kind.SchemaFile, $"{file} names {target}, not {kind.SchemaFile}");
            }
    }
}
