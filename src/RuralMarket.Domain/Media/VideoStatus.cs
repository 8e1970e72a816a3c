namespace RuralMarket.Domain.Media;

public enum VideoStatus
{
    Uploading,
    Processing,
    Ready,
    Failed,
}
