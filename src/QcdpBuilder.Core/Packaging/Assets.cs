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

    public static string Text(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath));
        return reader.ReadToEnd();
    }

    /// <summary>Reads a text asset and replaces each <c>$name$</c> with its value (XML-escaped by the caller where needed).</summary>
    public static string Fill(string relativePath, IReadOnlyDictionary<string, string> values)
    {
        var text = Text(relativePath);
        foreach (var (k, v) in values) text = text.Replace("$" + k + "$", v);
        return text;
    }
}
