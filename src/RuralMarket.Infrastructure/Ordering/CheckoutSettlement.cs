using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Catalog;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Infrastructure.Ordering;

/// <summary>
/// Moves a checkout and its orders to their outcome: paid (payouts owed, emails), or failed/expired
/// (orders cancelled, stock released). Each outcome is one transaction; the checkout's version token
/// makes a second worker applying the same outcome lose cleanly instead of releasing stock twice.
/// </summary>
public sealed class CheckoutSettlement(RuralMarketDbContext db, IPaymentProvider payments, TimeProvider clock, ILogger<CheckoutSettlement> logger)
{
    /// <param name="paymentReference">The captured payment (a Stripe charge) that refunds and transfers will point at.</param>
    public Task MarkPaidAsync(Guid checkoutId, string? paymentReference, PaymentEvent? cause, CancellationToken cancellationToken) =>
        InTransactionAsync(cause, async ct =>
        {
            var checkout = await db.Checkouts.SingleOrDefaultAsync(c => c.Id == checkoutId, ct);
            if (checkout is null)
            {
                return ("Ignored: no such checkout.", []);
            }

            if (checkout.Status == CheckoutStatus.Paid)
            {
                return ("Ignored: already paid.", []);
            }

            if (checkout.Status != CheckoutStatus.AwaitingPayment)
            {
                // The money arrived after we gave up on it (and released the stock): give it back.
                var refund = await payments.RefundAsync(
                    new RefundRequest(checkout.Id, checkout.ProviderReference ?? "", checkout.Total, "Paid after the checkout had ended.", $"refund:late:{checkout.Id:N}", paymentReference), ct);
                logger.LogWarning("Checkout {CheckoutId} was paid while {Status}; refunded as {RefundId}", checkout.Id, checkout.Status, refund.RefundId);
                return ($"Late payment on a {checkout.Status.ToString().ToLowerInvariant()} checkout: refunded ({refund.RefundId}).", []);
            }

            var orders = await db.Orders.Include(o => o.Lines).Where(o => o.CheckoutId == checkoutId).OrderBy(o => o.Number).ToListAsync(ct);
            checkout.MarkPaid(clock, paymentReference);
            foreach (var order in orders)
            {
                order.MarkPaid(clock);
                db.Payouts.Add(Payout.ForOrder(order, clock));
            }

            await EnqueuePaidEmailsAsync(checkout, orders, ct);
            db.Jobs.Enqueue(new Media.Video.Analytics.AttributeVideoOrders(checkout.Id), clock.GetUtcNow().UtcDateTime, dedupKey: Media.Video.Analytics.AttributeVideoOrders.DedupKeyFor(checkout.Id));
            logger.LogInformation("Checkout {CheckoutId} paid: {Orders} orders", checkout.Id, orders.Count);
            return ($"Paid: {string.Join(", ", orders.Select(o => o.DisplayNumber))}.", []);
        }, cancellationToken);

    /// <summary>Failed or expired: cancels the unpaid orders, returns their stock and puts the items back in the buyer's cart.</summary>
    public Task AbandonAsync(Guid checkoutId, CheckoutStatus outcome, string? reason, PaymentEvent? cause, CancellationToken cancellationToken) =>
        InTransactionAsync(cause, async ct =>
        {
            var checkout = await db.Checkouts.SingleOrDefaultAsync(c => c.Id == checkoutId, ct);
            if (checkout is null)
            {
                return ("Ignored: no such checkout.", []);
            }

            if (checkout.Status != CheckoutStatus.AwaitingPayment)
            {
                return ($"Ignored: the checkout is already {checkout.Status.ToString().ToLowerInvariant()}.", []);
            }

            var orders = await db.Orders.Include(o => o.Lines).Where(o => o.CheckoutId == checkoutId).ToListAsync(ct);
            string note;
            if (outcome == CheckoutStatus.Failed)
            {
                checkout.MarkFailed(reason ?? "The payment failed.");
                note = $"Payment failed: {checkout.FailureReason}";
            }
            else
            {
                checkout.MarkExpired();
                note = "The time to pay ran out.";
            }

            foreach (var order in orders)
            {
                order.Cancel(note, null, clock);
            }

            await PutBackInCartAsync(checkout, orders, ct);
            var releases = orders.SelectMany(o => o.Lines).Select(l => (l.ProductId, l.Quantity)).ToList();
            logger.LogInformation("Checkout {CheckoutId} {Outcome}; releasing {Units} units", checkout.Id, checkout.Status, releases.Sum(r => r.Quantity));
            return ($"{checkout.Status}: stock released.", releases);
        }, cancellationToken);

    /// <summary>
    /// The provider could not open its payment page, so nothing can have been paid: the checkout fails, its
    /// orders are cancelled, the stock goes back, and the items go back into the buyer's cart so that placing
    /// the order again is one press. Returns false when the checkout had already moved on.
    /// </summary>
    public async Task<bool> ReturnToCartAsync(Guid checkoutId, string reason, CancellationToken cancellationToken)
    {
        var returned = false;
        await InTransactionAsync(null, async ct =>
        {
            var checkout = await db.Checkouts.SingleOrDefaultAsync(c => c.Id == checkoutId, ct);
            if (checkout is null || checkout.Status != CheckoutStatus.AwaitingPayment)
            {
                return ("", []);
            }

            var orders = await db.Orders.Include(o => o.Lines).Where(o => o.CheckoutId == checkoutId).ToListAsync(ct);
            checkout.MarkFailed(reason);
            foreach (var order in orders)
            {
                order.Cancel($"Payment failed: {reason}", null, clock);
            }

            await PutBackInCartAsync(checkout, orders, ct);
            returned = true;
            logger.LogWarning("Checkout {CheckoutId} returned to the cart: {Reason}", checkout.Id, reason);
            return ("", orders.SelectMany(o => o.Lines).Select(l => (l.ProductId, l.Quantity)).ToList());
        }, cancellationToken);
        return returned;
    }

    /// <summary>
    /// The unpaid orders' items go back into the buyer's cart, unless the buyer has placed another checkout since
    /// (then they have moved on, perhaps buying the same things, and old items turning up again would mislead).
    /// </summary>
    private async Task PutBackInCartAsync(Checkout checkout, List<Order> orders, CancellationToken ct)
    {
        if (await BuyerCheckedOutSinceAsync(db, checkout.BuyerUserId, checkout.CreatedAt, ct))
        {
            return;
        }

        var cart = await db.Carts.SingleOrDefaultAsync(c => c.BuyerUserId == checkout.BuyerUserId, ct);
        if (cart is null)
        {
            cart = Cart.ForBuyer(checkout.BuyerUserId, clock);
            db.Carts.Add(cart);
        }

        foreach (var order in orders)
        {
            cart.PutBack(order, clock);
        }
    }

    /// <summary>Whether the buyer placed another checkout after one placed at <paramref name="placedAt"/> (its items then stay out of the cart).</summary>
    public static Task<bool> BuyerCheckedOutSinceAsync(RuralMarketDbContext db, string buyerUserId, DateTime placedAt, CancellationToken cancellationToken) =>
        db.Checkouts.AnyAsync(c => c.BuyerUserId == buyerUserId && c.CreatedAt > placedAt, cancellationToken);

    public Task RecordOnlyAsync(PaymentEvent cause, string outcome, CancellationToken cancellationToken) =>
        InTransactionAsync(cause, _ => Task.FromResult<(string, List<(Guid, int)>)>((outcome, [])), cancellationToken);

    /// <summary>
    /// Saves the state change first (the version check takes the checkout's row), then releases stock in
    /// the same transaction, so a losing concurrent worker rolls back before touching stock.
    /// </summary>
    private async Task InTransactionAsync(PaymentEvent? cause, Func<CancellationToken, Task<(string Outcome, List<(Guid ProductId, int Quantity)> Releases)>> body, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (outcome, releases) = await body(ct);
            cause?.MarkApplied(outcome, clock.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                // Another worker settled this checkout first; let the job retry and find it settled.
                throw new InvalidOperationException("The checkout changed while it was being settled; retrying.", ex);
            }

            foreach (var (productId, quantity) in releases)
            {
                await db.ReleaseAsync(productId, quantity, ct);
            }

            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    private async Task EnqueuePaidEmailsAsync(Checkout checkout, List<Order> orders, CancellationToken cancellationToken)
    {
        var sellerIds = orders.Select(o => o.SellerId).ToList();
        var sellers = await db.Sellers.AsNoTracking()
            .Where(s => sellerIds.Contains(s.Id))
            .Join(db.Users, s => s.OwnerUserId, u => u.Id, (s, u) => new { s.Id, s.Name, u.Email })
            .ToListAsync(cancellationToken);
        var buyerName = await db.Users.Where(u => u.Id == checkout.BuyerUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        db.Jobs.Enqueue(OrderEmails.BuyerPaid(checkout.BuyerEmail, orders, sellers.ToDictionary(s => s.Id, s => s.Name), payments.IsTest), now, dedupKey: $"email:checkout-paid:{checkout.Id:N}");
        foreach (var order in orders)
        {
            var seller = sellers.Find(s => s.Id == order.SellerId);
            if (seller?.Email is { Length: > 0 } sellerEmail)
            {
                db.Jobs.Enqueue(OrderEmails.SellerPaid(sellerEmail, order, string.IsNullOrWhiteSpace(buyerName) ? "a buyer" : buyerName), now, dedupKey: $"email:order-paid:{order.Id:N}");
            }
        }
    }
}
