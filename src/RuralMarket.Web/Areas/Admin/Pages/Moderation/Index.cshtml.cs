using Microsoft.AspNetCore.Mvc;
using RuralMarket.Domain.Trust;
using RuralMarket.Web.Features.Admin;
using RuralMarket.Web.Features.Selling;

namespace RuralMarket.Web.Areas.Admin.Pages.Moderation;

/// <summary>
/// Appeals waiting for a second look, open reports grouped by target, and what moderators do about them: hide,
/// restore, keep hidden after an appeal, dismiss, suspend.
/// </summary>
public sealed class IndexModel(ModerationQueue queue, ModerationActions actions) : AdminPageModel
{
    public sealed class DecisionInput
    {
        public ReportTarget Target { get; set; }

        public Guid TargetId { get; set; }

        public string? Reason { get; set; }
    }

    public int PageNumber { get; private set; } = 1;

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public IReadOnlyList<ReportedTarget> Targets { get; private set; } = [];

    public IReadOnlyList<HiddenItem> Hidden { get; private set; } = [];

    public IReadOnlyList<HiddenItem> Appeals { get; private set; } = [];

    public int OpenTargets { get; private set; }

    public bool HasNextPage => PageNumber * ModerationQueue.PageSize < OpenTargets;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (RequestedPage() is not { } page)
        {
            return BadRequest();
        }

        PageNumber = page;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostHideAsync(CancellationToken cancellationToken) => DecideAsync(ModerationDecision.Hide, cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken) => DecideAsync(ModerationDecision.Restore, cancellationToken);

    public Task<IActionResult> OnPostKeepHiddenAsync(CancellationToken cancellationToken) => DecideAsync(ModerationDecision.KeepHidden, cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(CancellationToken cancellationToken) => DecideAsync(ModerationDecision.Dismiss, cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellationToken) => DecideAsync(ModerationDecision.SuspendSeller, cancellationToken);

    private async Task<IActionResult> DecideAsync(ModerationDecision decision, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Input.TargetId == Guid.Empty || !Enum.IsDefined(Input.Target))
        {
            return BadRequest();
        }

        if (Input.Reason?.Trim().Length > 500)
        {
            ModelState.AddModelError(string.Empty, "Keep the reason under 500 characters.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        var outcome = await actions.DecideAsync(decision, Input.Target, Input.TargetId, Input.Reason, AdminUserId, SellerEmails.SellLink(Url), cancellationToken);
        return await AfterAsync(outcome, () => RedirectToPage(), async () =>
        {
            await LoadAsync(cancellationToken);
            return Page();
        });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        OpenTargets = await queue.OpenTargetsAsync(cancellationToken);
        Targets = await queue.PageAsync(PageNumber, cancellationToken);
        Appeals = await queue.HiddenAsync(appealsOnly: true, cancellationToken);
        Hidden = await queue.HiddenAsync(appealsOnly: false, cancellationToken);
    }
}
