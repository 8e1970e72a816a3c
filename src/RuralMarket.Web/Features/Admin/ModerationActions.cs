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
    KeepHidden,
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
                ModerationDecision.Hide or ModerationDecision.Restore or ModerationDecision.KeepHidden =>
                    await ChangeVisibilityAsync(decision, target, targetId, reason, openReports, adminUserId, cancellationToken),
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

    /// <summary>Hides or restores a product or video, or keeps it hidden after the seller's appeal (with the reason they will read).</summary>
    private async Task<AdminOutcome> ChangeVisibilityAsync(
        ModerationDecision decision, ReportTarget target, Guid targetId, string? reason, List<Report> openReports, string adminUserId, CancellationToken cancellationToken)
    {
        if (decision != ModerationDecision.Restore && reason is null)
        {
            return AdminOutcome.Refused(decision == ModerationDecision.Hide
                ? "Write the reason for hiding it: the seller reads it."
                : "Write why it stays hidden: the seller reads it, and cannot appeal again.");
        }

        if (target is not (ReportTarget.Product or ReportTarget.Video))
        {
            return AdminOutcome.Refused("Only products and videos can be hidden. Suspend the seller instead.");
        }

        IModeratedListing? listing = target == ReportTarget.Product
            ? await db.Products.SingleOrDefaultAsync(p => p.Id == targetId, cancellationToken)
            : await db.Videos.SingleOrDefaultAsync(v => v.Id == targetId, cancellationToken);
        if (listing is null)
        {
            return AdminOutcome.NotFound;
        }

        var typeName = target.ToString();
        var before = State(listing);
        switch (decision)
        {
            case ModerationDecision.Hide: listing.Hide(reason!, clock); break;
            case ModerationDecision.Restore: listing.Restore(clock); break;
            default: listing.RefuseAppeal(reason, clock); break;
        }

        var after = State(listing);
        if (decision == ModerationDecision.Hide)
        {
            foreach (var report in openReports)
            {
                report.Action(adminUserId, reason, clock);
            }
        }

        var action = decision switch
        {
            ModerationDecision.Hide => "hidden",
            ModerationDecision.Restore => "restored",
            _ => "appeal_refused",
        };
        db.AuditEntries.Add(AuditEntry.Record(
            adminUserId, $"{typeName.ToLowerInvariant()}.{action}", typeName, targetId.ToString(), reason, before, after, clock));
        var title = listing.Title;
        var ownerEmail = await SellerEmailAsync(listing.SellerId, cancellationToken);
        if (ownerEmail is not null)
        {
            var email = decision switch
            {
                ModerationDecision.Hide => HiddenEmail(ownerEmail, typeName, title, reason!),
                ModerationDecision.Restore => RestoredEmail(ownerEmail, typeName, title),
                _ => AppealRefusedEmail(ownerEmail, typeName, title, reason!),
            };
            db.Jobs.Enqueue(email, clock.GetUtcNow().UtcDateTime);
        }

        await db.SaveChangesAsync(cancellationToken);
        return AdminOutcome.Done(decision switch
        {
            ModerationDecision.Hide => $"“{title}” is hidden from buyers.{Resolved(openReports.Count, "actioned")}",
            ModerationDecision.Restore => $"“{title}” is visible to buyers again.",
            _ => $"“{title}” stays hidden; the seller has been told why and cannot appeal again.",
        });
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

    private static string State(IModeratedListing listing) => JsonSerializer.Serialize(new
    {
        Moderation = listing.Moderation.ToString(), listing.HiddenReason, Appeal = listing.Appeal.ToString(), listing.AppealNote,
    });

    private static string Resolved(int count, string how) =>
        count == 0 ? "" : count == 1 ? $" 1 report marked {how}." : $" {count} reports marked {how}.";

    public static SendEmail HiddenEmail(string to, string typeName, string title, string reason) => new(
        to,
        $"Your {typeName.ToLowerInvariant()} “{title}” was hidden by a moderator",
        $"""
        A RuralMarket moderator hid your {typeName.ToLowerInvariant()} “{title}” from buyers.
        Reason: {reason}

        How to appeal: open the {typeName.ToLowerInvariant()} in your seller dashboard, fix what the reason describes, write a short
        note on what you changed and press "Save and ask for a review". You can appeal once. A moderator looks at it
        again and restores it if it now follows the rules; either way we email you.
        """);

    public static SendEmail RestoredEmail(string to, string typeName, string title) => new(
        to,
        $"Your {typeName.ToLowerInvariant()} “{title}” is visible again",
        $"A RuralMarket moderator restored your {typeName.ToLowerInvariant()} “{title}”. Buyers can see it again.\n");

    public static SendEmail AppealRefusedEmail(string to, string typeName, string title, string reason) => new(
        to,
        $"Your {typeName.ToLowerInvariant()} “{title}” stays hidden",
        $"""
        A RuralMarket moderator looked at your appeal and kept your {typeName.ToLowerInvariant()} “{title}” hidden from buyers.
        Reason: {reason}

        This was your one appeal for this {typeName.ToLowerInvariant()}. You can still list a new one that follows the rules.
        """);
}
