using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Payments;

/// <summary>
/// A seller's payout account with the provider: created on the first "set up payouts", its capabilities kept in
/// step with what the provider says (on return from onboarding and on every account event, always re-read from
/// the provider, so an old or replayed event cannot switch payouts back on or off wrongly).
/// </summary>
public sealed class SellerPayoutAccounts(RuralMarketDbContext db, IPaymentProvider payments, TimeProvider clock)
{
    /// <summary>Where to send the seller to set up (or finish setting up) their account; records a new account first.</summary>
    public async Task<Uri> StartOnboardingAsync(Guid sellerId, Uri returnUrl, Uri refreshUrl, CancellationToken cancellationToken)
    {
        var seller = await db.Sellers.SingleAsync(s => s.Id == sellerId, cancellationToken);
        var email = await db.Users.Where(u => u.Id == seller.OwnerUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        var existing = seller.PayoutProvider == payments.Name ? seller.PayoutAccountId : null;
        var link = await payments.CreateOnboardingLinkAsync(new OnboardingRequest(sellerId, existing, returnUrl, refreshUrl, email), cancellationToken);
        if (existing != link.AccountId)
        {
            seller.ConnectPayoutAccount(payments.Name, link.AccountId, clock);
            db.AuditEntries.Add(AuditEntry.Record(
                seller.OwnerUserId, "seller.payout-account.connected", "Seller", seller.Slug, null, null,
                JsonSerializer.Serialize(new { provider = payments.Name, accountId = link.AccountId }), clock));
            await db.SaveChangesAsync(cancellationToken);
        }

        return link.Url;
    }

    /// <summary>Reads the seller's account from the provider and records its capabilities. Null when the seller has none yet.</summary>
    public async Task<SellerAccountStatus?> RefreshAsync(Guid sellerId, CancellationToken cancellationToken)
    {
        var accountId = await db.Sellers.Where(s => s.Id == sellerId && s.PayoutProvider == payments.Name).Select(s => s.PayoutAccountId).SingleOrDefaultAsync(cancellationToken);
        if (accountId is null)
        {
            return null;
        }

        var status = await payments.GetSellerAccountAsync(accountId, cancellationToken);
        await RecordAsync(status, null, cancellationToken);
        return status;
    }

    /// <summary>An account event from the inbox: re-read the account, record it, mark the event applied (one save).</summary>
    public async Task ApplyAsync(SellerAccountUpdated updated, PaymentEvent cause, CancellationToken cancellationToken)
    {
        var known = await db.Sellers.AnyAsync(s => s.PayoutAccountId == updated.AccountId, cancellationToken);
        if (!known)
        {
            cause.MarkApplied("Ignored: no seller has this payout account.", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var status = await payments.GetSellerAccountAsync(updated.AccountId, cancellationToken);
        await RecordAsync(status, cause, cancellationToken);
    }

    private async Task RecordAsync(SellerAccountStatus status, PaymentEvent? cause, CancellationToken cancellationToken)
    {
        var seller = await db.Sellers.SingleOrDefaultAsync(s => s.PayoutAccountId == status.AccountId, cancellationToken);
        string outcome;
        if (seller is null)
        {
            outcome = "Ignored: no seller has this payout account.";
        }
        else if (seller.ChargesEnabled == status.ChargesEnabled && seller.PayoutsEnabled == status.PayoutsEnabled)
        {
            outcome = $"{seller.Name}: unchanged (payouts {(status.PayoutsEnabled ? "enabled" : "not enabled")}).";
        }
        else
        {
            var before = JsonSerializer.Serialize(new { chargesEnabled = seller.ChargesEnabled, payoutsEnabled = seller.PayoutsEnabled });
            seller.UpdatePayoutCapabilities(status.ChargesEnabled, status.PayoutsEnabled, clock);
            db.AuditEntries.Add(AuditEntry.Record(
                null, "seller.payout-account.updated", "Seller", seller.Slug, null, before,
                JsonSerializer.Serialize(new { chargesEnabled = status.ChargesEnabled, payoutsEnabled = status.PayoutsEnabled, currentlyDue = status.CurrentlyDue }), clock));
            outcome = $"{seller.Name}: charges {(status.ChargesEnabled ? "enabled" : "disabled")}, payouts {(status.PayoutsEnabled ? "enabled" : "disabled")}.";
        }

        cause?.MarkApplied(outcome, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }
}
