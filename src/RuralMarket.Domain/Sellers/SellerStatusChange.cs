namespace RuralMarket.Domain.Sellers;

public sealed class SellerStatusChange
{
    private SellerStatusChange()
    {
    }

    internal SellerStatusChange(SellerStatus from, SellerStatus to, DateTime at, string? byUserId, string? reason)
    {
        Id = Guid.CreateVersion7();
        From = from;
        To = to;
        At = at;
        ByUserId = byUserId;
        Reason = reason;
    }

    public Guid Id { get; private set; }

    public SellerStatus From { get; private set; }

    public SellerStatus To { get; private set; }

    public DateTime At { get; private set; }

    public string? ByUserId { get; private set; }

    public string? Reason { get; private set; }
}
