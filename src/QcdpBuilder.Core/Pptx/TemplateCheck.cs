using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Pptx.PptxXml;

namespace QcdpBuilder.Pptx;

/// <summary>
/// Checks an organisation's PowerPoint template before the build uses it: that it opens,
/// and which of our layouts it lacks (after <c>layout_names</c>), so each gap is one clear
/// warning naming the layouts it does have, rather than a silent fallback per slide.
/// </summary>
public static class TemplateCheck
{
    public static void Check(string path, IReadOnlyDictionary<string, string> names, SourceSpan at, DiagnosticBag diagnostics)
    {
        LayoutCatalogue catalogue;
        try
        {
            var package = OpcPackage.Open(path);
            var pres = Pml.Presentation(package) ?? throw new InvalidOperationException("it has no presentation part");
            catalogue = LayoutCatalogue.Read(package, pres, Load(pres));
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            diagnostics.Report(Rules.BrandFile, at, $"the PowerPoint template cannot be read: {e.Message}", "save it again from PowerPoint as a .pptx or .potx");
            return;
        }
        var available = catalogue.Layouts.Select(l => l.Name).ToList();
        var list = string.Join(", ", available.Select(n => $"\"{n}\""));
        foreach (var kind in Enum.GetValues<SlideLayout>())
        {
            if (catalogue.Named(kind, names) is not null) continue;
            var ours = SlideLayoutNames.Of(kind);
            var wanted = names.GetValueOrDefault(ours) ?? ours;
            var fallback = catalogue.Find(kind, names).Name;
            diagnostics.Report(Rules.TemplateLayout, at, $"the PowerPoint template has no layout named \"{wanted}\" (for our \"{ours}\" slides); they use \"{fallback}\" instead",
                $"its layouts are {list}; map one with layout_names: {{ \"{ours}\": \"…\" }}");
        }
    }
}
