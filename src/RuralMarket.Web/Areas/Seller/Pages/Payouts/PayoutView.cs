using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Web.Areas.Seller.Pages.Payouts;

/// <summary>One order's payout as its seller sees it.</summary>
public sealed record PayoutView(
    Guid OrderId,
    Money Gross,
    Money Commission,
    Money Net,
    PayoutStatus Status,
    DateTime? ReleasableAt,
    DateTime? PaidAt,
    string? TransferId,
    bool IsTest,
    string? FailureReason,
    bool OnHold,
    string? HoldReason,
    string? ReversalReason)
{
    public static readonly Expression<Func<Payout, PayoutView>> Projection = p => new PayoutView(
        p.OrderId, p.Gross, p.Commission, p.Net, p.Status, p.ReleasableAt, p.PaidAt, p.TransferId, p.IsTest, p.FailureReason, p.OnHold, p.HoldReason, p.ReversalReason);

    /// <summary>The bucket the payouts page totals it under.</summary>
    public string Bucket => OnHold && Status is not (PayoutStatus.Paid or PayoutStatus.Reversed) ? "On hold" : Label(Status);

    public static string Label(PayoutStatus status) => status switch
    {
        PayoutStatus.Pending => "Pending",
        PayoutStatus.Releasable => "Releasable",
        PayoutStatus.Paid => "Paid",
        PayoutStatus.Failed => "Failed",
        PayoutStatus.Reversed => "Reversed",
        _ => status.ToString(),
    };

    /// <summary>The buckets in the order money flows.</summary>
    public static readonly IReadOnlyList<string> Buckets = ["Pending", "Releasable", "On hold", "Failed", "Paid", "Reversed"];

    /// <summary>One line that says where the money is.</summary>
    public static string State(PayoutView payout, bool waitingForAccount) => payout switch
    {
        { Status: PayoutStatus.Paid } => $"Paid {When(payout.PaidAt)}, transfer {payout.TransferId}{(payout.IsTest ? " — TEST — no money moved" : "")}",
        { Status: PayoutStatus.Reversed } => $"Reversed — {payout.ReversalReason}",
        { OnHold: true } => $"On hold — {payout.HoldReason}",
        { Status: PayoutStatus.Pending } => "Pending — released once the order is complete",
        { Status: PayoutStatus.Releasable } when waitingForAccount => "Releasable — waiting for your payout account",
        { Status: PayoutStatus.Releasable } => $"Releasable from {When(payout.ReleasableAt)}",
        { Status: PayoutStatus.Failed } => $"Failed — {payout.FailureReason} We retry automatically.",
        _ => Label(payout.Status),
    };

    /// <summary>
    /// True when a real payment provider cannot pay this seller yet (no payout account, or payouts not enabled):
    /// the money waits, releasable. The test provider pays everyone (no money moves).
    /// </summary>
    public static async Task<bool> WaitingForAccountAsync(RuralMarketDbContext db, IPaymentProvider payments, Guid sellerId, CancellationToken cancellationToken) =>
        !payments.IsTest && !await db.Sellers.AsNoTracking().AnyAsync(s => s.Id == sellerId && s.PayoutAccountId != null && s.PayoutsEnabled, cancellationToken);

    private static string When(DateTime? utc) => utc?.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";
}
