namespace QcdpBuilder.Pdf.Fonts;

/// <summary>
/// The four faces of a text family, as paths to .ttf files. Callers choose the family; the engine never
/// looks for system fonts, which keeps output identical across machines.
/// </summary>
public sealed record FontFamily(string Regular, string Bold, string Italic, string BoldItalic)
{
    /// <summary>
    /// Atkinson Hyperlegible (bundled with the repository under templates/fonts/atkinson-hyperlegible),
    /// chosen for legibility for low-vision readers.
    /// </summary>
    public static FontFamily AtkinsonHyperlegible(string repositoryRoot)
    {
        var dir = Path.Combine(repositoryRoot, "templates", "fonts", "atkinson-hyperlegible");
        return new FontFamily(
            Path.Combine(dir, "AtkinsonHyperlegible_400Regular.ttf"),
            Path.Combine(dir, "AtkinsonHyperlegible_700Bold.ttf"),
            Path.Combine(dir, "AtkinsonHyperlegible_400Regular_Italic.ttf"),
            Path.Combine(dir, "AtkinsonHyperlegible_700Bold_Italic.ttf"));
    }
}

/// <summary>
/// The loaded faces of a <see cref="FontFamily"/>. Loaded once per document and shared by layout and writer.
/// </summary>
public sealed class FontSet
{
    private static readonly Dictionary<string, TrueTypeFont> Cache = new(StringComparer.Ordinal);

    public TrueTypeFont Regular { get; }
    public TrueTypeFont Bold { get; }
    public TrueTypeFont Italic { get; }
    public TrueTypeFont BoldItalic { get; }

    public FontSet(TrueTypeFont regular, TrueTypeFont bold, TrueTypeFont italic, TrueTypeFont boldItalic)
    {
        Regular = regular; Bold = bold; Italic = italic; BoldItalic = boldItalic;
    }

    /// <summary>Loads the four faces (parsed fonts are cached per file for the whole process: they are immutable).</summary>
    public static FontSet Load(FontFamily family) =>
        new(Get(family.Regular), Get(family.Bold), Get(family.Italic), Get(family.BoldItalic));

    private static TrueTypeFont Get(string path)
    {
        var full = Path.GetFullPath(path);
        // Size and time stamp in the key: a long-running process (watch) sees a replaced font file.
        var info = new FileInfo(full);
        var key = info.Exists ? $"{full}|{info.Length}|{info.LastWriteTimeUtc.Ticks}" : full;
        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out var f)) Cache[key] = f = TrueTypeFont.Load(full);
            return f;
        }
    }

    /// <summary>Picks the face for a bold/italic combination.</summary>
    public TrueTypeFont Face(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => BoldItalic, (true, false) => Bold, (false, true) => Italic, _ => Regular,
    };
}
