using Microsoft.Extensions.Options;

namespace RuralMarket.Infrastructure.Media.S3;

/// <summary>An S3-compatible bucket for media (section <c>Media:S3</c>), used when <c>Media:Provider</c> is <c>S3</c>.</summary>
public sealed class S3MediaOptions
{
    public const string Section = "Media:S3";

    /// <summary>The endpoint, e.g. <c>http://localhost:9000</c> for MinIO; empty for AWS itself (then <see cref="Region"/> picks it).</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    public string? Bucket { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary><c>http://host/bucket/key</c> instead of <c>http://bucket.host/key</c>; MinIO and most self-hosted stores need it.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>What is wrong with these settings, in words an operator can act on.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Bucket))
        {
            yield return "Media:Provider is S3 but Media:S3:Bucket is not set.";
        }

        if (string.IsNullOrWhiteSpace(AccessKey) || string.IsNullOrWhiteSpace(SecretKey))
        {
            yield return "Media:Provider is S3 but Media:S3:AccessKey or Media:S3:SecretKey is not set (e.g. Media__S3__AccessKey=... in the environment).";
        }

        if (!string.IsNullOrWhiteSpace(ServiceUrl)
            && !(Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            yield return $"Media:S3:ServiceUrl must be an http(s) address such as http://localhost:9000 (found '{ServiceUrl}').";
        }

        if (string.IsNullOrWhiteSpace(Region))
        {
            yield return "Media:S3:Region must not be empty (us-east-1 suits most S3-compatible stores).";
        }
    }
}

/// <summary>Checks <see cref="S3MediaOptions"/> at start, only when S3 is the chosen provider.</summary>
internal sealed class S3MediaOptionsValidation(IOptions<MediaOptions> media) : IValidateOptions<S3MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, S3MediaOptions options)
    {
        if (media.Value.Provider != MediaProvider.S3)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
