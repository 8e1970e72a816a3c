using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Catalog;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Ordering;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Web.Features.Cart;
using BuyerCheckout = RuralMarket.Domain.Ordering.Checkout;

namespace RuralMarket.Web.Features.Checkout;

/// <summary>Where the buyer goes next, or why the checkout could not be placed (shown on the form).</summary>
public sealed record PlaceCheckoutResult(Uri? RedirectTo, string? Problem)
{
    public static PlaceCheckoutResult Refused(string problem) => new(null, problem);
}

/// <summary>
/// Turns the buyer's cart into one checkout with one order per seller, in one transaction: order numbers,
/// stock reserved per line with the conditional update, the cart cleared, and the checkout's expiry job.
/// Then sends the buyer to the payment provider's hosted page.
/// </summary>
/// <remarks>
/// Double submits: the expiry job's dedup key is the cart id and version the form was rendered from
/// (unique index on Jobs.DedupKey), and clearing the cart bumps its version (a concurrency token). A
/// replay of the same form finds the first checkout by that key; a concurrent one loses on the cart's
/// version or the key and rolls back, reservations included. No schema change needed.
/// </remarks>
public sealed class PlaceCheckout(
    RuralMarketDbContext db,
    CartReader carts,
    IPaymentProvider payments,
    CheckoutSettlement settlement,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<PlaceCheckout> logger)
{
    private static readonly System.Text.Json.JsonSerializerOptions JobJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public async Task<PlaceCheckoutResult> PlaceAsync(string buyerUserId, CheckoutInput input, Func<Guid, (Uri Success, Uri Cancel)> returnUrls, CancellationToken cancellationToken)
    {
        var key = ExpireCheckout.DedupKeyFor(input.CartId, input.CartVersion);
        if (await FindPlacedAsync(key, buyerUserId, cancellationToken) is { } earlier)
        {
            return await ToPaymentAsync(earlier, buyerUserId, returnUrls, cancellationToken);
        }

        Guid checkoutId;
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            var (placed, problem) = await strategy.ExecuteAsync(ct => PlaceInTransactionAsync(buyerUserId, input, key, ct), cancellationToken);
            if (problem is not null)
            {
                // A replay that arrived just after the first submit committed finds an emptied cart.
                return await FindPlacedAsync(key, buyerUserId, cancellationToken) is { } justPlaced
                    ? await ToPaymentAsync(justPlaced, buyerUserId, returnUrls, cancellationToken)
                    : PlaceCheckoutResult.Refused(problem);
            }

            checkoutId = placed;
        }
        catch (DbUpdateException ex)
        {
            // The same form submitted twice at once: the other request placed the checkout.
            db.ChangeTracker.Clear();
            if (await FindPlacedAsync(key, buyerUserId, cancellationToken) is { } concurrent)
            {
                return await ToPaymentAsync(concurrent, buyerUserId, returnUrls, cancellationToken);
            }

            logger.LogInformation(ex, "Checkout for cart {CartId} lost a race with a cart change", input.CartId);
            return PlaceCheckoutResult.Refused("Your cart changed while you were checking out. Please check it below and place your order again.");
        }

        return await ToPaymentAsync(checkoutId, buyerUserId, returnUrls, cancellationToken);
    }

    /// <summary>The provider's page for an unpaid checkout (asking again returns the same page), else its confirmation page.</summary>
    public async Task<PlaceCheckoutResult> ToPaymentAsync(Guid checkoutId, string buyerUserId, Func<Guid, (Uri Success, Uri Cancel)> returnUrls, CancellationToken cancellationToken)
    {
        var done = new Uri($"/checkout/{checkoutId}/done", UriKind.Relative);
        var checkout = await db.Checkouts.SingleOrDefaultAsync(c => c.Id == checkoutId && c.BuyerUserId == buyerUserId, cancellationToken);
        if (checkout is null || checkout.Status != CheckoutStatus.AwaitingPayment || checkout.HasLapsed(clock))
        {
            return new PlaceCheckoutResult(done, null);
        }

        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.CheckoutId == checkoutId).OrderBy(o => o.Number).ToListAsync(cancellationToken);
        var sellerIds = orders.Select(o => o.SellerId).ToList();
        var sellerNames = await db.Sellers.AsNoTracking().Where(s => sellerIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var (success, cancel) = returnUrls(checkoutId);
        HostedCheckout hosted;
        try
        {
            hosted = await payments.CreateHostedCheckoutAsync(
                new HostedCheckoutRequest(
                    checkout.Id,
                    checkout.Total,
                    checkout.BuyerEmail,
                    checkout.ExpiresAt,
                    "RuralMarket " + string.Join(", ", orders.Select(o => o.DisplayNumber)),
                    success,
                    cancel,
                    HostedCheckoutLines.For(orders, sellerNames)),
                cancellationToken);
        }
        catch (PaymentProviderUnavailableException ex)
        {
            // Nothing was charged: give the stock back and the items back to the cart, so trying again is one press.
            logger.LogWarning(ex, "Checkout {CheckoutId}: the payment page could not be opened", checkoutId);
            db.ChangeTracker.Clear();
            await settlement.ReturnToCartAsync(checkoutId, "The payment page could not be opened.", cancellationToken);
            return PlaceCheckoutResult.Refused(
                "We could not open the secure payment page just now (the payment service did not answer). Nothing was charged and your items are back in your cart. Please place your order again in a moment.");
        }

        if (checkout.ProviderReference != hosted.ProviderReference)
        {
            checkout.AttachProviderReference(hosted.ProviderReference);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The same form submitted twice at once: the other request attached this page first
                // (asking the provider again for a checkout returns the same page).
                db.ChangeTracker.Clear();
            }
        }

        return new PlaceCheckoutResult(hosted.RedirectUrl, null);
    }

    private async Task<(Guid CheckoutId, string? Problem)> PlaceInTransactionAsync(string buyerUserId, CheckoutInput input, string key, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cart = await db.Carts.SingleOrDefaultAsync(c => c.Id == input.CartId && c.BuyerUserId == buyerUserId, ct);
        if (cart is null)
        {
            // Not this buyer's cart (a stale or tampered form): nothing of anyone's is touched.
            return (Guid.Empty, "This page no longer matches your cart. Please check your cart below and place your order again.");
        }

        if (cart.IsEmpty)
        {
            return (Guid.Empty, "Your cart is empty.");
        }

        if (cart.Version != input.CartVersion)
        {
            return (Guid.Empty, "Your cart changed since this page was opened. Please check it below and place your order again.");
        }

        // Prices, fees and commission come from the catalog now, never from the form.
        var view = await carts.LoadAsync(new CartOwner(buyerUserId, null), ct);
        if (!view.CanCheckout || view.GrandTotal is not { } total)
        {
            return (Guid.Empty, view.HasOneCurrency
                ? "Nothing in your cart can be ordered right now. Please check your cart."
                : "Your cart mixes currencies, which one payment cannot do. Please check out one currency at a time.");
        }

        if (input.ShownTotal is { } shown && shown != total.Amount)
        {
            var changed = view.Groups.SelectMany(g => g.Lines).Where(l => l.Message is not null).Select(l => $"{l.Title}: {l.Message}").ToList();
            return (Guid.Empty, changed.Count > 0
                ? $"Your order changed since you opened this page. {string.Join(" ", changed)} Please check the new total and place your order again."
                : $"Prices changed since you opened this page: the total is now {total.Format()}. Please check it and place your order again.");
        }

        var buyerEmail = await db.Users.Where(u => u.Id == buyerUserId).Select(u => u.Email).SingleAsync(ct) ?? "";
        var ready = view.ReadyGroups;
        try
        {
            var checkout = BuyerCheckout.Start(buyerUserId, buyerEmail, total, payments.Name, options.Value.CheckoutTimeToPay, clock);
            var firstNumber = await db.TakeAsync(Counter.OrderNumber, ready.Count, ct);
            var orders = ready.Select((group, i) => Order.Create(
                    checkout.Id,
                    group.SellerId,
                    buyerUserId,
                    firstNumber + i,
                    [.. group.IncludedLines.Select(l => new OrderLine(l.ProductId, l.Title, l.UnitPrice, l.QuantityToBuy))],
                    group.ChosenMethod,
                    DetailsFor(group.ChosenMethod, input),
                    group.DeliveryFee!,
                    group.CommissionBasisPoints,
                    clock))
                .ToList();

            foreach (var line in ready.SelectMany(g => g.IncludedLines))
            {
                if (!await db.TryReserveAsync(line.ProductId, line.QuantityToBuy, ct))
                {
                    await transaction.RollbackAsync(ct);
                    var left = await db.Products.Where(p => p.Id == line.ProductId).Select(p => p.Stock).SingleOrDefaultAsync(ct);
                    return (Guid.Empty, left > 0
                        ? $"Sorry, {line.Title} just ran short: only {left} left. Nothing was ordered; please adjust your cart and try again."
                        : $"Sorry, {line.Title} just sold out. Nothing was ordered; please remove it from your cart and try again.");
                }
            }

            cart.Clear(clock);
            db.Checkouts.Add(checkout);
            db.Orders.AddRange(orders);
            db.Jobs.Enqueue(new ExpireCheckout(checkout.Id), clock.GetUtcNow().UtcDateTime, dedupKey: key, runAfter: checkout.ExpiresAt);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Checkout {CheckoutId} placed: {Orders} orders, {Total}", checkout.Id, orders.Count, total.Format());
            return (checkout.Id, null);
        }
        catch (DomainException ex)
        {
            await transaction.RollbackAsync(ct);
            return (Guid.Empty, ex.Message);
        }
    }

    private static DeliveryDetails DetailsFor(FulfilmentMethod method, CheckoutInput input) =>
        method == FulfilmentMethod.Pickup
            ? new DeliveryDetails(input.PickupName ?? input.Name ?? "", Phone: input.Phone, PickupNote: input.PickupNote)
            : new DeliveryDetails(input.Name ?? "", input.Line1, input.Line2, input.Town, input.Region, input.PostalCode, input.CountryCode, input.Phone);

    private async Task<Guid?> FindPlacedAsync(string key, string buyerUserId, CancellationToken ct)
    {
        var payload = await db.Jobs.AsNoTracking().Where(j => j.DedupKey == key).Select(j => j.Payload).FirstOrDefaultAsync(ct);
        if (payload is null)
        {
            return null;
        }

        var checkoutId = System.Text.Json.JsonSerializer.Deserialize<ExpireCheckout>(payload, JobJson)?.CheckoutId;
        return checkoutId is { } id && await db.Checkouts.AnyAsync(c => c.Id == id && c.BuyerUserId == buyerUserId, ct) ? id : null;
    }
}
