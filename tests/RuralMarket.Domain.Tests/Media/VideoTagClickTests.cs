using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;

namespace RuralMarket.Domain.Tests.Media;

public class VideoTagClickTests
{
    [Fact]
    public void A_purchase_within_seven_days_of_the_click_is_credited_once()
    {
        var clock = Clocks.New();
        var click = VideoTagClick.Record(Guid.NewGuid(), Guid.NewGuid(), "user-1", clock);
        var orderId = Guid.NewGuid();
        var paidAt = Clocks.Start.AddDays(6);

        click.AttributeTo(orderId, paidAt);

        click.AttributedOrderId.Should().Be(orderId);
        click.CanAttribute(paidAt).Should().BeFalse();
        click.Invoking(c => c.AttributeTo(Guid.NewGuid(), paidAt)).Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7 * 24 + 1)]
    public void A_purchase_before_the_click_or_after_the_window_is_not_credited(int hoursAfterClick)
    {
        var click = VideoTagClick.Record(Guid.NewGuid(), Guid.NewGuid(), "user-1", Clocks.New());

        click.CanAttribute(Clocks.Start.AddHours(hoursAfterClick)).Should().BeFalse();
    }

    [Fact]
    public void An_anonymous_visitors_clicks_move_to_the_account_they_sign_in_to()
    {
        var click = VideoTagClick.Record(Guid.NewGuid(), Guid.NewGuid(), "anon:abc", Clocks.New());

        click.AssignViewer("user-7");

        click.ViewerKey.Should().Be("user-7");
    }
}
