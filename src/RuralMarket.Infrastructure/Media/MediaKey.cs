using System.Diagnostics.CodeAnalysis;

namespace RuralMarket.Infrastructure.Media;

/// <summary>
/// The rules for storage keys: lower-case ASCII letters, digits, '.', '-' and '_' in '/'-separated segments,
/// no empty, '.' or '..' segment and no segment starting with a dot. A valid key can never leave the
/// storage root, whatever the backend.
/// </summary>
public static class MediaKey
{
    public const int MaxLength = 400;

    public static bool IsValid([NotNullWhen(true)] string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (!IsValidSegment(segment))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A prefix is a valid key, optionally followed by one '/'.</summary>
    public static bool IsValidPrefix([NotNullWhen(true)] string? prefix) =>
        !string.IsNullOrEmpty(prefix) && IsValid(prefix.EndsWith('/') ? prefix[..^1] : prefix);

    public static string Require(string key) =>
        IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a valid media key.", nameof(key));

    private static bool IsValidSegment(string segment) =>
        segment.Length > 0
        && segment[0] != '.'
        && segment.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_');
}
