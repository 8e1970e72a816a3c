using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Features.Reports;

public enum ReportOutcome
{
    Filed,
    TargetMissing,
    AlreadyReported,
    Refused,
}

/// <summary>
/// A signed-in person flags a product, video or seller. One open report per person and target: the unique filtered
/// index decides when two posts race, and the loser hears the same answer as a second visit.
/// </summary>
public sealed class ReportFiling(RuralMarketDbContext db, TimeProvider clock)
{
    public const string AlreadyReportedMessage = "You have already reported this; we are looking at it.";

    public async Task<(ReportOutcome Outcome, string Message)> FileAsync(
        string reporterUserId, ReportTarget target, Guid targetId, ReportReason reason, string? details, CancellationToken cancellationToken)
    {
        if (await db.FindAsync(target, targetId, cancellationToken) is null)
        {
            return (ReportOutcome.TargetMissing, MissingMessage(target));
        }

        if (await HasOpenReportAsync(reporterUserId, target, targetId, cancellationToken))
        {
            return (ReportOutcome.AlreadyReported, AlreadyReportedMessage);
        }

        try
        {
            db.Reports.Add(Report.Create(reporterUserId, target, targetId, reason, details, clock));
        }
        catch (DomainException e)
        {
            return (ReportOutcome.Refused, e.Message);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two posts at once: the unique index let one through. Anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await HasOpenReportAsync(reporterUserId, target, targetId, cancellationToken))
            {
                return (ReportOutcome.AlreadyReported, AlreadyReportedMessage);
            }

            throw;
        }

        return (ReportOutcome.Filed, "Thank you for telling us. Our moderators will look at your report.");
    }

    public static string MissingMessage(ReportTarget target) =>
        $"We could not find that {ReportTargets.Word(target)}. It may have been removed already; nothing was reported.";

    public Task<bool> HasOpenReportAsync(string reporterUserId, ReportTarget target, Guid targetId, CancellationToken cancellationToken) =>
        db.Reports.AnyAsync(r => r.ReporterUserId == reporterUserId && r.Target == target && r.TargetId == targetId && r.Status == ReportStatus.Open, cancellationToken);
}
