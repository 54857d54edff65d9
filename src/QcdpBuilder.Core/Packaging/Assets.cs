using System.Reflection;

namespace QcdpBuilder.Packaging;

/// <summary>
/// Reads the readable XML fragments and other files kept under <c>src/QcdpBuilder.Core/Assets/</c>
/// (embedded in the assembly), e.g. <c>Assets.Text("Pptx/slideMaster.xml")</c>.
/// </summary>
public static class Assets
{
    static readonly Assembly Self = typeof(Assets).Assembly;

    public static Stream Open(string relativePath)
    {
        var name = "QcdpBuilder.Assets." + relativePath.Replace('\\', '/');
        return Self.GetManifestResourceStream(name)
            ?? Self.GetManifestResourceStream(name.Replace('/', '\\'))
            ?? throw new FileNotFoundException($"Embedded asset '{relativePath}' not found.");
    }

    // Writers ask for the same few fragments for every slide and paragraph: decode each once per process.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> texts = new(StringComparer.Ordinal);

    public static string Text(string relativePath) => texts.GetOrAdd(relativePath, static path =>
    {
        using var reader = new StreamReader(Open(path));
        return reader.ReadToEnd();
    });

    /// <summary>
    /// Reads a text asset (CSS, YAML, Markdown) and replaces each <c>$name$</c> with its value. Never for XML:
    /// XML assets are filled through the typed setters of <see cref="XmlAsset"/>.
    /// </summary>
    public static string Fill(string relativePath, IReadOnlyDictionary<string, string> values)
    {
        var text = Text(relativePath);
        if (!text.Contains('$')) return text;
        var sb = new System.Text.StringBuilder(text);
        foreach (var (k, v) in values) sb.Replace("$" + k + "$", v);
        return sb.ToString();
    }
}
