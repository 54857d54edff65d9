using System.Reflection;

namespace QcdpBuilder.Tests.Architecture;

/// <summary>
/// Names a newcomer can follow: a public type name means one thing across Core and the PDF engine, so
/// <c>Paragraph</c> in a file is never a question of which <c>using</c> won.
/// </summary>
public class NameTests
{
    static readonly Assembly Core = typeof(Content.ContentLoader).Assembly;
    static readonly Assembly Pdf = typeof(Pdf.ICanvas).Assembly;

    static ILookup<string, Type> PublicTypes(Assembly assembly) =>
        assembly.GetExportedTypes().ToLookup(t => t.Name, StringComparer.Ordinal);

    [Fact]
    public void No_public_type_name_is_used_in_both_Core_and_the_PDF_engine()
    {
        var core = PublicTypes(Core);
        var pdf = PublicTypes(Pdf);
        Assert.True(core.Count > 50 && pdf.Count > 20, "the assemblies' public types were not found");
        var both = core.Select(g => g.Key).Where(pdf.Contains).Order(StringComparer.Ordinal)
            .Select(name => $"{name}: {string.Join(", ", core[name].Concat(pdf[name]).Select(t => t.FullName))}").ToList();
        Assert.True(both.Count == 0, $"{both.Count} public type names are in both Core and Pdf (rename the PDF engine's):\n" + string.Join("\n", both));
    }

    [Fact]
    public void A_public_type_named_like_an_interface_is_an_interface()
    {
        var misleading = PublicTypes(Core).Concat(PublicTypes(Pdf)).SelectMany(g => g)
            .Where(t => !t.IsInterface && t.Name.Length > 2 && t.Name[0] == 'I' && char.IsUpper(t.Name[1]) && char.IsLower(t.Name[2]))
            .Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.True(misleading.Count == 0, "types named like interfaces but not interfaces:\n" + string.Join("\n", misleading));
    }

    [Fact]
    public void Each_public_type_name_appears_once_in_Core()
    {
        var repeated = PublicTypes(Core).Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(t => t.FullName).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();
        Assert.True(repeated.Count == 0, "public type names used twice in Core:\n" + string.Join("\n", repeated));
    }
}
