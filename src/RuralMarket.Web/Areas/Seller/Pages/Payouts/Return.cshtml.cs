using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Web.Areas.Seller.Pages.Payouts;

public sealed class ReturnModel(SellerPayoutAccounts accounts, IPaymentProvider payments, ILogger<ReturnModel> logger)
    : AccountStatusPageModel(accounts, payments, logger);
