using Microsoft.AspNetCore.Mvc;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Web.Features.Admin;

namespace RuralMarket.Web.Areas.Admin.Pages.Jobs;

public sealed class IndexModel(JobConsole jobs) : AdminPageModel
{
    public IReadOnlyDictionary<JobStatus, int> Counts { get; private set; } = new Dictionary<JobStatus, int>();

    public IReadOnlyList<DeadJobView> Dead { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(await jobs.RetryAsync(id, AdminUserId, cancellationToken), () => RedirectToPage(), () => RedisplayAsync(cancellationToken));

    public async Task<IActionResult> OnPostDiscardAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(await jobs.DiscardAsync(id, AdminUserId, cancellationToken), () => RedirectToPage(), () => RedisplayAsync(cancellationToken));

    public int CountOf(JobStatus status) => Counts.GetValueOrDefault(status);

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Counts = await jobs.CountsAsync(cancellationToken);
        Dead = await jobs.DeadAsync(cancellationToken);
    }
}
