using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Catalog;

/// <summary>
/// The only way stock goes down: one conditional UPDATE per product, so concurrent buyers can never
/// oversell (no read-then-write). Runs inside the caller's transaction when there is one.
/// </summary>
public static class StockReservations
{
    /// <summary>Takes <paramref name="quantity"/> units if that many are in stock and the product is for sale. Returns false otherwise.</summary>
    public static async Task<bool> TryReserveAsync(this RuralMarketDbContext db, Guid productId, int quantity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        var updated = await db.Products
            .Where(p => p.Id == productId && p.Stock >= quantity && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Stock, p => p.Stock - quantity).SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
        return updated == 1;
    }

    /// <summary>Gives units back (a failed or expired checkout, a cancelled order), whatever the product's status now.</summary>
    public static async Task ReleaseAsync(this RuralMarketDbContext db, Guid productId, int quantity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        await db.Products
            .Where(p => p.Id == productId)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Stock, p => p.Stock + quantity).SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
    }
}
