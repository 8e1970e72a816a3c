using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Web.Areas.Seller.Pages.Payouts;

/// <summary>Every order's payout (gross, commission, net, where the money is) with totals per state.</summary>
public sealed class IndexModel(RuralMarketDbContext db, IPaymentProvider payments, SellerPayoutAccounts accounts, ILogger<IndexModel> logger) : SellerPageModel
{
    public const int PageSize = 50;

    public sealed record Row(long OrderNumber, PayoutView Payout);

    public sealed record Total(string Bucket, IReadOnlyList<Money> Amounts, int Count);

    public IReadOnlyList<Row> Payouts { get; private set; } = [];

    public IReadOnlyList<Total> Totals { get; private set; } = [];

    public bool WaitingForAccount { get; private set; }

    public bool IsTestProvider => payments.IsTest;

    /// <summary>The seller's payout account as last recorded (null: none yet).</summary>
    public PayoutAccountView? Account { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int TotalPages { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        if (pageNumber < 1)
        {
            return NotFound();
        }

        var sellerId = Seller.Id;
        var mine = db.Payouts.AsNoTracking().Where(p => p.SellerId == sellerId);
        var groups = await mine
            .GroupBy(p => new { p.Status, p.OnHold, p.Net.Currency })
            .Select(g => new { g.Key.Status, g.Key.OnHold, g.Key.Currency, Amount = g.Sum(p => p.Net.Amount), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var bucketed = groups.Select(g => new
        {
            Bucket = g.OnHold && g.Status is not (PayoutStatus.Paid or PayoutStatus.Reversed) ? "On hold" : PayoutView.Label(g.Status),
            g.Currency,
            g.Amount,
            g.Count,
        }).ToList();
        Totals = PayoutView.Buckets
            .Select(b => new Total(
                b,
                bucketed.Where(x => x.Bucket == b).GroupBy(x => x.Currency).Select(c => new Money(c.Sum(x => x.Amount), c.Key)).ToList(),
                bucketed.Where(x => x.Bucket == b).Sum(x => x.Count)))
            .ToList();

        var count = groups.Sum(g => g.Count);
        TotalPages = Math.Max(1, (count + PageSize - 1) / PageSize);
        if (pageNumber > TotalPages)
        {
            return NotFound();
        }

        PageNumber = pageNumber;
        Payouts = await mine
            .Join(db.Orders, p => p.OrderId, o => o.Id, (p, o) => new { p, o.Number })
            .OrderByDescending(x => x.Number)
            .Skip((pageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(x => new Row(x.Number, new PayoutView(
                x.p.OrderId, x.p.Gross, x.p.Commission, x.p.Net, x.p.Status, x.p.ReleasableAt, x.p.PaidAt, x.p.TransferId, x.p.IsTest, x.p.FailureReason, x.p.OnHold, x.p.HoldReason, x.p.ReversalReason)))
            .ToListAsync(cancellationToken);
        WaitingForAccount = await PayoutView.WaitingForAccountAsync(db, payments, sellerId, cancellationToken);
        Account = await PayoutAccountView.LoadAsync(db, payments, sellerId, cancellationToken);
        return Page();
    }

    /// <summary>"Set up payouts with Stripe": creates the seller's account if needed and sends them to Stripe's onboarding.</summary>
    public async Task<IActionResult> OnPostSetupAsync(CancellationToken cancellationToken)
    {
        if (payments.IsTest)
        {
            return RedirectToPage();
        }

        try
        {
            var link = await accounts.StartOnboardingAsync(
                Seller.Id,
                new Uri(Url.PageLink("/Payouts/Return", values: new { area = "Seller" })!),
                new Uri(Url.PageLink("/Payouts/Refresh", values: new { area = "Seller" })!),
                cancellationToken);
            return Redirect(link.ToString());
        }
        catch (PaymentProviderUnavailableException ex)
        {
            logger.LogWarning(ex, "Payout setup for seller {SellerId} could not start", Seller.Id);
            Flash("Stripe did not answer just now, so payout setup could not start. Nothing changed; please try again in a moment.");
            return RedirectToPage();
        }
    }

    public string UrlFor(int page) => page <= 1 ? "/Seller/Payouts" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/Seller/Payouts?page={page}");
}
