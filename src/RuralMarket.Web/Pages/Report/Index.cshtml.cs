using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.Reports;

namespace RuralMarket.Web.Pages.Report;

/// <summary>
/// "Report this": a signed-in person tells the moderators what is wrong with a product, video or seller.
/// The text is stored as typed and always shown as text.
/// </summary>
[Authorize]
[EnableRateLimiting(ReportsSetup.RateLimitPolicy)]
public sealed class IndexModel(RuralMarketDbContext db, ReportFiling filing) : PageModel
{
    public sealed class ReportInput
    {
        [Required(ErrorMessage = "Choose a reason.")]
        public ReportReason? Reason { get; set; }

        [StringLength(Domain.Trust.Report.MaxDetailsLength, ErrorMessage = "Keep it under 1,000 characters.")]
        public string? Details { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "target")]
    public string? TargetWord { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid? TargetId { get; set; }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public ReportTargetView? Target { get; private set; }

    public string? Problem { get; private set; }

    public bool AlreadyReported { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Missing();
        }

        AlreadyReported = await filing.HasOpenReportAsync(UserId, Target!.Target, Target.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Missing();
        }

        if (Input.Reason == ReportReason.Other && string.IsNullOrWhiteSpace(Input.Details))
        {
            ModelState.AddModelError("Input.Details", "Tell us what is wrong.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (outcome, message) = await filing.FileAsync(UserId, Target!.Target, Target.Id, Input.Reason!.Value, Input.Details, cancellationToken);
        switch (outcome)
        {
            case ReportOutcome.Filed:
                TempData["Flash"] = message;
                return Redirect(Target.Url ?? "/");
            case ReportOutcome.TargetMissing:
                return Missing();
            case ReportOutcome.AlreadyReported:
                AlreadyReported = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                ModelState.AddModelError(string.Empty, message);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (!ReportTargets.TryParse(TargetWord, out var target))
        {
            Problem = "Choose a product, video or seller to report: this link does not say which.";
            return false;
        }

        Target = TargetId is { } id ? await db.FindAsync(target, id, cancellationToken) : null;
        Problem = Target is null ? ReportFiling.MissingMessage(target) : null;
        return Target is not null;
    }

    private PageResult Missing()
    {
        ModelState.Clear();
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
