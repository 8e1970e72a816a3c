using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Fulfilment;

/// <summary>
/// What a seller does to one of their orders. Every method finds the order by number within the seller's
/// own orders (false: not theirs, nothing changed), lets the domain make the move (a DomainException when
/// the state machine refuses), emails the buyer about the step and saves once.
/// </summary>
public sealed class SellerOrderActions(
    RuralMarketDbContext db,
    OrderCancellation cancellation,
    TimeProvider clock,
    Settings.PlatformSettings platform)
{
    public Task<bool> StartPreparingAsync(Guid sellerId, long number, string userId, CancellationToken cancellationToken) =>
        MoveAsync(sellerId, number, o => o.StartPreparing(userId, clock), cancellationToken);

    public Task<bool> MarkShippedAsync(Guid sellerId, long number, string userId, string carrier, string? trackingNumber, CancellationToken cancellationToken) =>
        MoveAsync(sellerId, number, o => o.MarkShipped(carrier, trackingNumber, userId, clock), cancellationToken);

    /// <summary>Issues the pickup code: only the buyer sees it (order page and email).</summary>
    public Task<bool> MarkReadyForPickupAsync(Guid sellerId, long number, string userId, CancellationToken cancellationToken) =>
        MoveAsync(sellerId, number, o => o.MarkReadyForPickup(userId, clock), cancellationToken);

    /// <summary>The seller types the code the buyer shows; a wrong code changes nothing.</summary>
    public Task<bool> HandOverAsync(Guid sellerId, long number, string userId, string code, CancellationToken cancellationToken) =>
        MoveAsync(sellerId, number, o => o.ConfirmPickup(code, userId, clock), cancellationToken);

    public Task<bool> MarkOutForDeliveryAsync(Guid sellerId, long number, string userId, CancellationToken cancellationToken) =>
        MoveAsync(sellerId, number, o => o.MarkOutForDelivery(userId, clock), cancellationToken);

    public Task<bool> MarkDeliveredAsync(Guid sellerId, long number, string userId, CancellationToken cancellationToken) =>
        MoveAsync(sellerId, number, o => o.MarkDelivered(userId, clock), cancellationToken);

    /// <summary>Cancels with a reason the buyer reads; refunds what was paid and puts the stock back.</summary>
    public Task<bool> CancelAsync(Guid sellerId, long number, string userId, string reason, CancellationToken cancellationToken) =>
        cancellation.CancelAsync(
            o => o.Number == number && o.SellerId == sellerId,
            o => o.CancelBySeller(reason, userId, clock),
            Canceller.Seller,
            userId,
            cancellationToken);

    private async Task<bool> MoveAsync(Guid sellerId, long number, Action<Order> move, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == number && o.SellerId == sellerId, cancellationToken);
        if (order is null)
        {
            return false;
        }

        move(order);

        var buyerEmail = await db.Checkouts.AsNoTracking().Where(c => c.Id == order.CheckoutId).Select(c => c.BuyerEmail).SingleAsync(cancellationToken);
        var seller = await db.Sellers.AsNoTracking()
            .Where(s => s.Id == sellerId)
            .Select(s => new { s.Name, s.Fulfilment.PickupAddress, s.Fulfilment.PickupHours, s.Fulfilment.PickupInstructions })
            .SingleAsync(cancellationToken);
        var pickup = order.Method == FulfilmentMethod.Pickup ? new PickupPoint(seller.PickupAddress, seller.PickupHours, seller.PickupInstructions) : null;
        if (FulfilmentEmails.BuyerProgress(buyerEmail, order, seller.Name, pickup, (await platform.FulfilmentAsync(cancellationToken)).AutoCompleteAfter) is { } email)
        {
            db.Jobs.Enqueue(email, clock.GetUtcNow().UtcDateTime, dedupKey: FulfilmentEmails.ProgressDedupKey(order));
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
