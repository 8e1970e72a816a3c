namespace RuralMarket.Infrastructure.Settings;

/// <summary>
/// Defaults for the settings admins can change (configuration section <c>PlatformSettings</c>). The commission
/// default comes from <c>Selling:DefaultCommissionBasisPoints</c>, the timers from <c>Fulfilment</c> and the video
/// limits from <c>VideoUploads</c>, so each value has one place in configuration.
/// </summary>
public sealed class PlatformSettingsOptions
{
    public const string Section = "PlatformSettings";

    /// <summary>How long a process keeps the settings it read; a change made in this process applies at once.</summary>
    public int CacheSeconds { get; set; } = 30;
}
