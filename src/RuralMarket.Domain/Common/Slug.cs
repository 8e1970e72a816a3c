using System.Globalization;
using System.Text;

namespace RuralMarket.Domain.Common;

/// <summary>Turns a name into the readable part of a web address: "Crème Brûlée Co." → "creme-brulee-co".</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var separatorPending = false;
        foreach (var c in decomposed)
        {
            var lower = char.ToLowerInvariant(c);
            var letters = lower switch
            {
                _ when char.IsAsciiLetterOrDigit(lower) => lower.ToString(),
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'ø' => "o",
                'ł' => "l",
                'đ' => "d",
                'þ' => "th",
                _ => null,
            };

            if (letters is not null)
            {
                if (separatorPending && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(letters);
                separatorPending = false;
            }
            else if (c is not ('\'' or '’') && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                // Apostrophes and accents vanish ("Ann's" → "anns"); everything else separates words.
                separatorPending = true;
            }
        }

        var slug = builder.Length > MaxLength ? builder.ToString(0, MaxLength).TrimEnd('-') : builder.ToString();
        Guard.That(slug.Length > 0, "A name needs at least one letter or digit from A to Z or 0 to 9 to make a web address.");
        return slug;
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug)
        && slug.Length <= MaxLength
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-'
        && slug[^1] != '-'
        && !slug.Contains("--", StringComparison.Ordinal);
}
