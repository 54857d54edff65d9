using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Templates;

/// <summary>
/// Fills placeholders ("{{org.qi_platform}}") in the short texts that come from YAML rather than
/// Markdown: a workstream's aim, prerequisites and indicative content, a session's summary,
/// preparation and materials. They are plain text, so values go in as they are; every writer then
/// escapes them for its own format. Done once, in the customise step, so no writer can forget it.
/// </summary>
public static class YamlText
{
    public static void FillPlaceholders(Programme programme, object data, TemplateEngine templates, DiagnosticBag diagnostics)
    {
        foreach (var ws in programme.Workstreams)
        {
            var file = ws.File;
            string Fill(string text) => text.Contains("{{", StringComparison.Ordinal) ? templates.RenderPlain(text, data, file, diagnostics) ?? text : text;
            ws.Aim = Fill(ws.Aim);
            FillAll(ws.Prerequisites, Fill);
            FillAll(ws.IndicativeContent, Fill);
            foreach (var s in ws.Sessions)
            {
                var sessionFile = s.File;
                string FillSession(string text) => text.Contains("{{", StringComparison.Ordinal) ? templates.RenderPlain(text, data, sessionFile, diagnostics) ?? text : text;
                s.Summary = FillSession(s.Summary);
                FillAll(s.Preparation, FillSession);
                FillAll(s.Materials, FillSession);
            }
        }
    }

    static void FillAll(List<string> items, Func<string, string> fill)
    {
        for (var i = 0; i < items.Count; i++) items[i] = fill(items[i]);
    }
}
