using System.Text;

namespace RuralMarket.Web.Features.SellerProducts;

/// <summary>One record of a CSV file and the line of the file it starts on (the header is line 1).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A file that is not valid CSV (for example a quote that is never closed).</summary>
public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>
/// RFC 4180 CSV: comma-separated fields, a field in double quotes may hold commas, line breaks and
/// doubled quotes (""), records end in CRLF (LF alone is accepted). A UTF-8 byte order mark is skipped.
/// </summary>
public static class Csv
{
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var quoted = false;
        var fieldStarted = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
        }

        void EndRecord()
        {
            EndField();
            // A blank line is not a record.
            if (!(fields.Count == 1 && fields[0].Length == 0))
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                    i++;
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        throw new CsvFormatException(line, $"Line {line}: a closing quote must be followed by a comma or the end of the line.");
                    }

                    continue;
                }

                if (c == '\n')
                {
                    line++;
                }

                field.Append(c);
                i++;
                continue;
            }

            switch (c)
            {
                case '"' when !fieldStarted && field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    i++;
                    break;
                case '"':
                    throw new CsvFormatException(line, $"Line {line}: a quote in the middle of a field; put the whole field in quotes and double the quote (\"\").");
                case ',':
                    EndField();
                    i++;
                    break;
                case '\r' or '\n':
                    EndRecord();
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    i++;
                    break;
            }
        }

        if (quoted)
        {
            throw new CsvFormatException(recordLine, $"Line {recordLine}: a quoted field is never closed.");
        }

        if (field.Length > 0 || fields.Count > 0 || fieldStarted)
        {
            EndRecord();
        }

        return records;
    }

    /// <summary>Writes one record, quoting fields that need it, ending in CRLF.</summary>
    public static void WriteRecord(StringBuilder output, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var value in fields)
        {
            if (!first)
            {
                output.Append(',');
            }

            first = false;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' ')))
            {
                output.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                output.Append(value);
            }
        }

        output.Append("\r\n");
    }
}
