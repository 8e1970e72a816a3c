using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Ordering;

namespace RuralMarket.Web.Pages.Orders;

/// <summary>One of the buyer's orders: timeline, lines, totals, how it reaches them; cancel or confirm receipt.</summary>
[Authorize]
public sealed class DetailModel(RuralMarketDbContext db, BuyerOrderActions actions) : PageModel
{
    public OrderView Order { get; private set; } = null!;

    private string BuyerUserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (!OrderText.TryParseNumber(number, out var parsed) || await LoadAsync(parsed, cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }

    public Task<IActionResult> OnPostCancelAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, n => actions.CancelAsync(n, BuyerUserId, cancellationToken), "Your order is cancelled.", cancellationToken);

    public Task<IActionResult> OnPostReceivedAsync(string number, CancellationToken cancellationToken) =>
        ActAsync(number, n => actions.ConfirmReceivedAsync(n, BuyerUserId, cancellationToken), "Thank you — the order is complete.", cancellationToken);

    public sealed class ProblemInput
    {
        [Required(ErrorMessage = "Tell us what is wrong.")]
        [StringLength(2000, ErrorMessage = "Keep it under 2,000 characters.")]
        [Display(Name = "What is wrong?")]
        public string? Description { get; set; }
    }

    public ProblemInput Problem { get; private set; } = new();

    public async Task<IActionResult> OnPostProblemAsync(string number, [Bind(Prefix = "Problem")] ProblemInput input, CancellationToken cancellationToken)
    {
        Problem = input;
        if (!ModelState.IsValid)
        {
            if (!OrderText.TryParseNumber(number, out var parsed) || await LoadAsync(parsed, cancellationToken) is not { } order)
            {
                return NotFound();
            }

            Order = order;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await ActAsync(number, n => actions.ReportProblemAsync(n, BuyerUserId, input.Description!, cancellationToken), "Thank you for telling us. The seller has been asked to sort it out; the order stays open until then.", cancellationToken);
    }

    private async Task<IActionResult> ActAsync(string number, Func<long, Task<bool>> act, string done, CancellationToken cancellationToken)
    {
        if (!OrderText.TryParseNumber(number, out var parsed))
        {
            return NotFound();
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
            db.ChangeTracker.Clear();
            if (await LoadAsync(parsed, cancellationToken) is not { } order)
            {
                return NotFound();
            }

            Order = order;
            ModelState.AddModelError(string.Empty, ex.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        TempData["Flash"] = done;
        return RedirectToPage(new { number = OrderText.Number(parsed) });
    }

    private async Task<OrderView?> LoadAsync(long number, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking()
            .Where(o => o.Number == number && o.BuyerUserId == BuyerUserId)
            .Join(db.Sellers, o => o.SellerId, s => s.Id, (o, s) => new OrderView(
                o.Number,
                s.Name,
                s.Slug,
                o.CreatedAt,
                o.Status,
                o.Method,
                o.Delivery,
                o.Subtotal,
                o.DeliveryFee,
                o.Total,
                o.RefundedAmount,
                o.Carrier,
                o.TrackingNumber,
                o.PickupCode,
                s.Fulfilment.PickupAddress,
                s.Fulfilment.PickupHours,
                s.Fulfilment.PickupInstructions,
                o.CancellationReason,
                o.IsDisputed,
                o.ProblemReported,
                o.ProblemDescription,
                o.Lines.OrderBy(l => l.Title).Select(l => new LineView(l.Title, l.UnitPrice, l.Quantity, l.LineTotal)).ToList(),
                o.StatusHistory.OrderBy(h => h.At).Select(h => new StepView(h.To, h.At, h.Note)).ToList()))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return order;
    }

    public sealed record OrderView(
        long Number,
        string SellerName,
        string SellerSlug,
        DateTime PlacedAt,
        OrderStatus Status,
        FulfilmentMethod Method,
        DeliveryDetails Delivery,
        Money Subtotal,
        Money DeliveryFee,
        Money Total,
        Money Refunded,
        string? Carrier,
        string? TrackingNumber,
        string? PickupCode,
        string? PickupAddress,
        string? PickupHours,
        string? PickupInstructions,
        string? CancellationReason,
        bool IsDisputed,
        bool ProblemReported,
        string? ProblemDescription,
        List<LineView> Lines,
        List<StepView> Timeline)
    {
        public string DisplayNumber => OrderText.Number(Number);

        public bool CanCancel => Domain.Ordering.Order.BuyerMayCancel(Status);

        public bool CanConfirmReceived => Domain.Ordering.Order.CanBeCompleted(Status, IsDisputed, ProblemReported);

        /// <summary>Offered once the goods reached the buyer and until the order completes on its own.</summary>
        public bool CanReportProblem => Status is OrderStatus.Delivered or OrderStatus.PickedUp && !ProblemReported;
    }

    public sealed record LineView(string Title, Money UnitPrice, int Quantity, Money LineTotal);

    public sealed record StepView(OrderStatus To, DateTime At, string? Note);
}
