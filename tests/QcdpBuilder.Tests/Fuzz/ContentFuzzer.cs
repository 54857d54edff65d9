using System.Text;

namespace QcdpBuilder.Tests.Fuzz;

/// <summary>
/// A seeded generator of random content: Markdown that uses everything the content schema
/// allows (and some of what it does not), and random mutations of valid YAML files. The same
/// seed always gives the same text, so a failure reproduces from its seed alone.
/// </summary>
public sealed class ContentFuzzer(int seed)
{
    readonly Random rng = new(seed);
    public int Seed { get; } = seed;

    /// <summary>Image path relative to the generated file (one real picture, and some that are not).</summary>
    public string ImagePath { get; init; } = "../../../../images/pdsa.png";

    static readonly string[] Words =
    [
        "coach", "quality", "improvement", "PDSA", "run chart", "team", "sponsor", "aim", "measure", "change",
        "Smith & Jones", "<North>", "a_b", "x*y", "#hash", "50%", "£20", "1.5", "e.g.", "—", "…", "“quoted”",
        "مرحبا", "שלום", "עברית", "你好", "日本語", "한국어", "Ελληνικά", "Кириллица", "e\u0301", "n\u0303\u0308",
        "👩\u200D⚕️", "🏥", "👍🏽", "🇬🇧", "\u200B", "\u00A0", "\u2028", "\u202Eright-to-left override\u202C", "\uFFFD",
        "Supercalifragilisticexpialidocious" + new string('o', 40), "https://example.org/a/very/long/path?with=query&and=more",
        "\\{{ not a placeholder }}", "}}", "\\", "`", "~", "|", "[", "]", "(", ")", "!", "<b>", "&amp;", "&#x1F600;", "&nbsp;", "\t",
    ];

    int N(int max) => rng.Next(max);
    bool Chance(double p) => rng.NextDouble() < p;
    T Pick<T>(IReadOnlyList<T> items) => items[N(items.Count)];

    string Word() => Chance(0.02) ? new string('W', 200 + N(400)) : Pick(Words);

    string Text(int maxWords = 12)
    {
        var sb = new StringBuilder();
        var n = 1 + N(maxWords);
        for (var i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(Inline());
        }
        return sb.ToString();
    }

    string Inline() => N(14) switch
    {
        0 => $"**{Word()}**",
        1 => $"*{Word()}*",
        2 => $"`{Word()}`",
        3 => $"[{Word()}](https://example.org/{N(100)})",
        4 => $"[{Word()}](#{Pick(new[] { "part-one", "missing", "" })})",
        5 => $"[{Word()}](mailto:someone@example.org)",
        6 => Chance(0.2) ? $"[{Word()}](javascript:alert({N(9)}))" : Word(),
        7 => $"***{Word()} {Word()}***",
        8 => $"<https://example.org/{N(50)}>",
        9 => Chance(0.3) ? "{{org.name}}" : Word(),
        10 => $"**{Word()} *{Word()}* `{Word()}`**",
        _ => Word(),
    };

    /// <summary>A random Markdown document of up to <paramref name="blocks"/> blocks.</summary>
    public string Markdown(int blocks = 25)
    {
        var sb = new StringBuilder();
        var n = 1 + N(blocks);
        for (var i = 0; i < n; i++) { Block(sb, 0); sb.Append('\n'); }
        return sb.ToString();
    }

    void Block(StringBuilder sb, int depth)
    {
        switch (N(depth > 2 ? 6 : 16))
        {
            case 0: sb.Append(new string('#', 1 + N(6))).Append(' ').Append(Text(6)).Append('\n'); break;
            case 1: case 2: sb.Append(Text(40)).Append('\n'); break;
            case 3: List(sb, depth, ordered: false); break;
            case 4: List(sb, depth, ordered: true); break;
            case 5: sb.Append("- [").Append(Chance(0.5) ? 'x' : ' ').Append("] ").Append(Text(6)).Append('\n'); break;
            case 6: Table(sb); break;
            case 7: sb.Append(FillIn()).Append('\n'); break;
            case 8: sb.Append($"![{(Chance(0.9) ? Text(5) : "")}]({(Chance(0.9) ? ImagePath : Pick(new[] { "missing.png", "../../../../images/none.jpg", "https://example.org/x.png" }))})\n"); break;
            case 9: Div(sb, depth); break;
            case 10: sb.Append("```\n").Append(Text(10)).Append("\n").Append(Chance(0.5) ? "```\n" : ""); break;
            case 11: sb.Append("> ").Append(Text(15)).Append('\n'); break;
            case 12: sb.Append(Pick(new[] { "---", "***", "___" })).Append('\n'); break;
            case 13: sb.Append("<div>").Append(Text(5)).Append("</div>\n"); break;
            case 14: sb.Append("## ").Append(Text(4)).Append("\n\n").Append(Text(8)).Append("\n\n::: notes\n").Append(Text(20)).Append("\n:::\n"); break;
            default: sb.Append(Text(8)).Append("  \n").Append(Text(8)).Append('\n'); break;
        }
    }

    void List(StringBuilder sb, int depth, bool ordered)
    {
        var indent = new string(' ', depth * (ordered ? 3 : 2));
        var start = Chance(0.1) ? N(int.MaxValue) : 1 + N(5);
        var items = 1 + N(5);
        for (var i = 0; i < items; i++)
        {
            sb.Append(indent).Append(ordered ? $"{(long)start + i}. " : Pick(new[] { "- ", "* ", "+ " })).Append(Text(10)).Append('\n');
            if (depth < 5 && Chance(0.25)) List(sb, depth + 1, Chance(0.5));
        }
    }

    void Table(StringBuilder sb)
    {
        var cols = 1 + N(Chance(0.1) ? 14 : 5);
        sb.Append('|').Append(string.Concat(Enumerable.Range(0, cols).Select(_ => " " + Text(3) + " |"))).Append('\n');
        sb.Append('|').Append(string.Concat(Enumerable.Range(0, cols).Select(_ => Pick(new[] { "---|", ":---|", ":---:|", "---:|" })))).Append('\n');
        var rows = N(6);
        for (var r = 0; r < rows; r++)
        {
            var cells = Math.Max(1, cols + N(3) - 1); // ragged rows too
            sb.Append('|').Append(string.Concat(Enumerable.Range(0, cells).Select(_ => " " + (Chance(0.05) ? Text(80) : Text(4)) + " |"))).Append('\n');
        }
    }

    string FillIn() => N(8) switch
    {
        0 => $"[lines: {Pick(new[] { "1", "5", "40", "0", "41", "99999999999", "-1" })}]",
        1 => $"[field: {Text(4)}]",
        2 => $"[date: {Text(3)}]",
        3 => $"[scale: {Text(5)}]",
        4 => $"[scale {N(3)}-{Pick(new[] { "5", "10", "11", "99999999999" })}: {Text(3)}]",
        5 => $"[table: {string.Join(" | ", Enumerable.Range(0, 1 + N(9)).Select(_ => Word().Replace("|", "/").Replace(";", ",").Replace("]", ")")))}; rows: {Pick(new[] { "1", "6", "40", "41", "0" })}]",
        6 => $"[signature: {Text(2)}]",
        _ => $"[lines: {Text(1)}]",
    };

    void Div(StringBuilder sb, int depth)
    {
        switch (N(5))
        {
            case 0: sb.Append("::: notes\n").Append(Text(20)).Append("\n:::\n"); break;
            case 1:
                sb.Append(":::: columns\n::: column\n");
                Block(sb, depth + 1);
                sb.Append(":::\n::: column\n");
                Block(sb, depth + 1);
                sb.Append(":::\n::::\n");
                break;
            case 2: sb.Append($"::: {{.{Pick(new[] { "virtual", "in-person", "unknown" })}}}\n").Append(Text(10)).Append("\n:::\n"); break;
            case 3: sb.Append("::: ").Append(Pick(new[] { "tip", "warning", "activity", "" })).Append('\n').Append(Text(10)).Append('\n').Append(Chance(0.8) ? ":::\n" : ""); break;
            default: sb.Append(":::\n").Append(Text(5)).Append('\n'); break;
        }
    }

    static readonly string[] YamlBits = [":", ": ", "[", "]", "{", "}", "- ", "&a ", "*a", "!", "!!str ", "|", ">", "#", "\"", "'", "\t", "\n", "  ", "---\n", "...", "%YAML 1.2\n", "? ", ",", "\\x41", "~", "null", "99999999999999999999", "-1", "0x1F", "true", "2027-02-30", "\"\\u0000\"", "\"\\ud800\""];

    /// <summary>A random mutation of valid YAML text: characters changed, lines moved, cut short.</summary>
    public string MutateYaml(string yaml)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n').ToList();
        var mutations = 1 + N(4);
        for (var m = 0; m < mutations; m++)
        {
            var i = N(lines.Count);
            switch (N(9))
            {
                case 0: lines.RemoveAt(i); if (lines.Count == 0) lines.Add(""); break;
                case 1: lines.Insert(i, lines[N(lines.Count)]); break;
                case 2: { var j = N(lines.Count); (lines[i], lines[j]) = (lines[j], lines[i]); break; }
                case 3: lines[i] = (Chance(0.5) ? "  " : "") + lines[i]; break;
                case 4: lines[i] = lines[i].TrimStart(); break;
                case 5: lines[i] = Insert(lines[i], Pick(YamlBits)); break;
                case 6: lines[i] = Insert(lines[i], Word()); break;
                case 7: return string.Join('\n', lines)[..N(Math.Max(1, string.Join('\n', lines).Length))];
                default: lines[i] = lines[i].Replace(": ", Pick(new[] { ":", ": [", ": {", ": - ", ": |\n  ", ": *a", ": &a " })); break;
            }
        }
        return string.Join('\n', lines);
    }

    string Insert(string s, string bit) { var at = N(s.Length + 1); return s[..at] + bit + s[at..]; }
}
