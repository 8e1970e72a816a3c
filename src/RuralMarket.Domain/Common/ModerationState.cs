namespace RuralMarket.Domain.Common;

public enum ModerationState
{
    Visible,
    Hidden,
}
