using QcdpBuilder.Pipeline;

namespace QcdpBuilder.Build;

/// <summary>
/// Each template's data and Markdown for the first thing of its kind in a content session (the first workstream's
/// guide, the first handout, …), built by the same code a build uses. The template catalogue is checked against
/// these data (so templates/README.md lists exactly the names a template receives) and the golden-file tests render
/// them. Reads only: nothing here changes how a build renders.
/// </summary>
public static class TemplateSamples
{
    /// <summary>The data template <paramref name="name"/> receives for the first thing it makes, or null when the content has nothing it makes.</summary>
    public static Dictionary<string, object>? Data(ContentSession session, string name)
    {
        var p = session.Programme;
        var org = session.Organisation;
        Dictionary<string, object> With(IDictionary<string, object> about, string? body)
        {
            var data = new Dictionary<string, object>(session.Data);
            foreach (var (k, v) in about) data[k] = v;
            data["body"] = body ?? "";
            return data;
        }
        return name switch
        {
            ContentSession.GuideTemplate when p.Workstreams.Count > 0 =>
                GuideData.For(p.Workstreams[0], session.Outline, org, new(session.Data), session.Filled, (md, at) => session.Render(md, at.File, at.Line)),
            // A copy of programme.*: the timetable's data adds the summary to the group it is given.
            ContentSession.TimetableTemplate => TimetableData.For(session.Outline, org, Copy(session.Data)),
            DocumentFrames.Handout when p.Handouts.Count > 0 =>
                With(DocumentFrames.About(p.Handouts[0], session.Title(p.Handouts[0].Title, p.Handouts[0].File)), session.Filled(p.Handouts[0].File)),
            DocumentFrames.Contract when p.Contract is { } c => With(DocumentFrames.About(c, session.Title(c.Title, c.File)), session.Filled(c.File)),
            DocumentFrames.ProgrammeDocument when p.Materials.Count > 0 =>
                With(DocumentFrames.About(p.Materials[0], session.Title(p.Materials[0].Title, p.Materials[0].File)), session.Filled(p.Materials[0].File)),
            DocumentFrames.SessionDeck when p.Sessions.FirstOrDefault() is { } first && session.Filled(first.SlidesFile) is { } slides =>
                With(session.AboutDeck(first, slides), slides),
            _ => null,
        };
    }

    /// <summary>The Markdown template <paramref name="name"/> (the organisation's copy, else the shared one) makes from <see cref="Data"/>; null when it cannot.</summary>
    public static string? Markdown(ContentSession session, string name) =>
        Data(session, name) is { } data && session.Text(session.TemplatePath(name)) is { } source
            ? session.RenderTemplate(source, session.Rel(session.TemplatePath(name)), data)
            : null;

    static Dictionary<string, object> Copy(IReadOnlyDictionary<string, object> data) =>
        data.ToDictionary(kv => kv.Key, kv => kv.Value is Dictionary<string, object> group ? new Dictionary<string, object>(group) : kv.Value);
}
