namespace RuralMarket.Infrastructure.Content;

/// <summary>Plain text on one line, cut at a word near a length (meta descriptions, previews).</summary>
public static class TextSummary
{
    private const string TrailingPunctuation = ",.;:-—";

    public static string Of(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var line = string.Join(' ', words);
        if (line.Length <= maxLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', maxLength - 1);
        return string.Concat(line.AsSpan(0, cut > maxLength / 2 ? cut : maxLength - 1).TrimEnd(TrailingPunctuation), "…");
    }
}
