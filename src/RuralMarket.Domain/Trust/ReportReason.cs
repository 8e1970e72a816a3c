namespace RuralMarket.Domain.Trust;

public enum ReportReason
{
    Counterfeit,
    Misleading,
    Offensive,
    UnsafeFood,
    Other,
}
