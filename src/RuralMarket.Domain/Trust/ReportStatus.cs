namespace RuralMarket.Domain.Trust;

public enum ReportStatus
{
    Open,
    Actioned,
    Dismissed,
}
