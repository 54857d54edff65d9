using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;

namespace QcdpBuilder.Markdown;

/// <summary>
/// Passages written for one delivery mode: <c>::: {.virtual}</c> and <c>::: {.in-person}</c>
/// fenced divs. A virtual cohort keeps the virtual passages and drops the in-person ones, an
/// in-person cohort the reverse, and a hybrid cohort keeps both, each in a box labelled with
/// its mode, so the facilitator sees what to do in the room and online.
/// </summary>
public static class DeliveryPassages
{
    public const string Virtual = "virtual", InPerson = "in-person";

    /// <summary>The class of a fenced div's info string: <c>{.virtual}</c>, <c>.virtual</c> and <c>virtual</c> all give "virtual".</summary>
    public static string ClassOf(string info)
    {
        var text = info.Trim();
        if (text.StartsWith('{') && text.EndsWith('}')) text = text[1..^1].Trim();
        return text.TrimStart('.').Trim();
    }

    /// <summary>True for a class that marks a delivery-mode passage.</summary>
    public static bool IsDeliveryClass(string cls) => cls is Virtual or InPerson;

    /// <summary>The heading shown over a passage in a hybrid cohort's outputs.</summary>
    public static string Label(string cls) => cls == Virtual ? "Online" : "In the room";

    /// <summary>What a passage marked <paramref name="cls"/> becomes for a cohort delivered <paramref name="delivery"/>.</summary>
    public static IReadOnlyList<Block> Apply(string cls, string delivery, IReadOnlyList<Block> blocks) => delivery switch
    {
        DeliveryModes.Hybrid => [new Div("callout", blocks) { Title = Label(cls) }],
        _ when delivery == cls => blocks,
        _ => [],
    };

    /// <summary>The suggested class when <paramref name="cls"/> looks like a misspelt or mistaken delivery mode (<c>{.virtaul}</c>, <c>{.online}</c>), else null.</summary>
    public static string? Misspelt(string cls)
    {
        var c = cls.ToLowerInvariant();
        if (IsDeliveryClass(c)) return null;
        if (c is "online" or "remote" || Suggest.Distance(c, Virtual) <= 2) return Virtual;
        if (c is "inperson" or "in_person" or "face-to-face" or "in-room" || Suggest.Distance(c, InPerson) <= 2) return InPerson;
        return null;
    }
}
