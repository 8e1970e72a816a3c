using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Fulfilment;

namespace RuralMarket.Web.Features.Admin;

public enum OrderListFilter
{
    All,
    Disputed,
    HeldPayouts,
}

public sealed record AdminOrderRow(long Number, DateTime CreatedAt, string BuyerEmail, string SellerName, OrderStatus Status, Money Total, bool IsDisputed, bool PayoutHeld, Money Refunded)
{
    public string DisplayNumber => Order.FormatNumber(Number);
}

public sealed record AdminOrderLine(string Title, int Quantity, Money UnitPrice, Money LineTotal);

public sealed record AdminTimelineEntry(DateTime At, string What, string? Who, string? Note);

public sealed record AdminRefundView(DateTime At, Money Amount, string Reason, string? By, string? ProviderRefundId, Money ReversedFromSeller, bool IsTest);

public sealed record AdminPaymentEventView(DateTime ReceivedAt, string Provider, string Type, string EventId, DateTime? AppliedAt, string? Outcome);

public sealed record AdminPayoutView(PayoutStatus Status, Money Gross, Money Commission, Money Net, bool OnHold, string? HoldReason, string? ReversalReason, DateTime? ReleasableAt, string? TransferId, string? FailureReason);

public sealed record AdminOrderDetail(
    long Number, Guid Id, OrderStatus Status, DateTime CreatedAt, string BuyerEmail, string SellerName, Guid SellerId,
    string Method, Money Subtotal, Money DeliveryFee, Money PlatformFee, Money Total, Money Refunded, Money Refundable,
    bool IsDisputed, bool ProblemReported, string? ProblemDescription, string? CancellationReason, bool CanCancel,
    Guid CheckoutId, Money CheckoutTotal, CheckoutStatus CheckoutStatus, string PaymentProvider, string? PaymentReference,
    IReadOnlyList<AdminOrderLine> Lines, IReadOnlyList<AdminTimelineEntry> Timeline, AdminPayoutView? Payout,
    IReadOnlyList<AdminRefundView> Refunds, IReadOnlyList<AdminPaymentEventView> PaymentEvents)
{
    public string DisplayNumber => Order.FormatNumber(Number);
}

/// <summary>Orders as admins see them: searched across buyers and sellers, in full detail with the money, and cancelled with a reason.</summary>
public sealed class AdminOrders(RuralMarketDbContext db, OrderCancellation cancellation, TimeProvider clock)
{
    public const int PageSize = 30;

    /// <summary>"RM-000123" or "123" finds the number; an address with @ the buyer; other words the seller's name or a status.</summary>
    public async Task<(IReadOnlyList<AdminOrderRow> Rows, bool HasMore)> SearchAsync(string? query, OrderListFilter filter, int page, CancellationToken cancellationToken)
    {
        var rows = db.Orders.AsNoTracking()
            .Join(db.Checkouts, o => o.CheckoutId, c => c.Id, (o, c) => new { o, c.BuyerEmail })
            .Join(db.Sellers, x => x.o.SellerId, s => s.Id, (x, s) => new { x.o, x.BuyerEmail, SellerName = s.Name });
        var q = query?.Trim() ?? "";
        if (q.Length > 0)
        {
            var digits = q.StartsWith("RM-", StringComparison.OrdinalIgnoreCase) ? q[3..] : q;
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                rows = rows.Where(x => x.o.Number == number);
            }
            else if (Enum.TryParse<OrderStatus>(q, ignoreCase: true, out var status) && !q.Any(char.IsDigit))
            {
                rows = rows.Where(x => x.o.Status == status);
            }
            else
            {
                var lower = q.ToLowerInvariant();
                // Translated to SQL lower(...) on both providers.
#pragma warning disable CA1304, CA1311, CA1862
                rows = q.Contains('@', StringComparison.Ordinal)
                    ? rows.Where(x => x.BuyerEmail.ToLower().Contains(lower))
                    : rows.Where(x => x.SellerName.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
            }
        }

        rows = filter switch
        {
            OrderListFilter.Disputed => rows.Where(x => x.o.IsDisputed),
            OrderListFilter.HeldPayouts => rows.Where(x => db.Payouts.Any(p => p.OrderId == x.o.Id && p.OnHold)),
            _ => rows,
        };
        var list = await rows
            .OrderByDescending(x => x.o.Number)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(x => new AdminOrderRow(
                x.o.Number, x.o.CreatedAt, x.BuyerEmail, x.SellerName, x.o.Status, x.o.Total, x.o.IsDisputed,
                db.Payouts.Any(p => p.OrderId == x.o.Id && p.OnHold), x.o.RefundedAmount))
            .ToListAsync(cancellationToken);
        return (list.Take(PageSize).ToList(), list.Count > PageSize);
    }

    public async Task<AdminOrderDetail?> DetailAsync(long number, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .Include(o => o.StatusHistory)
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Number == number, cancellationToken);
        if (order is null)
        {
            return null;
        }

        var checkout = await db.Checkouts.AsNoTracking().SingleAsync(c => c.Id == order.CheckoutId, cancellationToken);
        var sellerName = await db.Sellers.Where(s => s.Id == order.SellerId).Select(s => s.Name).SingleAsync(cancellationToken);
        var payout = await db.Payouts.AsNoTracking()
            .Where(p => p.OrderId == order.Id)
            .Select(p => new AdminPayoutView(p.Status, p.Gross, p.Commission, p.Net, p.OnHold, p.HoldReason, p.ReversalReason, p.ReleasableAt, p.TransferId, p.FailureReason))
            .SingleOrDefaultAsync(cancellationToken);
        var refunds = await db.Refunds.AsNoTracking()
            .Where(r => r.OrderId == order.Id)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new AdminRefundView(r.CreatedAt, r.Amount, r.Reason, db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.Email).FirstOrDefault(), r.ProviderRefundId, r.ReversedFromSeller, r.IsTest))
            .ToListAsync(cancellationToken);
        var checkoutId = checkout.Id.ToString();
        var events = await db.PaymentEvents.AsNoTracking()
            .Where(e => e.Payload.Contains(checkoutId))
            .OrderBy(e => e.ReceivedAt)
            .Select(e => new AdminPaymentEventView(e.ReceivedAt, e.Provider, e.Type, e.EventId, e.AppliedAt, e.Outcome))
            .ToListAsync(cancellationToken);
        var userIds = order.StatusHistory.Select(h => h.ByUserId).Where(id => id is not null).Distinct().ToList();
        var emails = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);

        var timeline = new List<AdminTimelineEntry> { new(order.CreatedAt, "Placed", checkout.BuyerEmail, null) };
        timeline.AddRange(order.StatusHistory.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h =>
            new AdminTimelineEntry(h.At, $"{Pages.Orders.OrderText.Status(h.From)} → {Pages.Orders.OrderText.Status(h.To)}", h.ByUserId is null ? "system" : emails.GetValueOrDefault(h.ByUserId) ?? h.ByUserId, h.Note)));
        timeline.AddRange(refunds.Select(r => new AdminTimelineEntry(r.At, $"Refunded {r.Amount.Format()}", r.By, r.Reason)));
        timeline.AddRange(events.Select(e => new AdminTimelineEntry(e.ReceivedAt, $"Payment event {e.Type}", e.Provider, e.Outcome)));

        return new AdminOrderDetail(
            order.Number, order.Id, order.Status, order.CreatedAt, checkout.BuyerEmail, sellerName, order.SellerId,
            order.Method.ToString(), order.Subtotal, order.DeliveryFee, order.PlatformFee, order.Total, order.RefundedAmount, order.RefundableAmount,
            order.IsDisputed, order.ProblemReported, order.ProblemDescription, order.CancellationReason, order.CanCancel,
            checkout.Id, checkout.Total, checkout.Status, checkout.PaymentProvider, checkout.PaymentReference,
            order.Lines.Select(l => new AdminOrderLine(l.Title, l.Quantity, l.UnitPrice, l.LineTotal)).ToList(),
            timeline.OrderBy(t => t.At).ToList(), payout, refunds, events);
    }

    /// <summary>Cancels through the shared cancellation (refund, payout reversal, stock, emails) with an audit entry in the same transaction.</summary>
    public async Task<AdminOutcome> CancelAsync(long number, string? reason, string adminUserId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return AdminOutcome.Refused("Write the reason for cancelling: the buyer and the seller read it.");
        }

        reason = reason.Trim();
        try
        {
            var found = await cancellation.CancelAsync(
                o => o.Number == number,
                o =>
                {
                    var before = o.Status;
                    var refundDue = o.Cancel(reason, adminUserId, clock);
                    db.AuditEntries.Add(AuditEntry.Record(
                        adminUserId, "order.cancelled", "Order", o.DisplayNumber, reason,
                        JsonSerializer.Serialize(new { Status = before.ToString() }),
                        JsonSerializer.Serialize(new { Status = o.Status.ToString(), RefundDue = refundDue }),
                        clock));
                    return refundDue;
                },
                Canceller.Admin,
                adminUserId,
                cancellationToken);
            return found ? AdminOutcome.Done($"Order {Order.FormatNumber(number)} is cancelled; the buyer and seller are emailed.") : AdminOutcome.NotFound;
        }
        catch (DomainException e)
        {
            return AdminOutcome.Refused(e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdminOutcome.Refused(AdminOutcome.ChangedMeanwhile);
        }
    }
}
