using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Web.Features.Selling;

public enum SellerDecision
{
    Approve,
    Reject,
    Suspend,
    Reinstate,
}

/// <summary>
/// An admin's decision about a seller: the domain moves the status (or refuses), and in the same unit of work
/// the decision is audited, the applicant is emailed, and an approved owner gets the Seller role.
/// </summary>
public sealed class SellerReview(RuralMarketDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public static bool NeedsReason(SellerDecision decision) => decision != SellerDecision.Approve;

    public static string AuditAction(SellerDecision decision) => decision switch
    {
        SellerDecision.Approve => "seller.approved",
        SellerDecision.Reject => "seller.rejected",
        SellerDecision.Suspend => "seller.suspended",
        SellerDecision.Reinstate => "seller.reinstated",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public async Task<SellingOutcome> DecideAsync(
        Guid sellerId, SellerDecision decision, string? reason, string adminUserId, string sellLink, CancellationToken cancellationToken)
    {
        var seller = await db.Sellers.SingleOrDefaultAsync(s => s.Id == sellerId, cancellationToken);
        if (seller is null)
        {
            return SellingOutcome.NotFound;
        }

        var before = seller.Status;
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        try
        {
            switch (decision)
            {
                case SellerDecision.Approve:
                    seller.Approve(adminUserId, clock);
                    break;
                case SellerDecision.Reject:
                    seller.Reject(reason!, adminUserId, clock);
                    break;
                case SellerDecision.Suspend:
                    seller.Suspend(reason!, adminUserId, clock);
                    break;
                case SellerDecision.Reinstate:
                    seller.Reinstate(reason!, adminUserId, clock);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(decision), decision, null);
            }
        }
        catch (DomainException e)
        {
            return SellingOutcome.Refused(e.Message);
        }

        var owner = await users.FindByIdAsync(seller.OwnerUserId)
            ?? throw new InvalidOperationException($"Seller {seller.Id} has no owner account.");
        db.AuditEntries.Add(AuditEntry.Record(
            adminUserId, AuditAction(decision), SellerApplications.TargetType, seller.Id.ToString(), reason,
            SellerApplications.Status(before), SellerApplications.Status(seller.Status), clock));
        if (owner.Email is not null)
        {
            db.Jobs.Enqueue(SellerEmails.For(decision, owner.Email, seller.Name, reason, sellLink), clock.GetUtcNow().UtcDateTime);
        }

        var done = SellingOutcome.Done(decision switch
        {
            SellerDecision.Approve => $"{seller.Name} is approved. We emailed the owner.",
            SellerDecision.Reject => $"{seller.Name} is rejected. We emailed the owner the reason.",
            SellerDecision.Suspend => $"{seller.Name} is suspended. Their products are hidden from buyers.",
            _ => $"{seller.Name} is reinstated. Their products are back on sale.",
        });
        const string changedMeanwhile = "Someone changed this seller at the same moment. Nothing was saved: look again and decide.";
        if (decision == SellerDecision.Approve && !await users.IsInRoleAsync(owner, Roles.Seller))
        {
            // The Identity store saves the whole unit of work when it adds the role: one SaveChanges for everything.
            var granted = await users.AddToRoleAsync(owner, Roles.Seller);
            return granted.Succeeded ? done : SellingOutcome.Refused(changedMeanwhile);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SellingOutcome.Refused(changedMeanwhile);
        }
    }
}
