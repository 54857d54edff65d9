using System.Text;
using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Markdown;
using QcdpBuilder.Templates;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Pipeline;

/// <summary>Golden files for the content loader and the Markdown-to-model step.</summary>
public class ModelGoldenTests
{
    static (Programme, Organisation, DiagnosticBag, ContentLoader) Load(MiniRepo repo)
    {
        var d = new DiagnosticBag();
        var loader = new ContentLoader(repo.Root, d);
        var p = loader.LoadProgramme()!;
        var org = loader.LoadOrganisation(repo.PathOf(MiniRepo.Profile))!;
        ContentRules.Check(p, org, d);
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        return (p, org, d, loader);
    }

    [Fact]
    public void Content_loader()
    {
        using var repo = new MiniRepo();
        var (p, org, _, _) = Load(repo);
        var sb = new StringBuilder();
        sb.Append($"programme «{p.Title}» {p.ShortTitle} v{p.Version} {p.ReleaseDate:yyyy-MM-dd} {p.Licence}\n");
        foreach (var w in p.Workstreams)
        {
            sb.Append($"workstream {w.Number} {w.Id} «{w.Title}» folder={w.Folder}\n");
            foreach (var o in w.Outcomes) sb.Append($"  outcome {o.Id} «{o.Text}» at {o.At}\n");
            foreach (var s in w.Sessions)
            {
                sb.Append($"  session {s.Id} {s.Slug} «{s.Title}» {s.Kind} {s.Duration}min outcomes={string.Join(",", s.Outcomes)} handouts={string.Join(",", s.Handouts)} when=«{Schedule.When(p, s, org)}»\n");
                var times = Schedule.ActivityTimes(p, s);
                for (var i = 0; i < s.Activities.Count; i++)
                    sb.Append($"    {times[i].Start}-{times[i].End} {s.Activities[i].Minutes} {s.Activities[i].Method} «{s.Activities[i].Title}»\n");
            }
        }
        foreach (var w in p.Workshops)
            foreach (var day in w.Days)
                sb.Append($"{w.Id} day {day.Number} {day.Start:HH:mm}-{day.End:HH:mm}: {string.Join(", ", day.Items.Select(i => i.Kind == DayItemKind.Session ? i.SessionId : $"{i.Kind} {i.Minutes}"))}\n");
        foreach (var h in p.Handouts) sb.Append($"handout {h.Id} «{h.Title}» session={h.SessionId}\n");
        sb.Append($"contract «{p.Contract!.Title}»\n");
        sb.Append($"org «{org.Name}» «{org.ShortName}» slug={org.Slug} paper={org.Paper} logo={Path.GetFileName(org.LogoPath)} cohort=«{org.Cohort.Name}» {org.Cohort.Delivery}\n");
        sb.Append($"terms {string.Join(", ", org.Terminology.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}"))}\n");
        Golden.Verify("model-content-loader", sb.ToString());
    }

    [Fact]
    public void Markdown_to_model_for_handouts_slides_and_notes()
    {
        using var repo = new MiniRepo();
        var (p, org, d, loader) = Load(repo);
        var templates = new TemplateEngine();
        var data = TemplateData.ForContent(org, p);
        var reader = new MarkdownReader(repo.Root, d);
        string Md(string rel) => templates.Render(File.ReadAllText(repo.PathOf(rel)), data, rel, d)!;

        var sb = new StringBuilder("== handout\n");
        sb.Append(DocumentDump.Dump(reader.Parse(Md(MiniRepo.Handout), repo.PathOf(MiniRepo.Handout)), repo.Root));
        sb.Append("== contract\n");
        sb.Append(DocumentDump.Dump(reader.Parse(Md("content/contracts/applicant-contract.md"), repo.PathOf("content/contracts/applicant-contract.md")), repo.Root));
        var notes = "content/workstreams/01-sample/sessions/1.1-first-session/facilitator-notes.md";
        sb.Append("== facilitator notes\n");
        sb.Append(DocumentDump.Dump(reader.Parse(Md(notes), repo.PathOf(notes)), repo.Root));
        sb.Append("== slides\n");
        var deck = SlideBuilder.Build("Session 1.1: First session", "Sample", reader.Parse(Md(MiniRepo.Slides), repo.PathOf(MiniRepo.Slides)), MiniRepo.Slides, d);
        sb.Append(DocumentDump.Dump(deck, repo.Root));
        Assert.False(d.HasErrors, string.Join("\n", d.Items));
        Golden.Verify("model-markdown", sb.ToString());
    }
}
