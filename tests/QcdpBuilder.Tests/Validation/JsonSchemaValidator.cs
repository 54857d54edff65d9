using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QcdpBuilder.Tests.Validation;

/// <summary>
/// A small JSON Schema validator for the subset <c>qcdp schema</c> emits (type, properties,
/// required, additionalProperties, enum, items, pattern, oneOf, minProperties, maxProperties),
/// applied to YAML as the YAML language server sees it (YAML 1.2 core schema: a plain
/// <c>5.1</c> is a number, <c>"5.1"</c> a string). Any other keyword is an error, so the
/// generator cannot start using one this validator would silently ignore.
/// </summary>
public static partial class JsonSchemaValidator
{
    static readonly HashSet<string> Annotations = ["$schema", "$comment", "title", "description"];
    static readonly HashSet<string> Keywords = ["type", "properties", "required", "additionalProperties", "enum", "items", "pattern", "oneOf", "minProperties", "maxProperties"];

    /// <summary>Problems with <paramref name="yaml"/> (the first document), as "path: message"; empty when valid.</summary>
    public static List<string> Validate(string yaml, JsonElement schema)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var errors = new List<string>();
        Check(stream.Documents.Count == 0 ? new YamlScalarNode(null) : stream.Documents[0].RootNode, schema, "$", errors);
        return errors;
    }

    public static List<string> Validate(string yaml, string schemaJson)
    {
        using var doc = JsonDocument.Parse(schemaJson);
        return Validate(yaml, doc.RootElement);
    }

    /// <summary>The JSON type of a YAML node under the core schema: object, array, string, integer, number, boolean or null.</summary>
    public static string TypeOf(YamlNode node) => node switch
    {
        YamlMappingNode => "object",
        YamlSequenceNode => "array",
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded } => "string",
        YamlScalarNode s when s.Value is null || NullRx().IsMatch(s.Value) => "null",
        YamlScalarNode s when BoolRx().IsMatch(s.Value!) => "boolean",
        YamlScalarNode s when IntRx().IsMatch(s.Value!) => "integer",
        YamlScalarNode s when FloatRx().IsMatch(s.Value!) => "number",
        _ => "string",
    };

    static void Check(YamlNode node, JsonElement schema, string path, List<string> errors)
    {
        foreach (var p in schema.EnumerateObject())
            if (!Annotations.Contains(p.Name) && !Keywords.Contains(p.Name))
                throw new NotSupportedException($"schema keyword '{p.Name}' at {path} is not supported by this validator");

        var type = TypeOf(node);
        if (schema.TryGetProperty("type", out var t))
        {
            var allowed = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()!).ToList() : [t.GetString()!];
            if (!allowed.Contains(type) && !(type == "integer" && allowed.Contains("number")))
            {
                errors.Add($"{path}: expected {string.Join(" or ", allowed)}, not {type}");
                return;
            }
        }
        if (schema.TryGetProperty("enum", out var e) && node is YamlScalarNode es && !e.EnumerateArray().Any(x => x.ToString() == es.Value))
            errors.Add($"{path}: '{es.Value}' is not one of {string.Join(", ", e.EnumerateArray())}");
        if (schema.TryGetProperty("pattern", out var pattern) && node is YamlScalarNode ps && type == "string" && !Regex.IsMatch(ps.Value ?? "", pattern.GetString()!))
            errors.Add($"{path}: '{ps.Value}' does not match {pattern.GetString()}");
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matching = oneOf.EnumerateArray().Count(option => { var sub = new List<string>(); Check(node, option, path, sub); return sub.Count == 0; });
            if (matching != 1) errors.Add($"{path}: matches {matching} of the {oneOf.GetArrayLength()} allowed forms, not exactly one");
        }
        if (node is YamlSequenceNode seq && schema.TryGetProperty("items", out var items))
            for (var i = 0; i < seq.Children.Count; i++) Check(seq.Children[i], items, $"{path}[{i}]", errors);
        if (node is YamlMappingNode map)
        {
            var keys = map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
            if (schema.TryGetProperty("required", out var required))
                foreach (var r in required.EnumerateArray().Select(x => x.GetString()!).Where(r => !keys.Contains(r)))
                    errors.Add($"{path}: missing required key '{r}'");
            if (schema.TryGetProperty("minProperties", out var min) && keys.Count < min.GetInt32()) errors.Add($"{path}: needs at least {min.GetInt32()} key(s)");
            if (schema.TryGetProperty("maxProperties", out var max) && keys.Count > max.GetInt32()) errors.Add($"{path}: takes at most {max.GetInt32()} key(s)");
            var properties = schema.TryGetProperty("properties", out var props) ? props : default;
            foreach (var (k, v) in map.Children)
            {
                var key = ((YamlScalarNode)k).Value!;
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key, out var sub)) Check(v, sub, $"{path}.{key}", errors);
                else if (schema.TryGetProperty("additionalProperties", out var extra))
                {
                    if (extra.ValueKind == JsonValueKind.False) errors.Add($"{path}: unknown key '{key}'");
                    else if (extra.ValueKind == JsonValueKind.Object) Check(v, extra, $"{path}.{key}", errors);
                }
            }
        }
    }

    [GeneratedRegex("^(~|null|Null|NULL|)$")] private static partial Regex NullRx();
    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")] private static partial Regex BoolRx();
    [GeneratedRegex("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")] private static partial Regex IntRx();
    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")] private static partial Regex FloatRx();
}
