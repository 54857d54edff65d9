using System.Collections;
using System.Globalization;
using Scriban.Runtime;

namespace QcdpBuilder.Templates;

/// <summary>
/// Turns the data a template receives (dictionaries, lists, text, numbers, flags) into Scriban's own
/// <see cref="ScriptObject"/>s and <see cref="ScriptArray"/>s. Nothing else reaches a template: any other
/// .NET value becomes its invariant text, so a template can never see a .NET object's members. Each render
/// gets its own copy, so a template that assigns to a value cannot change what the next one sees.
/// </summary>
public static class TemplateModel
{
    public static ScriptObject From(object data) =>
        Convert(data) as ScriptObject ?? throw new ArgumentException("template data must be a dictionary of names to values", nameof(data));

    static object? Convert(object? value) => value switch
    {
        null => null,
        string or bool or int or long or double or decimal => value,
        ScriptObject or ScriptArray => throw new ArgumentException("pass plain dictionaries and lists; they are copied for each render"),
        IDictionary map => Object(map),
        IEnumerable list => Array(list),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    static ScriptObject Object(IDictionary map)
    {
        var o = new ScriptObject(map.Count);
        foreach (DictionaryEntry e in map) o[System.Convert.ToString(e.Key, CultureInfo.InvariantCulture)!] = Convert(e.Value);
        return o;
    }

    static ScriptArray Array(IEnumerable list)
    {
        var a = new ScriptArray();
        foreach (var item in list) a.Add(Convert(item));
        return a;
    }
}
