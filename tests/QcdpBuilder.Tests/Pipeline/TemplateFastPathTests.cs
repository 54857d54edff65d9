using QcdpBuilder.Pipeline;
using QcdpBuilder.Build;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Organisations;
using QcdpBuilder.Templates;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>
/// Texts that only use placeholders are filled without Handlebars (a speed fast path); these tests
/// hold it to giving exactly what Handlebars gives, text and diagnostics, on every real file and on edge cases.
/// </summary>
public class TemplateFastPathTests
{
    static readonly TemplateEngine Fast = new();
    static readonly TemplateEngine Handlebars = new() { HandlebarsOnly = true };

    static Dictionary<string, object> Data(string org)
    {
        var d = new DiagnosticBag();
        var content = OrganisationContent.Load(RepoPaths.Root, org, d, ProfileFileChecks.All)!;
        return TemplateData.ForContent(content.Organisation, content.Programme);
    }

    static (string? Text, string Diagnostics) Render(TemplateEngine engine, string source, object data, bool plain = false)
    {
        var d = new DiagnosticBag();
        var text = plain ? engine.RenderPlain(source, data, "x.md", d) : engine.Render(source, data, "x.md", d);
        return (text, string.Join("\n", d.Items));
    }

    [Theory]
    [InlineData("northfield")]
    [InlineData("three-rivers")]
    public void Every_content_file_fills_as_Handlebars_fills_it(string org)
    {
        var data = Data(org);
        var files = new[] { "content", "organisations" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, dir), "*.md", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal).ToList();
        var withPlaceholders = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (text.Contains("{{")) withPlaceholders++;
            Assert.Equal(Render(Handlebars, text, data), Render(Fast, text, data));
            Assert.Equal(Render(Handlebars, text, data, plain: true), Render(Fast, text, data, plain: true));
        }
        Assert.True(withPlaceholders > 20, $"only {withPlaceholders} files use placeholders");
    }

    [Theory]
    [InlineData("Hello {{org.name}}, {{ terms.coach }}!")]
    [InlineData("{{{cohort.dates}}} and {{cohort.dates}}")]
    [InlineData("Escaped \\{{org.name}} stays; }} alone stays; {{org.name}}")]
    [InlineData("{{org.nmae}} is unknown")]
    [InlineData("{{org.name")]
    [InlineData("{{#if org.system_wide}}wide{{else}}local{{/if}} {{org.name}}")]
    [InlineData("{{! a comment }}{{org.name}}")]
    [InlineData("{{~org.name~}} trimmed")]
    [InlineData("{{org.system_wide}} is not text")]
    [InlineData("{{org.contact}} is a map")]
    [InlineData("{{this}} and {{else}}")]
    [InlineData("{{org.name.Length}}")]
    [InlineData("{{lookup org 'name'}}")]
    [InlineData("{{> partial}}")]
    [InlineData("{{{org.name}}} {{{org.name}}")]
    [InlineData("{{\torg.name}}")]
    [InlineData("")]
    public void Edge_cases_fill_as_Handlebars_fills_them(string source)
    {
        var data = new Dictionary<string, object>
        {
            ["org"] = new Dictionary<string, object>
            {
                ["name"] = "Smith & Jones <North> *Trust* [1]", ["system_wide"] = true,
                ["contact"] = new Dictionary<string, object> { ["email"] = "a_b@example.org" },
            },
            ["terms"] = new Dictionary<string, object> { ["coach"] = "QI coach" },
            ["cohort"] = new Dictionary<string, object> { ["dates"] = "| a | b |\n|---|---|\n| 1 | 2 |\n" },
        };
        Assert.Equal(Render(Handlebars, source, data), Render(Fast, source, data));
        Assert.Equal(Render(Handlebars, source, data, plain: true), Render(Fast, source, data, plain: true));
    }
}
