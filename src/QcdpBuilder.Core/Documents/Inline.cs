namespace QcdpBuilder.Documents;

/// <summary>An inline element: a styled run of text or a line break.</summary>
public abstract record Inline;

/// <summary>
/// A run of text with flat styling. Nested Markdown emphasis is flattened here so that
/// every writer deals with simple runs (as Word, PowerPoint and PDF all do).
/// </summary>
public sealed record Run(string Text, bool Bold = false, bool Italic = false, bool Code = false, string? Link = null) : Inline;

/// <summary>A hard line break inside a paragraph.</summary>
public sealed record LineBreak : Inline;

/// <summary>Helpers over inline lists.</summary>
public static class Inlines
{
    public static IReadOnlyList<Inline> Plain(string text) => [new Run(text)];

    public static string PlainText(IEnumerable<Inline> inlines) =>
        string.Concat(inlines.Select(i => i switch { Run r => r.Text, LineBreak => " ", _ => "" }));
}
