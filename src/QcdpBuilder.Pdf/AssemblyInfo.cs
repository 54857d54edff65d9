using System.Runtime.CompilerServices;

// Tests inspect internals such as glyph ranges of subset fonts.
[assembly: InternalsVisibleTo("QcdpBuilder.Pdf.Tests")]
