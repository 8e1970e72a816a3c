using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Features.Selling;

internal static class ShopSlugs
{
    /// <summary>
    /// Gives the seller the web address made from their name, or, when another shop has it, the first free
    /// one with a number after it ("green-acres-2"). One query, whatever the number of clashes.
    /// </summary>
    public static async Task GiveUniqueSlugAsync(this RuralMarketDbContext db, Seller seller, string name, TimeProvider clock, CancellationToken cancellationToken)
    {
        var wanted = Slug.From(name);
        var prefix = wanted + "-";
        var taken = await db.Sellers.AsNoTracking()
            .Where(s => s.Id != seller.Id && (s.Slug == wanted || s.Slug.StartsWith(prefix)))
            .Select(s => s.Slug)
            .ToListAsync(cancellationToken);
        var free = wanted;
        for (var n = 2; taken.Contains(free, StringComparer.Ordinal); n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            free = wanted[..Math.Min(wanted.Length, Slug.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }

        if (free != seller.Slug)
        {
            seller.ChangeSlug(free, clock);
        }
    }
}
