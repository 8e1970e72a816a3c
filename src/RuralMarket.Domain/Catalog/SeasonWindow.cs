using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Catalog;

/// <summary>
/// The months a product is in season, inclusive. 0/0 means all year; a window may wrap over the new year
/// (November to February).
/// </summary>
public sealed record SeasonWindow
{
    public static readonly SeasonWindow AllYear = new(0, 0);

    public SeasonWindow(int startMonth, int endMonth)
    {
        Guard.That(
            (startMonth, endMonth) is (0, 0) || (startMonth is >= 1 and <= 12 && endMonth is >= 1 and <= 12),
            "A season needs a start and end month between 1 and 12, or none for all year.");
        StartMonth = startMonth;
        EndMonth = endMonth;
    }

    public int StartMonth { get; private init; }

    public int EndMonth { get; private init; }

    public bool IsAllYear => StartMonth == 0;

    public bool Includes(int month)
    {
        Guard.That(month is >= 1 and <= 12, "A month must be between 1 and 12.");
        return IsAllYear
            || (StartMonth <= EndMonth
                ? month >= StartMonth && month <= EndMonth
                : month >= StartMonth || month <= EndMonth);
    }
}
