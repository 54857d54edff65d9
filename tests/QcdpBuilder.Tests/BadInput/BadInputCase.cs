using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.BadInput;

/// <summary>
/// One entry of the bad-input corpus: what is wrong, how to break a copy of the mini
/// repository that way, and what the build must say about it.
/// </summary>
public sealed record BadInputCase(string Name, string What, Action<MiniRepo> Break, Expectation Expect)
{
    public override string ToString() => Name;
}

/// <summary>What a build of a broken repository must do.</summary>
public abstract record Expectation;

/// <summary>
/// The build fails with an error in <paramref name="File"/> whose message contains
/// <paramref name="Message"/>, at <paramref name="Line"/>:<paramref name="Column"/> when given.
/// </summary>
public sealed record Fails(string File, string Message, int? Line = null, int? Column = null) : Expectation
{
    public override string ToString() => $"{File}:{Line}:{Column}: error: …{Message}…";
}

/// <summary>The input is odd, not wrong: the build succeeds (warnings allowed).</summary>
public sealed record Builds : Expectation
{
    public static readonly Builds Ok = new();
}

/// <summary>The build succeeds, with a warning in <paramref name="File"/> whose message contains <paramref name="Message"/>.</summary>
public sealed record Warns(string File, string Message, int? Line = null, int? Column = null) : Expectation
{
    public override string ToString() => $"{File}:{Line}:{Column}: warning: …{Message}…";
}
