using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Web.Features.Selling;

namespace RuralMarket.Web.Features.Admin;

public enum ModerationDecision
{
    Hide,
    Restore,
    Dismiss,
    SuspendSeller,
}

/// <summary>
/// A moderator's decision about a reported (or hidden) product, video or seller. The domain makes the move; in the
/// same save the target's open reports are marked actioned or dismissed, an audit entry records before and after,
/// and the seller is emailed why (with how to appeal). The storefront's cache empties itself when the save writes
/// the product or video (<see cref="Infrastructure.CatalogChangeEviction"/>).
/// </summary>
public sealed class ModerationActions(RuralMarketDbContext db, SellerReview sellerReview, TimeProvider clock)
{
    public async Task<AdminOutcome> DecideAsync(
        ModerationDecision decision, ReportTarget target, Guid targetId, string? reason, string adminUserId, string sellLink, CancellationToken cancellationToken)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var openReports = await db.Reports
            .Where(r => r.Target == target && r.TargetId == targetId && r.Status == ReportStatus.Open)
            .ToListAsync(cancellationToken);
        try
        {
            return decision switch
            {
                ModerationDecision.Hide or ModerationDecision.Restore => await HideOrRestoreAsync(decision, target, targetId, reason, openReports, adminUserId, cancellationToken),
                ModerationDecision.Dismiss => await DismissAsync(target, targetId, reason, openReports, adminUserId, cancellationToken),
                ModerationDecision.SuspendSeller => await SuspendSellerAsync(target, targetId, reason, openReports, adminUserId, sellLink, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
            };
        }
        catch (DomainException e)
        {
            return AdminOutcome.Refused(e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdminOutcome.Refused(AdminOutcome.ChangedMeanwhile);
        }
    }

    private async Task<AdminOutcome> HideOrRestoreAsync(
        ModerationDecision decision, ReportTarget target, Guid targetId, string? reason, List<Report> openReports, string adminUserId, CancellationToken cancellationToken)
    {
        var hide = decision == ModerationDecision.Hide;
        if (hide && reason is null)
        {
            return AdminOutcome.Refused("Write the reason for hiding it: the seller reads it.");
        }

        string title, typeName, before, after;
        Guid sellerId;
        switch (target)
        {
            case ReportTarget.Product:
                var product = await db.Products.SingleOrDefaultAsync(p => p.Id == targetId, cancellationToken);
                if (product is null)
                {
                    return AdminOutcome.NotFound;
                }

                before = State(product.Moderation, product.HiddenReason);
                if (hide)
                {
                    product.Hide(reason!, clock);
                }
                else
                {
                    product.Restore(clock);
                }

                (title, typeName, sellerId, after) = (product.Title, "Product", product.SellerId, State(product.Moderation, product.HiddenReason));
                break;
            case ReportTarget.Video:
                var video = await db.Videos.SingleOrDefaultAsync(v => v.Id == targetId, cancellationToken);
                if (video is null)
                {
                    return AdminOutcome.NotFound;
                }

                before = State(video.Moderation, video.HiddenReason);
                if (hide)
                {
                    video.Hide(reason!);
                }
                else
                {
                    video.Restore();
                }

                (title, typeName, sellerId, after) = (video.Title, "Video", video.SellerId, State(video.Moderation, video.HiddenReason));
                break;
            default:
                return AdminOutcome.Refused("Only products and videos can be hidden. Suspend the seller instead.");
        }

        if (hide)
        {
            foreach (var report in openReports)
            {
                report.Action(adminUserId, reason, clock);
            }
        }

        db.AuditEntries.Add(AuditEntry.Record(
            adminUserId, $"{typeName.ToLowerInvariant()}.{(hide ? "hidden" : "restored")}", typeName, targetId.ToString(), reason, before, after, clock));
        var ownerEmail = await SellerEmailAsync(sellerId, cancellationToken);
        if (ownerEmail is not null)
        {
            db.Jobs.Enqueue(hide ? HiddenEmail(ownerEmail, typeName, title, reason!) : RestoredEmail(ownerEmail, typeName, title), clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        return AdminOutcome.Done(hide
            ? $"“{title}” is hidden from buyers.{Resolved(openReports.Count, "actioned")}"
            : $"“{title}” is visible to buyers again.");
    }

    private async Task<AdminOutcome> DismissAsync(
        ReportTarget target, Guid targetId, string? note, List<Report> openReports, string adminUserId, CancellationToken cancellationToken)
    {
        if (openReports.Count == 0)
        {
            return AdminOutcome.Refused("There are no open reports about this any more.");
        }

        foreach (var report in openReports)
        {
            report.Dismiss(adminUserId, note, clock);
        }

        db.AuditEntries.Add(AuditEntry.Record(
            adminUserId, "reports.dismissed", target.ToString(), targetId.ToString(), note,
            JsonSerializer.Serialize(new { OpenReports = openReports.Count }), JsonSerializer.Serialize(new { OpenReports = 0 }), clock));
        await db.SaveChangesAsync(cancellationToken);
        return AdminOutcome.Done($"Dismissed.{Resolved(openReports.Count, "dismissed")}");
    }

    /// <summary>Suspends the seller of the target (or the reported seller) the way the seller review does it, reports included in its save.</summary>
    private async Task<AdminOutcome> SuspendSellerAsync(
        ReportTarget target, Guid targetId, string? reason, List<Report> openReports, string adminUserId, string sellLink, CancellationToken cancellationToken)
    {
        if (reason is null)
        {
            return AdminOutcome.Refused("Write the reason for suspending the seller: they read it in their email.");
        }

        Guid? sellerId = target switch
        {
            ReportTarget.Seller => targetId,
            ReportTarget.Product => await db.Products.Where(p => p.Id == targetId).Select(p => (Guid?)p.SellerId).SingleOrDefaultAsync(cancellationToken),
            _ => await db.Videos.Where(v => v.Id == targetId).Select(v => (Guid?)v.SellerId).SingleOrDefaultAsync(cancellationToken),
        };
        if (sellerId is null)
        {
            return AdminOutcome.NotFound;
        }

        foreach (var report in openReports)
        {
            report.Action(adminUserId, reason, clock);
        }

        var outcome = await sellerReview.DecideAsync(sellerId.Value, SellerDecision.Suspend, reason, adminUserId, sellLink, cancellationToken);
        return outcome.Kind switch
        {
            SellingOutcomeKind.Done => AdminOutcome.Done(outcome.Message + Resolved(openReports.Count, "actioned")),
            SellingOutcomeKind.NotFound => AdminOutcome.NotFound,
            _ => AdminOutcome.Refused(outcome.Message),
        };
    }

    private Task<string?> SellerEmailAsync(Guid sellerId, CancellationToken cancellationToken) =>
        db.Sellers.AsNoTracking()
            .Where(s => s.Id == sellerId)
            .Join(db.Users, s => s.OwnerUserId, u => u.Id, (s, u) => u.Email)
            .SingleOrDefaultAsync(cancellationToken);

    private static string State(ModerationState state, string? hiddenReason) =>
        JsonSerializer.Serialize(new { Moderation = state.ToString(), HiddenReason = hiddenReason });

    private static string Resolved(int count, string how) =>
        count == 0 ? "" : count == 1 ? $" 1 report marked {how}." : $" {count} reports marked {how}.";

    public static SendEmail HiddenEmail(string to, string typeName, string title, string reason) => new(
        to,
        $"Your {typeName.ToLowerInvariant()} “{title}” was hidden by a moderator",
        $"""
        A RuralMarket moderator hid your {typeName.ToLowerInvariant()} “{title}” from buyers.
        Reason: {reason}

        How to appeal: fix what the reason describes (edit the {typeName.ToLowerInvariant()} in your seller dashboard), then reply to this
        email once, saying what you changed. A moderator looks at it again and restores it if it now follows the rules.
        """);

    public static SendEmail RestoredEmail(string to, string typeName, string title) => new(
        to,
        $"Your {typeName.ToLowerInvariant()} “{title}” is visible again",
        $"A RuralMarket moderator restored your {typeName.ToLowerInvariant()} “{title}”. Buyers can see it again.\n");
}
