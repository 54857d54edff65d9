namespace QcdpBuilder.Tests.Validation;

/// <summary>The test project's JSON Schema validator, on each keyword it supports, so the schema tests can be trusted.</summary>
public class JsonSchemaValidatorTests
{
    const string Schema = """
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "title": "t",
      "type": "object",
      "properties": {
        "id": { "type": "string", "pattern": "^[0-9.]+$" },
        "n": { "type": "integer" },
        "kind": { "type": "string", "enum": ["a", "b"] },
        "flag": { "type": "boolean" },
        "list": { "type": "array", "items": { "type": "string" } },
        "day": { "oneOf": [ { "type": "string" }, { "type": "object", "properties": { "date": { "type": "string" } }, "required": ["date"], "additionalProperties": false } ] },
        "one": { "type": "object", "properties": { "x": { "type": "integer" }, "y": { "type": "integer" } }, "minProperties": 1, "maxProperties": 1, "additionalProperties": false },
        "free": { "type": "object", "additionalProperties": { "type": "integer" } }
      },
      "required": ["id"],
      "additionalProperties": false
    }
    """;

    static List<string> V(string yaml) => JsonSchemaValidator.Validate(yaml, Schema);

    [Fact]
    public void A_valid_document_passes() =>
        Assert.Empty(V("id: \"5.1\"\nn: 3\nkind: a\nflag: true\nlist: [x, \"y\"]\nday: 2027-01-01\none: { x: 1 }\nfree: { a: 1, b: 2 }\n"));

    [Fact]
    public void Types_follow_the_yaml_core_schema()
    {
        Assert.Equal(["$.id: expected string, not number"], V("id: 5.1"));
        Assert.Equal(["$.n: expected integer, not string"], V("id: \"1\"\nn: \"3\""));
        Assert.Equal(["$.flag: expected boolean, not string"], V("id: \"1\"\nflag: yes"));
        Assert.Equal(["$.list[1]: expected string, not integer"], V("id: \"1\"\nlist: [a, 2]"));
        Assert.Equal("null", JsonSchemaValidator.TypeOf(new YamlDotNet.RepresentationModel.YamlScalarNode("~")));
    }

    [Fact]
    public void Required_unknown_keys_enum_and_pattern_are_checked()
    {
        Assert.Equal(["$: missing required key 'id'"], V("n: 1"));
        Assert.Equal(["$: unknown key 'nn'"], V("id: \"1\"\nnn: 1"));
        Assert.Equal(["$.kind: 'c' is not one of a, b"], V("id: \"1\"\nkind: c"));
        Assert.Equal(["$.id: 'x1' does not match ^[0-9.]+$"], V("id: x1"));
        Assert.Equal(["$.free.b: expected integer, not string"], V("id: \"1\"\nfree: { a: 1, b: c }"));
    }

    [Fact]
    public void OneOf_needs_exactly_one_match_and_property_counts_are_checked()
    {
        Assert.Empty(V("id: \"1\"\nday: { date: x }"));
        Assert.Equal(["$.day: matches 0 of the 2 allowed forms, not exactly one"], V("id: \"1\"\nday: { dat: x }"));
        Assert.Equal(["$.one: needs at least 1 key(s)"], V("id: \"1\"\none: {}"));
        Assert.Equal(["$.one: takes at most 1 key(s)"], V("id: \"1\"\none: { x: 1, y: 2 }"));
    }

    [Fact]
    public void Unsupported_keywords_are_refused() =>
        Assert.Throws<NotSupportedException>(() => JsonSchemaValidator.Validate("a: 1", """{ "type": "object", "patternProperties": {} }"""));
}
