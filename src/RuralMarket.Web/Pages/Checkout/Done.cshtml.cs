using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Ordering;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Web.Features.Checkout;

namespace RuralMarket.Web.Pages.Checkout;

/// <summary>Where the payment page returns the buyer: pending until the payment is applied, then the orders.</summary>
[Authorize]
public sealed class DoneModel(RuralMarketDbContext db, PlaceCheckout placeCheckout, TimeProvider clock) : PageModel
{
    public CheckoutSummary Checkout { get; private set; } = null!;

    public IReadOnlyList<OrderSummary> Orders { get; private set; } = [];

    /// <summary>The provider told us it was paid and the apply job has not run yet.</summary>
    public bool PaymentReceived { get; private set; }

    public bool Lapsed { get; private set; }

    /// <summary>Failed or expired after the buyer had placed another checkout, so its items were not put back in the cart.</summary>
    public bool Superseded { get; private set; }

    private string BuyerUserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var checkout = await db.Checkouts.AsNoTracking()
            .Where(c => c.Id == id && c.BuyerUserId == BuyerUserId)
            .Select(c => new CheckoutSummary(c.Id, c.Status, c.Total, c.ExpiresAt, c.FailureReason, c.PaymentProvider, c.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (checkout is null)
        {
            return NotFound();
        }

        Checkout = checkout;
        Lapsed = checkout.Status == CheckoutStatus.AwaitingPayment && clock.GetUtcNow().UtcDateTime >= checkout.ExpiresAt;
        Orders = await db.Orders.AsNoTracking()
            .Where(o => o.CheckoutId == id)
            .OrderBy(o => o.Number)
            .Join(db.Sellers, o => o.SellerId, s => s.Id, (o, s) => new OrderSummary(o.Number, s.Name, o.Total, o.Status))
            .ToListAsync(cancellationToken);
        if (checkout.Status is CheckoutStatus.Failed or CheckoutStatus.Expired)
        {
            Superseded = await CheckoutSettlement.BuyerCheckedOutSinceAsync(db, BuyerUserId, checkout.CreatedAt, cancellationToken);
        }

        if (checkout.Status == CheckoutStatus.AwaitingPayment)
        {
            var idText = id.ToString();
            PaymentReceived = await db.PaymentEvents.AsNoTracking()
                .AnyAsync(e => e.Provider == checkout.Provider && e.Type == CheckoutPaid.TypeName && e.AppliedAt == null && e.Payload.Contains(idText), cancellationToken);
        }

        return Page();
    }

    public string WhereTheItemsAre => Superseded
        ? "You placed another order since, so these items were not put back in your cart."
        : "Your items are back in your cart, so ordering again is one press.";

    /// <summary>Back to the payment page for a checkout that is still waiting.</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken cancellationToken)
    {
        var done = Url.PageLink("/Checkout/Done", values: new { id })!;
        var result = await placeCheckout.ToPaymentAsync(id, BuyerUserId, _ => (new Uri(done), new Uri(done)), cancellationToken);
        return Redirect(result.RedirectTo!.ToString());
    }

    public sealed record CheckoutSummary(Guid Id, CheckoutStatus Status, Money Total, DateTime ExpiresAt, string? FailureReason, string Provider, DateTime CreatedAt);

    public sealed record OrderSummary(long Number, string SellerName, Money Total, OrderStatus Status)
    {
        public string DisplayNumber => Domain.Ordering.Order.FormatNumber(Number);
    }
}
