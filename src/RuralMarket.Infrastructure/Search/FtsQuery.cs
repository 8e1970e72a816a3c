using System.Text;

namespace RuralMarket.Infrastructure.Search;

/// <summary>
/// Turns what a buyer typed into a safe FTS5 query: only letters and digits survive, each word becomes a quoted
/// prefix term (<c>"tomato"*</c>), so FTS5 operators, quotes, columns and parentheses in the input are just text.
/// </summary>
public static class FtsQuery
{
    public const int MaxTerms = 8;

    private const int MaxTermLength = 40;

    /// <summary>Null when nothing searchable is left.</summary>
    /// <param name="loosely">Each word shortened to about 70 % of its letters, any word may match (OR).</param>
    public static string? From(string? text, bool loosely = false)
    {
        var terms = Words(text ?? "").Take(MaxTerms).Select(w => loosely ? Shorten(w) : w).Distinct().ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        return string.Join(loosely ? " OR " : " ", terms.Select(t => $"\"{t}\"*"));
    }

    private static string Shorten(string word) =>
        word.Length <= 4 ? word : word[..Math.Max(4, (int)Math.Ceiling(word.Length * 0.7))];

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length < MaxTermLength)
                {
                    word.Append(char.ToLowerInvariant(c));
                }
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
