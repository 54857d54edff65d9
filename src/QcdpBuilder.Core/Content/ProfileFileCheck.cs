namespace QcdpBuilder.Content;

/// <summary>
/// A check on the files a profile names under <see cref="Keys"/>, kept with the code that reads that kind of file
/// (the deck writer checks reference decks, the document writer reference documents, the PDF writer font faces)
/// and registered with the loader by the pipeline (<see cref="ContentLoader.FileChecks"/>): reading a profile does
/// not depend on the writers, and a broken file is still one error on the profile's line, which
/// <c>qcdp validate</c> finds, rather than a failure in every writer.
/// </summary>
/// <param name="Keys">The profile keys whose files this checks.</param>
/// <param name="Problem">What is wrong with the file at a path (message and hint), or null if it can be used.</param>
public sealed record ProfileFileCheck(IReadOnlyList<string> Keys, Func<string, (string Message, string Hint)?> Problem);
