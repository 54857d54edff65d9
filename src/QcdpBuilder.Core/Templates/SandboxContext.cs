using System.Collections;
using Scriban;
using Scriban.Parsing;
using SourceSpan = Scriban.Parsing.SourceSpan;
using Scriban.Runtime;
using Scriban.Syntax;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Templates;

/// <summary>
/// The one kind of Scriban context every template and placeholder renders in. Templates and content are
/// untrusted, so it holds them to data: values only (no .NET members), no <c>import</c>, includes only
/// through <see cref="TemplateIncludes"/>, bounded loops, recursion and output, no clock or randomness,
/// and an unknown name is an error rather than a blank. In Markdown mode every value a template prints is
/// escaped for Markdown unless the template asks for it raw (<c>{{ value | raw }}</c>).
/// </summary>
sealed class SandboxContext : TemplateContext
{
    /// <summary>Most iterations of all loops in one render (the longest real guide needs a few hundred).</summary>
    public const int MaxIterations = 20_000;

    /// <summary>The longest text one render may produce, in characters (real guides are under 200 000).</summary>
    public const int MaxOutput = 4_000_000;

    readonly bool markdown;

    public SandboxContext(ScriptObject builtins, bool markdown, ITemplateLoader? includes) : base(builtins, StringComparer.Ordinal)
    {
        this.markdown = markdown;
        StrictVariables = true;
        EnableRelaxedMemberAccess = false;
        EnableRelaxedTargetAccess = false;
        // No .NET object reaches a template (TemplateModel copies data into script objects), and should one
        // ever slip through, none of its members is visible.
        MemberFilter = _ => false;
        MemberRenamer = member => member.Name;
        LoopLimit = MaxIterations;
        LoopLimitQueryable = MaxIterations;
        RecursiveLimit = 20;
        OutputLimit = MaxOutput;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        LimitToString = MaxOutput;
        RegexTimeOut = TimeSpan.FromSeconds(2);
        NewLine = "\n";
        TemplateLoader = includes;
        TryGetVariable = UnknownVariable;
        TryGetMember = UnknownMember;
    }

    /// <summary>Markdown escaping: every printed value is text unless the template marked it <see cref="RawText"/>.</summary>
    public override TemplateContext Write(SourceSpan span, object? textAsObject) => textAsObject switch
    {
        null => this,
        RawText raw => base.Write(span, raw.Text),
        _ when markdown => base.Write(span, TemplateEngine.EscapeMarkdown(ObjectToString(textAsObject) ?? "")),
        _ => base.Write(span, textAsObject),
    };

    /// <summary>Empty text and empty lists count as false, as a template writer expects (<c>{{ if workstream.outcomes }}</c>).</summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        string s => s.Length > 0,
        RawText r => r.Text.Length > 0,
        ICollection c and not ScriptObject => c.Count > 0,
        _ => base.ToBool(span, value),
    };

    public override void Import(SourceSpan span, object objectToImport) =>
        throw new SandboxException(span, Rules.TemplateSyntax, "template error: 'import' is not available in templates",
            "name the data you need directly, e.g. {{ org.name }}");

    bool UnknownVariable(TemplateContext context, SourceSpan span, ScriptVariable variable, out object value)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        // The data and the loop variables in scope; the functions of the language are not suggested.
        if (CurrentGlobal is ScriptObject top) names.UnionWith(top.Keys);
        foreach (var global in DataRoots) names.UnionWith(global.Keys);
        throw new UnknownNameException(span, variable.Name, null, names);
    }

    bool UnknownMember(TemplateContext context, SourceSpan span, object target, string member, out object value) =>
        throw new UnknownNameException(span, member, target is ScriptObject o ? o.Keys.Order(StringComparer.Ordinal).ToList() : [], null);

    /// <summary>The data objects this render was given (for "did you mean").</summary>
    public List<ScriptObject> DataRoots { get; } = [];
}

/// <summary>Text a template prints as it is, without Markdown escaping (<c>{{ notes | raw }}</c>).</summary>
public sealed record RawText(string Text)
{
    public override string ToString() => Text;
}

/// <summary>A problem a template runs into that we describe ourselves (rule, message, hint).</summary>
class SandboxException(SourceSpan span, DiagnosticRule rule, string message, string hint) : ScriptRuntimeException(span, message)
{
    public DiagnosticRule Rule { get; } = rule;
    public string Hint { get; } = hint;
}

/// <summary>A name that is not in the data: a variable (<c>Members</c> null) or a member of an object.</summary>
sealed class UnknownNameException(SourceSpan span, string name, IReadOnlyList<string>? members, IEnumerable<string>? variables)
    : ScriptRuntimeException(span, $"unknown placeholder '{name}'")
{
    public string Name { get; } = name;
    public IReadOnlyList<string>? Members { get; } = members;
    public IReadOnlyList<string> Variables { get; } = variables?.ToList() ?? [];
}

/// <summary>
/// The language's functions, less those that read the clock, make random numbers or evaluate text as a
/// template; <c>raw</c> added; <c>include</c> kept (through the sandboxed loader), its output inserted as written.
/// Made once per engine and shared by its renders (the language's own objects are read-only to templates).
/// </summary>
static class SandboxBuiltins
{
    public static ScriptObject Create()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        // Dates: the machine's clock and time zone would make output depend on when and where it was built.
        builtins.Remove("date");
        if (builtins["math"] is ScriptObject math) { math.Remove("random"); math.Remove("uuid"); }
        if (builtins["object"] is ScriptObject obj) { obj.Remove("eval"); obj.Remove("eval_template"); obj.Remove("from_json"); }
        builtins.Remove("include_join");
        if (builtins["include"] is IScriptCustomFunction include) builtins.SetValue("include", new RawInclude(include), readOnly: true);
        builtins.Import("raw", new Func<object?, RawText>(value => value is RawText r ? r : new RawText(value?.ToString() ?? "")));
        builtins.SetReadOnly("raw", true);
        return builtins;
    }

    /// <summary>Scriban's include, whose rendered text is already Markdown and must not be escaped again.</summary>
    sealed class RawInclude(IScriptCustomFunction inner) : IScriptCustomFunction
    {
        public int RequiredParameterCount => inner.RequiredParameterCount;
        public int ParameterCount => inner.ParameterCount;
        public ScriptVarParamKind VarParamKind => inner.VarParamKind;
        public Type ReturnType => typeof(RawText);
        public ScriptParameterInfo GetParameterInfo(int index) => inner.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (context.TemplateLoader is null)
                throw new SandboxException(callerContext?.Span ?? default, Rules.TemplateSyntax, "template error: 'include' is not available here",
                    "only templates in templates/ (or an organisation's templates/) can include other templates");
            return new RawText(inner.Invoke(context, callerContext, arguments, blockStatement)?.ToString() ?? "");
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }
}
