using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Web.Infrastructure;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, registration and password-reset posts allowed per client address per minute.</summary>
    [Range(1, 100_000)]
    public int AccountPostsPerMinute { get; set; } = 20;
}
