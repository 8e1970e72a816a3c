using Microsoft.EntityFrameworkCore;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Web.Features.Cart;

/// <summary>
/// Anonymous carts whose cookie has expired can never be opened again: delete them (their lines and choices go
/// with them by cascade), so guests who added something once do not leave rows behind forever.
/// </summary>
public sealed class DeleteAbandonedAnonymousCarts(RuralMarketDbContext db, TimeProvider clock) : IPeriodicTask
{
    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - CartCookie.Lifetime;
        await db.Carts
            .Where(c => c.BuyerUserId == null && c.AnonymousToken != null && c.UpdatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
