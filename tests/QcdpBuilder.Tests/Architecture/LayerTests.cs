using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Architecture;

/// <summary>
/// Dependencies between Core's folders point one way (model, loading, customising and templates, Markdown
/// reading, checks, writers, products, pipeline): a cycle means a folder cannot be understood, tested or
/// replaced without the ones that depend on it.
/// </summary>
public class LayerTests
{
    static string CoreSource => Path.Combine(RepoPaths.Root, "src", "QcdpBuilder.Core");

    [Fact]
    public void Core_folders_depend_on_each_other_without_a_cycle()
    {
        var graph = NamespaceGraph.FromFolder(CoreSource, "QcdpBuilder");
        // The scan must have found the folders and real dependencies, or an empty graph would pass.
        Assert.True(graph.Edges.Count >= 10, $"only {graph.Edges.Count} folders with dependencies found under {CoreSource}");
        Assert.True(graph.Cycles().Count == 0, "Core's folders depend on each other in a cycle:\n" + graph.Describe());
    }

    [Fact]
    public void Using_directives_and_qualified_references_are_edges_and_comments_are_not()
    {
        var graph = NamespaceGraph.FromSources(
        [
            ("Model/Session.cs", "namespace QcdpBuilder.Model;\npublic sealed class Session { }"),
            ("Writers/Writer.cs", "using QcdpBuilder.Model;\nnamespace QcdpBuilder.Writers;\npublic static class Writer { }"),
            ("Loading/Loader.cs", "namespace QcdpBuilder.Loading;\npublic static class Loader\n{\n    // Writers.Writer is mentioned in a comment only\n    static object F() => Branding.Brand.Make();\n}"),
            ("Branding/Brand.cs", "namespace QcdpBuilder.Branding;\n/// <see cref=\"Loading.Loader\"/>\npublic static class Brand { public static object Make() => QcdpBuilder.Loading.Loader.Content; }"),
            ("Other/Other.cs", "namespace QcdpBuilder.Other;\npublic class Other { string Content => \"QcdpBuilder.Model.x\"; object M => this.Model.Session; string Url = \"http://Writers.Writer\"; }"),
        ], "QcdpBuilder");

        Assert.Equal(["Model"], graph.Edges["Writers"].Keys);
        Assert.Equal(["Branding"], graph.Edges["Loading"].Keys);
        Assert.Equal(5, graph.Edges["Loading"]["Branding"].Line);
        Assert.Equal(["Loading"], graph.Edges["Branding"].Keys);
        // A string that looks like a resource name, a member access and a URL are not references.
        Assert.False(graph.Edges.ContainsKey("Other"));
        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["Branding", "Loading"], cycle);
        Assert.Contains("Loading -> Branding: Loading/Loader.cs:5:", graph.Describe());
    }

    [Fact]
    public void A_longer_cycle_is_reported_with_each_step()
    {
        var graph = NamespaceGraph.FromSources(
        [
            ("A/A1.cs", "using QcdpBuilder.B;\nnamespace QcdpBuilder.A;\npublic class A1 { }"),
            ("B/B1.cs", "using static QcdpBuilder.C.C1;\nnamespace QcdpBuilder.B;\npublic class B1 { }"),
            ("C/C1.cs", "using X = QcdpBuilder.A.A1;\nnamespace QcdpBuilder.C;\npublic class C1 { }"),
            ("D/D1.cs", "using QcdpBuilder.A;\nnamespace QcdpBuilder.D;\npublic class D1 { }"),
        ], "QcdpBuilder");

        Assert.Equal(["A", "B", "C"], Assert.Single(graph.Cycles()));
        Assert.Equal(["A", "B", "C", "A"], graph.CycleThrough("A", ["A", "B", "C"]));
    }
}
