using QcdpBuilder.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace QcdpBuilder.Content;

/// <summary>
/// A YAML mapping read with its source positions, so every problem is reported with file,
/// line and column. Readers name the keys they accept; any other key is an error with the
/// nearest valid key as a hint.
/// </summary>
public sealed class YamlMap
{
    readonly YamlMappingNode node;
    readonly DiagnosticBag diagnostics;
    public string File { get; }
    public SourceSpan Span { get; }

    YamlMap(YamlMappingNode node, string file, DiagnosticBag diagnostics)
    {
        this.node = node;
        this.diagnostics = diagnostics;
        File = file;
        Span = At(node, file);
    }

    /// <summary>Parses a YAML file whose top level must be a mapping; returns null (with an error) if it cannot.</summary>
    public static YamlMap? Load(string text, string file, DiagnosticBag diagnostics)
    {
        try
        {
            if (!Prescan(text, file, diagnostics)) return null;
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                diagnostics.Report(Rules.YamlSyntax, SourceSpan.StartOf(file), "the file must be a YAML mapping of keys to values", "see content/README.md for the keys this file takes");
                return null;
            }
            return new YamlMap(map, file, diagnostics);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up this way on an unclosed flow list or mapping; find the bracket ourselves.
            var (line, col) = UnclosedBracket(text);
            diagnostics.Report(Rules.YamlSyntax, new SourceSpan(file, line, col), "malformed YAML: a '[' or '{' is never closed",
                "close the list with ']' (or the mapping with '}') on the same line, or quote the text");
            return null;
        }
        catch (YamlException e) when ((e.InnerException?.Message ?? e.Message).StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            var key = (e.InnerException?.Message ?? e.Message)["Duplicate key".Length..].Trim();
            diagnostics.Report(Rules.YamlSyntax, new SourceSpan(file, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column)), $"duplicate key '{key}'",
                "a key may appear only once in a mapping; delete one of them or merge their values");
            return null;
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndent(text) is { } tab)
        {
            diagnostics.Report(Rules.YamlSyntax, new SourceSpan(file, tab.Line, tab.Column), "a tab is used for indentation",
                "YAML indents with spaces only; replace the tab with spaces (two per level)");
            return null;
        }
        catch (YamlException e)
        {
            var message = (e.InnerException?.Message ?? e.Message).Trim();
            // YamlDotNet prefixes its own position; ours is in the location already.
            var paren = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:") && paren > 0) message = message[(paren + 3)..];
            diagnostics.Report(Rules.YamlSyntax, new SourceSpan(file, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column)), $"malformed YAML: {message}",
                "check the indentation and that text containing ': ' or starting with a quote is quoted");
            return null;
        }
    }

    /// <summary>How deep lists and mappings may nest; content needs four levels, and deeper input is an attack on the parser's stack.</summary>
    const int MaxDepth = 32;

    /// <summary>
    /// Reads the file's events before building nodes, refusing what content never needs and an
    /// attacker would use: anchors and aliases (a few lines can stand for a billion items),
    /// nesting deep enough to exhaust the stack, and more than one document in a file.
    /// </summary>
    static bool Prescan(string text, string file, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0, documents = 0;
        SourceSpan At(ParsingEvent e) => new(file, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column));
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            if (e is AnchorAlias || e is NodeEvent { Anchor.IsEmpty: false })
            {
                diagnostics.Report(Rules.YamlSyntax, At(e), "YAML anchors and aliases (&name, *name) are not supported", "write each value out in full");
                return false;
            }
            if (e is DocumentStart && ++documents > 1)
            {
                diagnostics.Report(Rules.YamlSyntax, At(e), "the file holds more than one YAML document (a second '---')", "keep one document per file; delete the '---' line and what follows, or merge it");
                return false;
            }
            if (e is MappingStart or SequenceStart && ++depth > MaxDepth)
            {
                diagnostics.Report(Rules.Nesting, At(e), $"lists and mappings are nested more than {MaxDepth} levels deep", "flatten the structure; content files need only a few levels");
                return false;
            }
            if (e is MappingEnd or SequenceEnd) depth--;
        }
        return true;
    }

    /// <summary>The first tab in a line's indentation, if any.</summary>
    static (int Line, int Column)? TabIndent(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t');
            if (tab >= 0 && tab < indent) return (i + 1, tab + 1);
        }
        return null;
    }

    static (int Line, int Column) UnclosedBracket(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var depth = 0; var first = -1; char? quote = null;
            for (var c = 0; c < lines[i].Length; c++)
            {
                var ch = lines[i][c];
                if (quote is not null) { if (ch == quote) quote = null; continue; }
                if (ch is '"' or '\'') quote = ch;
                else if (ch == '#' && (c == 0 || lines[i][c - 1] == ' ')) break;
                else if (ch is '[' or '{') { if (depth++ == 0) first = c; }
                else if (ch is ']' or '}') depth--;
            }
            if (depth > 0) return (i + 1, first + 1);
        }
        return (lines.Length, 1);
    }

    internal static SourceSpan At(YamlNode n, string file) => new(file, Math.Max(1, (int)n.Start.Line), Math.Max(1, (int)n.Start.Column));

    /// <summary>Reports every key the schema does not list, suggesting the nearest (the JSON schemas come from the same description).</summary>
    public void AllowOnly(MappingSchema schema) => AllowOnly(schema.Keys);

    /// <summary>Reports every key not in <paramref name="allowed"/>, suggesting the nearest.</summary>
    public void AllowOnly(params string[] allowed)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (allowed.Contains(key.Value)) continue;
            var near = Suggest.Nearest(key.Value ?? "", allowed);
            diagnostics.Report(Rules.UnknownKey, At(key, File), $"unknown key '{key.Value}'",
                near is not null ? $"did you mean '{near}'? Valid keys here: {string.Join(", ", allowed)}" : $"valid keys here: {string.Join(", ", allowed)}");
        }
    }

    YamlNode? Get(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public bool Has(string key) => Get(key) is not null;

    /// <summary>Where a key is (for errors about its value); the mapping itself if absent.</summary>
    public SourceSpan KeySpan(string key)
    {
        var k = node.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(n => n.Value == key);
        return k is null ? Span : At(k, File);
    }

    public SourceSpan ValueSpan(string key) => Get(key) is { } v ? At(v, File) : KeySpan(key);

    public string? String(string key, bool required = false)
    {
        var v = Get(key);
        if (v is null || v is YamlScalarNode { Value: null })
        {
            if (required) diagnostics.Report(Rules.MissingKey, Span, $"missing required key '{key}'", $"add '{key}: …' to this mapping");
            return null;
        }
        // 'title: ~' or 'title:' is YAML's null, not the text "~": absent, and an error where a value is required.
        if (IsNull(v))
        {
            if (required) diagnostics.Report(Rules.MissingKey, At(v, File), $"'{key}' is required but has no value ('{((YamlScalarNode)v).Value}' is YAML's null)",
                $"write the value after '{key}:', in quotes if it really is \"{((YamlScalarNode)v).Value}\"");
            return null;
        }
        if (v is YamlScalarNode s) return Checked(s) ?? "";
        diagnostics.Report(Rules.WrongType, At(v, File), $"'{key}' must be text, not a {Describe(v)}");
        return null;
    }

    public int? Int(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        diagnostics.Report(Rules.WrongType, ValueSpan(key), $"'{key}' must be a whole number, not '{text}'", $"write it as digits, e.g. {key}: 20");
        return null;
    }

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/>; a value outside is an error at the value
    /// (and null), so a negative duration or day number is reported where it is written, not as a wrong total later.
    /// </summary>
    public int? Int(string key, int min, int max, bool required = false)
    {
        if (Int(key, required) is not { } n) return null;
        if (n >= min && n <= max) return n;
        diagnostics.Report(Rules.InvalidValue, ValueSpan(key), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{key}' must be from {min} to {max}, not {n}"),
            n < min ? $"write a number of at least {min}" : $"write a number of at most {max}");
        return null;
    }

    /// <summary>A plain (unquoted) scalar that YAML reads as null: ~, null, Null, NULL or nothing at all.</summary>
    static bool IsNull(YamlNode v) =>
        v is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "" or "~" or "null" or "Null" or "NULL" } s && s.Tag.IsEmpty;

    /// <summary>A list of scalars; a single scalar is accepted as a one-item list.</summary>
    public List<(string Value, SourceSpan At)> StringList(string key, bool required = false)
    {
        var v = Get(key);
        var result = new List<(string, SourceSpan)>();
        if (v is null)
        {
            if (required) diagnostics.Report(Rules.MissingKey, Span, $"missing required key '{key}'", $"add '{key}:' with a list of items");
            return result;
        }
        if (v is YamlScalarNode single) { if (!string.IsNullOrEmpty(single.Value)) result.Add((Checked(single) ?? "", At(single, File))); return result; }
        if (v is not YamlSequenceNode seq) { diagnostics.Report(Rules.WrongType, At(v, File), $"'{key}' must be a list"); return result; }
        foreach (var item in seq)
        {
            if (item is YamlScalarNode s && s.Value is not null) result.Add((Checked(s) ?? "", At(s, File)));
            else diagnostics.Report(Rules.WrongType, At(item, File), $"each item of '{key}' must be text, not a {Describe(item)}",
                item is YamlMappingNode ? "text containing ': ' reads as a key in YAML; put the whole item in double quotes" : "write the item on one line as text");
        }
        return result;
    }

    /// <summary>
    /// A value that may be written short (a scalar) or long (a mapping), e.g. a date or
    /// <c>{ date: …, start: … }</c>; a single scalar or mapping is taken as a one-item list.
    /// </summary>
    public List<(string? Scalar, YamlMap? Map, SourceSpan At)> ScalarOrMapList(string key)
    {
        var result = new List<(string?, YamlMap?, SourceSpan)>();
        var v = Get(key);
        IEnumerable<YamlNode> items = v switch { null => [], YamlSequenceNode seq => seq.Children, _ => [v] };
        foreach (var item in items) result.Add(ScalarOrMap(item));
        return result;
    }

    /// <summary>One value that may be a scalar or a mapping.</summary>
    public (string? Scalar, YamlMap? Map, SourceSpan At) ScalarOrMap(string key) =>
        Get(key) is { } v ? ScalarOrMap(v) : (null, null, KeySpan(key));

    (string?, YamlMap?, SourceSpan) ScalarOrMap(YamlNode item) => item switch
    {
        YamlScalarNode s => (Checked(s) ?? "", null, At(s, File)),
        YamlMappingNode m => (null, new YamlMap(m, File, diagnostics), At(m, File)),
        _ => Invalid(item),
    };

    (string?, YamlMap?, SourceSpan) Invalid(YamlNode item)
    {
        diagnostics.Report(Rules.WrongType, At(item, File), $"expected a value or a mapping, not a {Describe(item)}");
        return (null, null, At(item, File));
    }

    /// <summary>A list of mappings.</summary>
    public List<YamlMap> MapList(string key, bool required = false)
    {
        var v = Get(key);
        var result = new List<YamlMap>();
        if (v is null)
        {
            if (required) diagnostics.Report(Rules.MissingKey, Span, $"missing required key '{key}'", $"add '{key}:' with a list of entries");
            return result;
        }
        if (v is not YamlSequenceNode seq) { diagnostics.Report(Rules.WrongType, At(v, File), $"'{key}' must be a list of entries"); return result; }
        foreach (var item in seq)
        {
            if (item is YamlMappingNode m) result.Add(new YamlMap(m, File, diagnostics));
            else diagnostics.Report(Rules.WrongType, At(item, File), $"each entry of '{key}' must be a mapping (key: value lines)");
        }
        return result;
    }

    public YamlMap? Map(string key, bool required = false)
    {
        var v = Get(key);
        if (v is null)
        {
            if (required) diagnostics.Report(Rules.MissingKey, Span, $"missing required key '{key}'");
            return null;
        }
        if (v is YamlMappingNode m) return new YamlMap(m, File, diagnostics);
        diagnostics.Report(Rules.WrongType, At(v, File), $"'{key}' must be a mapping (key: value lines)");
        return null;
    }

    /// <summary>The keys of this mapping, in order, with their positions.</summary>
    public IEnumerable<(string Key, SourceSpan At)> Keys =>
        node.Children.Keys.OfType<YamlScalarNode>().Select(k => (k.Value ?? "", At(k, File)));

    /// <summary>The scalar's value, or null with an error if an escape (\x01, \u0000) put a character in it that no document can hold.</summary>
    string? Checked(YamlScalarNode s)
    {
        if (s.Value is null || SourceFiles.ControlCharacter(s.Value) is not { } bad) return s.Value;
        diagnostics.Report(Rules.SourceText, At(s, File), $"control character U+{(int)bad.Char:X4} in the value", "remove the escape sequence that makes it (e.g. \\x01 or \\u0000)");
        return null;
    }

    static string Describe(YamlNode n) => n switch { YamlSequenceNode => "list", YamlMappingNode => "mapping", _ => "value" };
}
