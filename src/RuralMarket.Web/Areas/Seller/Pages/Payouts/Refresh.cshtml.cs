using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Web.Areas.Seller.Pages.Payouts;

public sealed class RefreshModel(SellerPayoutAccounts accounts, IPaymentProvider payments, ILogger<RefreshModel> logger)
    : AccountStatusPageModel(accounts, payments, logger);
