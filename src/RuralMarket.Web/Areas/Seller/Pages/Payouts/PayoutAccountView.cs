using Microsoft.EntityFrameworkCore;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Web.Areas.Seller.Pages.Payouts;

/// <summary>The seller's payout account as the payouts pages show it.</summary>
public sealed record PayoutAccountView(string? AccountId, bool ChargesEnabled, bool PayoutsEnabled, IReadOnlyList<string> StillNeeded, bool Fresh)
{
    public bool HasAccount => AccountId is not null;

    public bool IsReady => HasAccount && PayoutsEnabled;

    public string SetupButton => HasAccount ? "Continue setting up payouts with Stripe" : "Set up payouts with Stripe";

    /// <summary>As recorded (no call to the provider): the payouts page.</summary>
    public static Task<PayoutAccountView?> LoadAsync(RuralMarketDbContext db, IPaymentProvider payments, Guid sellerId, CancellationToken cancellationToken) =>
        db.Sellers.AsNoTracking()
            .Where(s => s.Id == sellerId)
            .Select(s => new PayoutAccountView(s.PayoutProvider == payments.Name ? s.PayoutAccountId : null, s.ChargesEnabled, s.PayoutsEnabled, Array.Empty<string>(), false))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>As the provider says now (on return from onboarding).</summary>
    public static PayoutAccountView From(SellerAccountStatus status) =>
        new(status.AccountId, status.ChargesEnabled, status.PayoutsEnabled, [.. status.CurrentlyDue.Select(Describe).Distinct()], true);

    /// <summary>Stripe's requirement codes ("individual.dob.day", "external_account") in words a seller understands.</summary>
    public static string Describe(string requirement) => requirement switch
    {
        "external_account" => "A bank account for your payouts",
        "tos_acceptance.date" or "tos_acceptance.ip" => "Accept Stripe's terms of service",
        "business_type" => "Your type of business",
        "business_profile.url" or "business_profile.product_description" => "A description of what you sell",
        "business_profile.mcc" => "Your business category",
        _ when requirement.StartsWith("individual.dob", StringComparison.Ordinal) => "Your date of birth",
        _ when requirement.StartsWith("individual.address", StringComparison.Ordinal) => "Your home address",
        _ when requirement.StartsWith("individual.verification", StringComparison.Ordinal) => "A photo of your ID",
        _ when requirement.StartsWith("individual.ssn", StringComparison.Ordinal) || requirement.StartsWith("individual.id_number", StringComparison.Ordinal) => "Your tax identification number",
        _ when requirement.StartsWith("individual.", StringComparison.Ordinal) => "Your personal details (" + requirement["individual.".Length..].Replace('_', ' ') + ")",
        _ => char.ToUpperInvariant(requirement[0]) + requirement[1..].Replace('_', ' ').Replace('.', ' '),
    };
}
