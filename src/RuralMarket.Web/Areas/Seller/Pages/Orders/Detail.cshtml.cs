using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Fulfilment;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Web.Areas.Seller.Pages.Payouts;
using RuralMarket.Web.Pages.Orders;

namespace RuralMarket.Web.Areas.Seller.Pages.Orders;

/// <summary>
/// One of the seller's orders: buyer, lines, how it travels, money, timeline, and only the next steps the
/// order's state machine allows. Another seller's order number is 404.
/// </summary>
public sealed class DetailModel(RuralMarketDbContext db, SellerOrderActions actions, IPaymentProvider payments) : SellerPageModel
{
    public sealed class ShipInput
    {
        [Required(ErrorMessage = "Say which carrier has the parcel.")]
        [StringLength(100, ErrorMessage = "Keep the carrier's name under 100 characters.")]
        [Display(Name = "Carrier")]
        public string? Carrier { get; set; }

        [StringLength(100, ErrorMessage = "A tracking number is at most 100 characters.")]
        [Display(Name = "Tracking number")]
        public string? TrackingNumber { get; set; }
    }

    public sealed class HandOverInput
    {
        [Required(ErrorMessage = "Type the pickup code the buyer shows you.")]
        [StringLength(20, ErrorMessage = "That is longer than any pickup code.")]
        [Display(Name = "Buyer's pickup code")]
        public string? Code { get; set; }
    }

    public sealed class CancelInput
    {
        [Required(ErrorMessage = "Tell the buyer why you are cancelling.")]
        [StringLength(500, ErrorMessage = "Keep the reason under 500 characters.")]
        [Display(Name = "Reason (the buyer reads this)")]
        public string? Reason { get; set; }
    }

    public Order Order { get; private set; } = null!;

    public string? BuyerEmail { get; private set; }

    public PickupPoint? Pickup { get; private set; }

    public string? PayoutState { get; private set; }

    public ShipInput Ship { get; private set; } = new();

    public HandOverInput HandOver { get; private set; } = new();

    public CancelInput Cancel { get; private set; } = new();

    public Money Net => Order.Total - Order.PlatformFee;

    /// <summary>Cancelling is offered (and accepted) only once the buyer has paid and before the order is on its way.</summary>
    public bool CanCancel => Order.CanCancel && Order.WasPaid;

    public bool HasActions => Order.CanStartPreparing || Order.CanMarkShipped || Order.CanMarkReadyForPickup || Order.CanConfirmPickup
        || Order.CanMarkOutForDelivery || Order.CanMarkDelivered || CanCancel;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        OrderText.TryParseNumber(number, out var parsed) && await LoadAsync(parsed, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPrepareAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, true, n => actions.StartPreparingAsync(Seller.Id, n, Seller.OwnerUserId, cancellationToken), "Started preparing. The buyer has been told.", cancellationToken);

    public Task<IActionResult> OnPostShipAsync(string number, [Bind(Prefix = "Ship")] ShipInput input, CancellationToken cancellationToken)
    {
        Ship = input;
        return ActAsync(number, ModelState.IsValid, n => actions.MarkShippedAsync(Seller.Id, n, Seller.OwnerUserId, input.Carrier!, input.TrackingNumber, cancellationToken), "Marked shipped. The buyer has the carrier and tracking number.", cancellationToken);
    }

    public Task<IActionResult> OnPostReadyAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, true, n => actions.MarkReadyForPickupAsync(Seller.Id, n, Seller.OwnerUserId, cancellationToken), "Ready for pickup. The buyer has their pickup code: ask for it when they come.", cancellationToken);

    public Task<IActionResult> OnPostHandOverAsync(string number, [Bind(Prefix = "HandOver")] HandOverInput input, CancellationToken cancellationToken)
    {
        HandOver = input;
        return ActAsync(number, ModelState.IsValid, n => actions.HandOverAsync(Seller.Id, n, Seller.OwnerUserId, input.Code!, cancellationToken), "Handed over. Thank you!", cancellationToken);
    }

    public Task<IActionResult> OnPostOutForDeliveryAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, true, n => actions.MarkOutForDeliveryAsync(Seller.Id, n, Seller.OwnerUserId, cancellationToken), "Out for delivery. The buyer has been told.", cancellationToken);

    public Task<IActionResult> OnPostDeliveredAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, true, n => actions.MarkDeliveredAsync(Seller.Id, n, Seller.OwnerUserId, cancellationToken), "Marked delivered.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(string number, [Bind(Prefix = "Cancel")] CancelInput input, CancellationToken cancellationToken)
    {
        Cancel = input;
        return ActAsync(number, ModelState.IsValid, n => actions.CancelAsync(Seller.Id, n, Seller.OwnerUserId, input.Reason!, cancellationToken), "Order cancelled and the buyer refunded. The stock is back on sale.", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(string number, bool inputValid, Func<long, Task<bool>> act, string done, CancellationToken cancellationToken)
    {
        if (!OrderText.TryParseNumber(number, out var parsed))
        {
            return NotFound();
        }

        if (!inputValid)
        {
            return await RedisplayAsync(parsed, StatusCodes.Status400BadRequest, null, cancellationToken);
        }

        try
        {
            if (!await act(parsed))
            {
                return NotFound();
            }
        }
        catch (DomainException ex)
        {
            return await RedisplayAsync(parsed, StatusCodes.Status409Conflict, ex.Message, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A version conflict, or the step's email already written by a double-clicked twin of this request.
            return await RedisplayAsync(parsed, StatusCodes.Status409Conflict, "This order changed while you were working on it. Here it is as it is now; check it and try again.", cancellationToken);
        }

        Flash(done);
        return RedirectToPage(new { number = OrderText.Number(parsed) });
    }

    private async Task<IActionResult> RedisplayAsync(long number, int status, string? error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        if (error is not null)
        {
            ModelState.AddModelError(string.Empty, error);
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(long number, CancellationToken cancellationToken)
    {
        var sellerId = Seller.Id;
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Number == number && o.SellerId == sellerId, cancellationToken);
        if (order is null)
        {
            return false;
        }

        Order = order;
        var context = await (
            from c in db.Checkouts.AsNoTracking()
            where c.Id == order.CheckoutId
            from s in db.Sellers.AsNoTracking()
            where s.Id == sellerId
            select new { c.BuyerEmail, s.Fulfilment.PickupAddress, s.Fulfilment.PickupHours, s.Fulfilment.PickupInstructions })
            .SingleAsync(cancellationToken);
        BuyerEmail = context.BuyerEmail;
        Pickup = new PickupPoint(context.PickupAddress, context.PickupHours, context.PickupInstructions);
        var payout = await db.Payouts.AsNoTracking().Where(p => p.OrderId == order.Id && p.SellerId == sellerId).Select(PayoutView.Projection).SingleOrDefaultAsync(cancellationToken);
        PayoutState = payout is null ? null : PayoutView.State(payout, await PayoutView.WaitingForAccountAsync(db, payments, sellerId, cancellationToken));
        return true;
    }

    public string Who(OrderStatusChange step) =>
        step.ByUserId is null ? (step.To is OrderStatus.Paid or OrderStatus.Cancelled && step.From == OrderStatus.PendingPayment ? "" : "automatically")
        : step.ByUserId == Seller.OwnerUserId ? "by you"
        : step.ByUserId == Order.BuyerUserId ? "by the buyer"
        : "by RuralMarket";
}
