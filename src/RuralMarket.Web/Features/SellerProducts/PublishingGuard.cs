using Microsoft.EntityFrameworkCore;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Web.Features.SellerProducts;

/// <summary>
/// With a real payment provider a seller publishes only once their payout account can receive money, so no
/// buyer pays for goods whose seller cannot be paid. The local test provider pays everyone (no money moves),
/// so there it never stands in the way.
/// </summary>
public sealed class PublishingGuard(RuralMarketDbContext db, IPaymentProvider payments)
{
    public const string PayoutSetupPath = "/Seller/Payouts";

    /// <summary>Why this seller cannot publish now, or null when they can.</summary>
    public async Task<string?> WhyNotAsync(Guid sellerId, CancellationToken cancellationToken) =>
        payments.IsTest || await db.Sellers.AnyAsync(s => s.Id == sellerId && s.PayoutAccountId != null && s.PayoutsEnabled, cancellationToken)
            ? null
            : "Set up payouts with Stripe before publishing: buyers can pay for your products once your payout account can receive the money.";
}
