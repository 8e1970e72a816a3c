using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Sellers;

public sealed class Seller
{
    private readonly List<SellerStatusChange> _statusHistory = [];

    private Seller()
    {
        OwnerUserId = null!;
        Slug = null!;
        Name = null!;
        Story = null!;
        Location = null!;
        Fulfilment = null!;
    }

    public Guid Id { get; private set; }

    public string OwnerUserId { get; private set; }

    public string Slug { get; private set; }

    public string Name { get; private set; }

    /// <summary>Markdown written by the seller; sanitized when rendered.</summary>
    public string Story { get; private set; }

    public SellerLocation Location { get; private set; }

    public FulfilmentOptions Fulfilment { get; private set; }

    public int CommissionBasisPoints { get; private set; }

    public string? PayoutProvider { get; private set; }

    public string? PayoutAccountId { get; private set; }

    public bool ChargesEnabled { get; private set; }

    public bool PayoutsEnabled { get; private set; }

    public SellerStatus Status { get; private set; }

    /// <summary>Why the latest status change happened, when someone gave a reason.</summary>
    public string? StatusReason { get; private set; }

    public IReadOnlyList<SellerStatusChange> StatusHistory => _statusHistory;

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Suspended sellers' listings and videos leave the storefront; their open orders carry on.</summary>
    public bool IsVisibleInStorefront => Status == SellerStatus.Approved;

    public bool CanBePaidOut => PayoutAccountId is not null && PayoutsEnabled;

    public bool CanApprove => Status == SellerStatus.Pending;

    public bool CanReject => Status == SellerStatus.Pending;

    public bool CanSuspend => Status == SellerStatus.Approved;

    public bool CanReinstate => Status == SellerStatus.Suspended;

    public bool CanResubmit => Status == SellerStatus.Rejected;

    public static Seller Apply(
        string ownerUserId,
        string name,
        string? story,
        SellerLocation location,
        FulfilmentOptions fulfilment,
        int commissionBasisPoints,
        TimeProvider clock)
    {
        var seller = new Seller
        {
            Id = Guid.CreateVersion7(),
            OwnerUserId = Guard.Text(ownerUserId, "The applicant's user id", 450),
            Status = SellerStatus.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        seller.UpdateProfile(name, story, location, clock);
        seller.Slug = Common.Slug.From(seller.Name);
        seller.UpdateFulfilment(fulfilment, clock);
        seller.SetCommission(commissionBasisPoints, clock);
        seller.Version = 1;
        return seller;
    }

    public void UpdateProfile(string name, string? story, SellerLocation location, TimeProvider clock)
    {
        Name = Guard.Text(name, "A shop name", 120);
        Story = Guard.OptionalText(story, "Your story", 20_000) ?? "";
        Location = location;
        Touch(clock);
    }

    public void UpdateFulfilment(FulfilmentOptions fulfilment, TimeProvider clock)
    {
        Fulfilment = fulfilment;
        Touch(clock);
    }

    /// <summary>For a clash with another seller's address; the caller checks uniqueness.</summary>
    public void ChangeSlug(string slug, TimeProvider clock)
    {
        Slug = Common.Slug.From(slug);
        Touch(clock);
    }

    public void SetCommission(int basisPoints, TimeProvider clock)
    {
        Guard.That(basisPoints is >= 0 and <= 10_000, "A commission rate must be between 0 and 10000 basis points.");
        CommissionBasisPoints = basisPoints;
        Touch(clock);
    }

    /// <summary>Local delivery reaches a buyer within the seller's radius, measured as the crow flies.</summary>
    public bool DeliversTo(GeoPoint buyer) => Fulfilment.DeliversLocally(Location.ToGeoPoint(), buyer);

    public void ConnectPayoutAccount(string provider, string accountId, TimeProvider clock)
    {
        PayoutProvider = Guard.Text(provider, "A payout provider", 40);
        PayoutAccountId = Guard.Text(accountId, "A payout account id", 200);
        // A new account can do nothing until the provider says so.
        ChargesEnabled = false;
        PayoutsEnabled = false;
        Touch(clock);
    }

    public void UpdatePayoutCapabilities(bool chargesEnabled, bool payoutsEnabled, TimeProvider clock)
    {
        Guard.That(PayoutAccountId is not null, "Connect a payout account first.");
        ChargesEnabled = chargesEnabled;
        PayoutsEnabled = payoutsEnabled;
        Touch(clock);
    }

    public void Approve(string adminUserId, TimeProvider clock)
    {
        Guard.That(CanApprove, "Only sellers waiting for review can be approved.");
        MoveTo(SellerStatus.Approved, adminUserId, null, clock);
    }

    public void Reject(string reason, string adminUserId, TimeProvider clock)
    {
        Guard.That(CanReject, "Only sellers waiting for review can be rejected.");
        MoveTo(SellerStatus.Rejected, adminUserId, Guard.Text(reason, "A reason for rejecting", 1000), clock);
    }

    public void Suspend(string reason, string adminUserId, TimeProvider clock)
    {
        Guard.That(CanSuspend, "Only approved sellers can be suspended.");
        MoveTo(SellerStatus.Suspended, adminUserId, Guard.Text(reason, "A reason for suspending", 1000), clock);
    }

    public void Reinstate(string reason, string adminUserId, TimeProvider clock)
    {
        Guard.That(CanReinstate, "Only suspended sellers can be reinstated.");
        MoveTo(SellerStatus.Approved, adminUserId, Guard.Text(reason, "A reason for reinstating", 1000), clock);
    }

    /// <summary>A rejected seller who has fixed what was wrong asks for another review.</summary>
    public void Resubmit(TimeProvider clock)
    {
        Guard.That(CanResubmit, "Only rejected applications can be sent for review again.");
        MoveTo(SellerStatus.Pending, OwnerUserId, null, clock);
    }

    private void MoveTo(SellerStatus to, string byUserId, string? reason, TimeProvider clock)
    {
        Guard.Text(byUserId, "The acting user's id", 450);
        var now = clock.GetUtcNow().UtcDateTime;
        _statusHistory.Add(new SellerStatusChange(Status, to, now, byUserId, reason));
        Status = to;
        StatusReason = reason;
        Touch(clock);
    }

    private void Touch(TimeProvider clock)
    {
        UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Version++;
    }
}
