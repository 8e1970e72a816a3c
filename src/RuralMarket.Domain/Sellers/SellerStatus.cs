namespace RuralMarket.Domain.Sellers;

public enum SellerStatus
{
    Pending,
    Approved,
    Rejected,
    Suspended,
}
