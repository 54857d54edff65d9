using QcdpBuilder.Diagnostics;
using QcdpBuilder.Templates;

namespace QcdpBuilder.Tests.Templates;

/// <summary>
/// The template engine on its own: Markdown escaping, the sandbox (no .NET members, no includes
/// outside the templates folders, bounded loops and output, no clock), and errors as our diagnostics
/// with the place and a "did you mean".
/// </summary>
public sealed class TemplateEngineTests : IDisposable
{
    const string Awkward = "Smith & Jones <North> *plc*";

    static Dictionary<string, object> Data() => new()
    {
        ["org"] = new Dictionary<string, object> { ["name"] = Awkward, ["short_name"] = "S&J", ["system_wide"] = false, ["partners"] = new List<string>() },
        ["terms"] = new Dictionary<string, object> { ["coach"] = "quality coach" },
        ["sessions"] = new List<object>
        {
            new Dictionary<string, object> { ["id"] = "1.1", ["title"] = "Welcome" },
            new Dictionary<string, object> { ["id"] = "1.2", ["title"] = "Pulse check" },
        },
    };

    readonly string dir = Path.Combine(Path.GetTempPath(), "qcdp-templates-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    static (string? Text, DiagnosticBag Diagnostics) Render(string source, object? data = null, TemplateEngine? engine = null, int firstLine = 1)
    {
        var d = new DiagnosticBag();
        return ((engine ?? new TemplateEngine()).Render(source, data ?? Data(), "x.md", d, firstLine), d);
    }

    static Diagnostic Error(DiagnosticBag d) => Assert.Single(d.Items, i => i.Severity == Severity.Error);

    [Fact]
    public void Values_are_escaped_for_Markdown_so_a_name_prints_as_written()
    {
        var (text, d) = Render("At {{ org.name }}.");
        Assert.Empty(d.Items);
        Assert.Equal(@"At Smith \& Jones \<North\> \*plc\*.", text);
        Assert.Equal($"At {Awkward}.", Markdig.Markdown.ToPlainText(text!).Trim());
    }

    [Fact]
    public void Raw_inserts_a_value_as_Markdown_and_plain_text_is_not_escaped()
    {
        Assert.Equal($"At {Awkward}.", Render("At {{ org.name | raw }}.").Text);
        var d = new DiagnosticBag();
        Assert.Equal($"Become a {Awkward} quality coach", new TemplateEngine().RenderPlain("Become a {{ org.name }} {{ terms.coach }}", Data(), "x.yaml", d));
    }

    [Fact]
    public void Loops_conditions_and_literal_braces()
    {
        var (text, d) = Render("{{~ for s in sessions ~}}\n- {{ s.id }} {{ s.title }}\n{{~ end ~}}\n{{ if org.partners }}partners{{ else }}none{{ end }} \\{{ org.name }}");
        Assert.Empty(d.Items);
        Assert.Equal("- 1\\.1 Welcome\n- 1\\.2 Pulse check\nnone {{ org.name }}", text);
    }

    [Fact]
    public void An_unknown_variable_is_an_error_at_its_place_with_did_you_mean()
    {
        var (text, d) = Render("First line\n  at {{ orgg.name }}", firstLine: 10);
        Assert.Null(text);
        var e = Error(d);
        Assert.Equal(("x.md", 11, 9, "QCDP701", "unknown placeholder 'orgg'", "did you mean 'org'?"), (e.File, e.Line, e.Column, e.Rule, e.Message, e.Hint));
    }

    [Fact]
    public void An_unknown_field_is_an_error_with_the_nearest_field()
    {
        var e = Error(Render("{{ org.nmae }}").Diagnostics);
        Assert.Equal((1, 8, "unknown placeholder 'org.nmae'", "did you mean 'org.name'?"), (e.Line, e.Column, e.Message, e.Hint));
        var far = Error(Render("{{ org.zzzzzzzzzz }}").Diagnostics);
        Assert.Equal("'org' has: name, partners, short_name, system_wide", far.Hint);
    }

    [Fact]
    public void A_syntax_error_is_reported_at_its_place()
    {
        var e = Error(Render("Title\n\n{{ for s in sessions }}\n- {{ s.id }\n{{ end }}").Diagnostics);
        Assert.Equal(("x.md", 4, 11, "QCDP702"), (e.File, e.Line, e.Column, e.Rule)); // the lone }
        Assert.StartsWith("template error: ", e.Message);
        var old = Error(Render("{{ org.name }}\n{{#if org.system_wide}}x{{/if}}").Diagnostics);
        Assert.Equal((2, 1, "template error: '{{#if' is Handlebars, which templates no longer use"), (old.Line, old.Column, old.Message));
        // Alone, "{{#each}}" would be a Scriban comment and vanish; it is an error instead.
        Assert.Equal("QCDP702", Error(Render("Text\n{{#each}}\n").Diagnostics).Rule);
        Assert.Contains("not Handlebars", Error(Render("{{ org.name }}{{/if}}").Diagnostics).Hint);
    }

    [Fact]
    public void Dotnet_members_are_out_of_reach()
    {
        var data = Data();
        data["thing"] = new Uri("https://example.org/a");
        // A .NET value reaches a template only as its text; text has no members.
        Assert.Equal("https://example\\.org/a", Render("{{ thing }}", data).Text);
        foreach (var source in new[] { "{{ thing.Host }}", "{{ org.name.Length }}", "{{ org.GetType }}", "{{ sessions.Count }}" })
            Assert.Equal("QCDP701", Error(Render(source, data).Diagnostics).Rule);
    }

    [Theory]
    [InlineData("{{ import org }}", "'import' is not available")]
    [InlineData("{{ include 'facilitator-guide.md.sbn' }}", "'include' is not available")]
    [InlineData("{{ date.now }}", "unknown placeholder 'date'")]
    [InlineData("{{ math.random 1 6 }}", "unknown placeholder 'math.random'")]
    [InlineData("{{ object.eval '1 + 1' }}", "unknown placeholder 'object.eval'")]
    public void Content_cannot_import_include_read_the_clock_or_evaluate_text(string source, string message)
    {
        Assert.Contains(message, Error(Render(source).Diagnostics).Message);
    }

    [Fact]
    public void Loops_are_bounded()
    {
        var e = Error(Render("{{ while true }}x{{ end }}").Diagnostics);
        Assert.Equal(("QCDP702", 1, "a template may repeat at most 20000 times in all"), (e.Rule, e.Line, e.Hint));
    }

    [Fact]
    public void Output_is_bounded_and_never_silently_cut()
    {
        var (text, d) = Render("{{ for i in 1..19000 }}{{ '' | string.pad_left 300 }}{{ end }}");
        Assert.Null(text);
        Assert.Equal($"a template may produce at most {4_000_000} characters", Error(d).Hint);
    }

    [Fact]
    public void Recursion_is_bounded()
    {
        var e = Error(Render("{{ func f }}{{ f }}{{ end }}{{ f }}").Diagnostics);
        Assert.Equal("QCDP702", e.Rule);
    }

    [Fact]
    public void A_template_cannot_change_the_data_the_next_render_sees()
    {
        var engine = new TemplateEngine();
        var data = Data();
        Render("{{ org.name = 'changed' }}{{ sessions[0] = 'x' }}", data, engine);
        Assert.Equal(TemplateEngine.EscapeMarkdown(Awkward) + " 1\\.1", Render("{{ org.name }} {{ sessions[0].id }}", data, engine).Text);
    }

    [Fact]
    public void Includes_come_from_the_overlay_then_the_shared_templates_and_nowhere_else()
    {
        var shared = Path.Combine(dir, "templates");
        var overlay = Path.Combine(dir, "organisations", "x", "templates");
        var outside = Path.Combine(dir, "outside");
        foreach (var d in new[] { shared, overlay, outside }) Directory.CreateDirectory(d);
        File.WriteAllText(Path.Combine(shared, "header.md.sbn"), "shared {{ org.name }}");
        File.WriteAllText(Path.Combine(shared, "footer.md.sbn"), "shared footer");
        File.WriteAllText(Path.Combine(overlay, "header.md.sbn"), "ours {{ org.short_name }}");
        File.WriteAllText(Path.Combine(outside, "secret.md.sbn"), "SECRET");
        File.CreateSymbolicLink(Path.Combine(shared, "linked.md.sbn"), Path.Combine(outside, "secret.md.sbn"));
        var engine = new TemplateEngine(TemplateIncludes.For(dir, overlay));

        string? Run(string source, DiagnosticBag d) => engine.RenderTemplate(source, Data(), "templates/guide.md.sbn", d);
        var ok = new DiagnosticBag();
        // The included text is Markdown already: its values are escaped once, not twice.
        Assert.Equal("ours S\\&J / shared footer", Run("{{ include 'header.md.sbn' }} / {{ include 'footer.md.sbn' }}", ok));
        Assert.Empty(ok.Items);

        foreach (var name in new[] { "linked.md.sbn", "../../../outside/secret.md.sbn", Path.Combine(outside, "secret.md.sbn"), "missing.md.sbn" })
        {
            var d = new DiagnosticBag();
            Assert.Null(Run($"Text\n{{{{ include '{name}' }}}}", d));
            var e = Error(d);
            Assert.Equal(("templates/guide.md.sbn", 2, "QCDP702", $"template error: cannot include '{name}'"), (e.File, e.Line, e.Rule, e.Message));
            Assert.DoesNotContain("SECRET", e.ToString());
        }
    }

    [Fact]
    public void An_error_in_an_included_template_names_that_template()
    {
        var shared = Path.Combine(dir, "templates");
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(shared, "part.md.sbn"), "line one\n{{ org.nmae }}");
        var engine = new TemplateEngine(TemplateIncludes.For(dir, null));
        var d = new DiagnosticBag();
        Assert.Null(engine.RenderTemplate("{{ include 'part.md.sbn' }}", Data(), "templates/guide.md.sbn", d));
        var e = Error(d);
        Assert.Equal(("templates/part.md.sbn", 2, 8, "unknown placeholder 'org.nmae'"), (e.File, e.Line, e.Column, e.Message));
    }
}
