namespace RuralMarket.Infrastructure.Search;

/// <summary>
/// Long lists (a category, a search for "organic") are counted only as far as their pager needs, and shown as
/// "1,000+": counting every match costs the database as much as finding the page.
/// </summary>
public static class CountCaps
{
    /// <summary>
    /// How far to count for <paramref name="page"/>: a round thousand that covers at least ten pages past it. Count
    /// with <c>Take(cap + 1)</c>; more than <c>cap</c> means there are more than the count says.
    /// </summary>
    public static int For(int page, int pageSize)
    {
        var needed = ((long)Math.Max(page, 1) + 10) * pageSize;
        return (int)Math.Min(int.MaxValue - 1, (needed + 999) / 1000 * 1000);
    }
}
