namespace RuralMarket.Domain.Trust;

public enum ReportTarget
{
    Product,
    Video,
    Seller,
}
