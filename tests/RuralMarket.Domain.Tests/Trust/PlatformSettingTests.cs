using RuralMarket.Domain.Common;
using RuralMarket.Domain.Trust;

namespace RuralMarket.Domain.Tests.Trust;

public class PlatformSettingTests
{
    [Fact]
    public void Changing_a_setting_records_who_and_when()
    {
        var clock = Clocks.New();
        var setting = PlatformSetting.Create("Selling:DefaultCommissionBasisPoints", "1000", "admin-1", clock);
        clock.Advance(TimeSpan.FromHours(1));

        setting.Change("1200", "admin-2", clock);

        setting.Should().BeEquivalentTo(new
        {
            Key = "Selling:DefaultCommissionBasisPoints",
            Value = "1200",
            UpdatedByUserId = "admin-2",
            UpdatedAt = Clocks.Start.AddHours(1),
            Version = 2,
        });
    }

    [Fact]
    public void A_setting_needs_a_value()
    {
        var setting = PlatformSetting.Create("Fulfilment:AutoCancelAfter", "7.00:00:00", null, Clocks.New());

        setting.Invoking(s => s.Change(" ", "admin-1", Clocks.New())).Should().Throw<DomainException>();
    }
}
