namespace RuralMarket.Domain.Common;

internal static class Guard
{
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }

    public static string Text(string? value, string name, int maxLength)
    {
        var trimmed = value?.Trim();
        That(!string.IsNullOrEmpty(trimmed), $"{name} is required.");
        That(trimmed!.Length <= maxLength, $"{name} must be at most {maxLength} characters.");
        return trimmed;
    }

    public static string? OptionalText(string? value, string name, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        That(trimmed.Length <= maxLength, $"{name} must be at most {maxLength} characters.");
        return trimmed;
    }

    public static string CountryCode(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        That(
            trimmed.Length == 2 && char.IsAsciiLetter(trimmed[0]) && char.IsAsciiLetter(trimmed[1]),
            "A country code must be two letters, like GB or KE.");
        return trimmed.ToUpperInvariant();
    }
}
