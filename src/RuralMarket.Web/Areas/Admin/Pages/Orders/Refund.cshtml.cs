using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Infrastructure.Payments.Refunds;
using RuralMarket.Web.Pages.Orders;

namespace RuralMarket.Web.Areas.Admin.Pages.Orders;

/// <summary>An admin gives money back for one order: all that is left, or part of it, always with a reason.</summary>
public sealed class RefundModel(RuralMarketDbContext db, OrderRefunds refunds, ILogger<RefundModel> logger) : PageModel
{
    public sealed class RefundInput
    {
        /// <summary>"full" or "partial".</summary>
        [Required]
        public string Kind { get; set; } = "full";

        /// <summary>For a partial refund, in the order's currency as people write it ("12.50", "1200").</summary>
        [StringLength(20)]
        public string? Amount { get; set; }

        [Required(ErrorMessage = "Say why the buyer is refunded: the seller and the audit log read it.")]
        [StringLength(1000, ErrorMessage = "Keep the reason under 1000 characters.")]
        public string? Reason { get; set; }
    }

    public sealed record OrderSummary(
        Guid Id, long Number, string SellerName, OrderStatus Status, Money Total, Money PlatformFee, Money Refunded, bool WasPaid, bool IsDisputed);

    public sealed record PastRefund(DateTime At, Money Amount, string Reason, string? ProviderRefundId, Money ReversedFromSeller, bool IsTest);

    [BindProperty]
    public RefundInput Input { get; set; } = new();

    public OrderSummary Order { get; private set; } = null!;

    public IReadOnlyList<PastRefund> Past { get; private set; } = [];

    public Money Refundable => Order.WasPaid ? Order.Total - Order.Refunded : Money.Zero(Order.Total.Currency);

    public string DisplayNumber => OrderText.Number(Order.Number);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        Money? amount = null;
        if (Input.Kind == "partial")
        {
            if (!decimal.TryParse(Input.Amount?.Trim().TrimStart('$', '¥', '€', '£'), NumberStyles.Number, CultureInfo.InvariantCulture, out var major))
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(RefundInput.Amount)}", $"Enter the amount to refund, like {Refundable.ToMajor().ToString(CultureInfo.InvariantCulture)}.");
            }
            else
            {
                try
                {
                    amount = Money.FromMajor(major, Order.Total.Currency);
                }
                catch (DomainException e)
                {
                    ModelState.AddModelError($"{nameof(Input)}.{nameof(RefundInput.Amount)}", e.Message);
                }
            }
        }
        else if (Input.Kind != "full")
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(RefundInput.Kind)}", "Choose a full or a partial refund.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var outcome = await refunds.RefundAsync(Order.Number, amount, Input.Reason!, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
            if (outcome is null)
            {
                return NotFound();
            }

            var reversed = outcome.ReversedFromSeller.IsPositive ? $" {outcome.ReversedFromSeller.Format()} was taken back from the seller's payout." : "";
            TempData["Flash"] = $"Refunded {outcome.Refund.Amount.Format()} for {DisplayNumber}.{reversed}";
            return RedirectToPage(new { number = DisplayNumber });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        catch (PaymentProviderUnavailableException e)
        {
            logger.LogWarning(e, "Refund of {Order} failed at the provider", DisplayNumber);
            ModelState.AddModelError(string.Empty, $"{e.Message} Nothing was refunded; try again in a moment.");
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(string.Empty, "This order changed at the same moment (another refund?). Nothing was refunded; check the amounts below and try again.");
        }

        db.ChangeTracker.Clear();
        await LoadAsync(number, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (!OrderText.TryParseNumber(number, out var n))
        {
            return false;
        }

        var order = await db.Orders.AsNoTracking()
            .Where(o => o.Number == n)
            .Join(db.Sellers, o => o.SellerId, s => s.Id, (o, s) => new OrderSummary(o.Id, o.Number, s.Name, o.Status, o.Total, o.PlatformFee, o.RefundedAmount, o.PaidAt != null, o.IsDisputed))
            .SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return false;
        }

        Order = order;
        Past = await db.Refunds.AsNoTracking()
            .Where(r => r.OrderId == order.Id)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new PastRefund(r.CreatedAt, r.Amount, r.Reason, r.ProviderRefundId, r.ReversedFromSeller, r.IsTest))
            .ToListAsync(cancellationToken);
        return true;
    }
}
