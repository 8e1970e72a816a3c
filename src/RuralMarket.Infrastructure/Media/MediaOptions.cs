namespace RuralMarket.Infrastructure.Media;

public enum MediaProvider
{
    Local,
    S3,
}

public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary><c>Local</c> (default: files under <see cref="RootPath"/>) or <c>S3</c> (a bucket configured under <c>Media:S3</c>).</summary>
    public MediaProvider Provider { get; set; } = MediaProvider.Local;

    /// <summary>Where the local-disk storage keeps files; empty means <c>{Storage:DataDirectory}/media</c>.</summary>
    public string? RootPath { get; set; }
}
