using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Infrastructure.Payments.Local;

namespace RuralMarket.Web.Pages.TestPayment;

/// <summary>
/// The local test provider's "hosted checkout". Each button emits the normalized event a real provider
/// would send, through the same inbox and apply job. Not there at all when a real provider is configured.
/// </summary>
[Authorize]
public sealed class IndexModel(RuralMarketDbContext db, IPaymentProvider payments, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    public Guid CheckoutId { get; private set; }

    public Money Total { get; private set; } = null!;

    public CheckoutStatus Status { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public bool Lapsed { get; private set; }

    public IReadOnlyList<string> Orders { get; private set; } = [];

    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid checkoutId, CancellationToken cancellationToken) =>
        await LoadAsync(checkoutId, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPayAsync(Guid checkoutId, CancellationToken cancellationToken) =>
        EmitAsync(checkoutId, TestPaymentAction.Pay, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(Guid checkoutId, CancellationToken cancellationToken) =>
        EmitAsync(checkoutId, TestPaymentAction.Decline, cancellationToken);

    public Task<IActionResult> OnPostExpireAsync(Guid checkoutId, CancellationToken cancellationToken) =>
        EmitAsync(checkoutId, TestPaymentAction.Expire, cancellationToken);

    private async Task<IActionResult> EmitAsync(Guid checkoutId, TestPaymentAction action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(checkoutId, cancellationToken))
        {
            return NotFound();
        }

        if (Status != CheckoutStatus.AwaitingPayment || Lapsed)
        {
            Refusal = Status switch
            {
                CheckoutStatus.Paid => "This checkout is already paid.",
                CheckoutStatus.Failed => "This payment was declined, so it cannot be paid now. Nothing was charged; start a new checkout from your cart.",
                _ => $"This checkout expired at {ExpiresAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC and can no longer be paid. Nothing was charged; add the items to your cart again to order.",
            };
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var (eventId, normalized) = LocalTestPaymentEvents.For(checkoutId, action);
        try
        {
            if (await db.ReceiveAsync(LocalTestPaymentProvider.ProviderName, eventId, normalized, clock.GetUtcNow().UtcDateTime, cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex)
        {
            // The same button pressed twice at once: the other press stored the event.
            logger.LogInformation(ex, "Test payment event {EventId} was already received", eventId);
        }

        return Redirect($"/checkout/{checkoutId}/done");
    }

    private async Task<bool> LoadAsync(Guid checkoutId, CancellationToken cancellationToken)
    {
        if (payments is not LocalTestPaymentProvider)
        {
            return false;
        }

        var buyerUserId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var checkout = await db.Checkouts.AsNoTracking()
            .Where(c => c.Id == checkoutId && c.BuyerUserId == buyerUserId && c.PaymentProvider == LocalTestPaymentProvider.ProviderName)
            .Select(c => new { c.Total, c.Status, c.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (checkout is null)
        {
            return false;
        }

        CheckoutId = checkoutId;
        Total = checkout.Total;
        Status = checkout.Status;
        ExpiresAt = checkout.ExpiresAt;
        Lapsed = checkout.Status == CheckoutStatus.AwaitingPayment && clock.GetUtcNow().UtcDateTime >= checkout.ExpiresAt;
        Orders = [.. (await db.Orders.AsNoTracking().Where(o => o.CheckoutId == checkoutId).OrderBy(o => o.Number)
                .Join(db.Sellers, o => o.SellerId, s => s.Id, (o, s) => new { o.Number, s.Name, o.Total })
                .ToListAsync(cancellationToken))
            .Select(o => $"{Pages.Orders.OrderText.Number(o.Number)} — {o.Name} — {o.Total.Format()}")];
        return true;
    }
}
