namespace RuralMarket.Infrastructure.Media;

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Where the local-disk storage keeps files; empty means <c>{Storage:DataDirectory}/media</c>.</summary>
    public string? RootPath { get; set; }
}
