using Microsoft.AspNetCore.Mvc;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Web.Areas.Seller.Pages.Payouts;

/// <summary>
/// Where Stripe's onboarding sends the seller back (return) or when its link expired (refresh): the account is
/// read from Stripe again and recorded, and the page says what is enabled and what Stripe still needs.
/// </summary>
public abstract class AccountStatusPageModel(SellerPayoutAccounts accounts, IPaymentProvider payments, ILogger logger) : SellerPageModel
{
    public PayoutAccountView? Account { get; private set; }

    public bool ProviderDidNotAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (payments.IsTest)
        {
            return RedirectToPage("Index");
        }

        try
        {
            Account = await accounts.RefreshAsync(Seller.Id, cancellationToken) is { } status ? PayoutAccountView.From(status) : null;
        }
        catch (PaymentProviderUnavailableException ex)
        {
            logger.LogWarning(ex, "Payout account of seller {SellerId} could not be read", Seller.Id);
            ProviderDidNotAnswer = true;
        }

        return Page();
    }
}
