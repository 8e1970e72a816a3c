using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using RuralMarket.Web.Features.Admin;

namespace RuralMarket.Web.Areas.Admin.Pages.Orders;

/// <summary>One order in full: timeline, lines, money (checkout, fee, payout, refunds, payment events), cancel with a reason.</summary>
public sealed class DetailModel(AdminOrders orders) : AdminPageModel
{
    public AdminOrderDetail Order { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) =>
        await LoadAsync(number, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(string number, CancellationToken cancellationToken)
    {
        if (Parse(number) is not { } parsed)
        {
            return NotFound();
        }

        if (Reason?.Trim().Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), "Keep the reason under 500 characters.");
            return await LoadAsync(number, cancellationToken) ? Page() : NotFound();
        }

        var outcome = await orders.CancelAsync(parsed, Reason, AdminUserId, cancellationToken);
        return await AfterAsync(outcome, () => RedirectToPage(new { number }), async () => await LoadAsync(number, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        if (Parse(number) is not { } parsed || await orders.DetailAsync(parsed, cancellationToken) is not { } order)
        {
            return false;
        }

        Order = order;
        return true;
    }

    private static long? Parse(string number)
    {
        var digits = number.StartsWith("RM-", StringComparison.OrdinalIgnoreCase) ? number[3..] : number;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
