using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace QcdpBuilder.Packaging;

/// <summary>
/// Reading and writing the XML of package parts, the same way for PPTX, DOCX and XLSX: UTF-8 without a
/// byte-order mark, unindented, with a standalone declaration and "\n" line ends on every platform; read without DTDs.
/// </summary>
public static class OpcXml
{
    static readonly UTF8Encoding Utf8 = new(false);

    static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = Utf8,
        Indent = false,
        // The default is Environment.NewLine: "\r\n" on Windows would make the bytes depend on the machine.
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    static readonly XmlReaderSettings ReaderSettings = new()
    {
        // No DTDs: a reference file comes from an organisation, and entity expansion is a way to exhaust memory.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    /// <summary>The bytes of a part holding <paramref name="xml"/>.</summary>
    public static byte[] Bytes(XDocument xml)
    {
        var ms = new MemoryStream();
        using (var writer = XmlWriter.Create(ms, WriterSettings))
        {
            writer.WriteStartDocument(standalone: true);
            xml.Root?.WriteTo(writer);
            writer.WriteEndDocument();
        }
        return ms.ToArray();
    }

    /// <summary>The bytes of a part whose root is <paramref name="root"/>.</summary>
    public static byte[] Bytes(XElement root) => Bytes(new XDocument(root));

    /// <summary>Reads a part's XML, keeping its whitespace (a reference file's text runs may rely on it).</summary>
    public static XDocument Load(byte[] data)
    {
        using var reader = XmlReader.Create(new MemoryStream(data, writable: false), ReaderSettings);
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }

    /// <summary>
    /// <paramref name="text"/> without the characters XML 1.0 cannot hold (control characters other than tab,
    /// line feed and carriage return; unpaired surrogates; U+FFFE and U+FFFF), which the writer would refuse.
    /// </summary>
    public static string Clean(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (!Allowed(text, i, out var pair)) return Strip(text);
            else if (pair) i++;
        return text;
    }

    static string Strip(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!Allowed(text, i, out var pair)) continue;
            sb.Append(text[i]);
            if (pair) sb.Append(text[++i]);
        }
        return sb.ToString();
    }

    static bool Allowed(string text, int i, out bool pair)
    {
        var c = text[i];
        pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        return pair || XmlConvert.IsXmlChar(c);
    }
}
