using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Trust;

/// <summary>
/// One platform setting an admin changed (commission, fulfilment timers, upload limits), stored as invariant
/// text. Settings not stored here take their value from configuration. The meaning and validation of each
/// key belong to the code that reads it.
/// </summary>
public sealed class PlatformSetting
{
    private PlatformSetting()
    {
        Key = null!;
        Value = null!;
    }

    public string Key { get; private set; }

    public string Value { get; private set; }

    public string? UpdatedByUserId { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public static PlatformSetting Create(string key, string value, string? adminUserId, TimeProvider clock)
    {
        var setting = new PlatformSetting { Key = Guard.Text(key, "A setting key", 100) };
        setting.Change(value, adminUserId, clock);
        return setting;
    }

    public void Change(string value, string? adminUserId, TimeProvider clock)
    {
        Value = Guard.Text(value, "A setting value", 400);
        UpdatedByUserId = Guard.OptionalText(adminUserId, "The admin's user id", 450);
        UpdatedAt = clock.GetUtcNow().UtcDateTime;
        Version++;
    }
}
