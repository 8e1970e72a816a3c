using RuralMarket.Domain.Common;
using RuralMarket.Domain.Payouts;

namespace RuralMarket.Domain.Tests.Payouts;

public class RefundTests
{
    private static Refund NewRefund(long cents = 1250) =>
        Refund.Start(Guid.NewGuid(), Guid.NewGuid(), new Money(cents, "USD"), "Damaged in transit", "admin-1", "refund:order:1:1", Clocks.New());

    [Fact]
    public void A_refund_records_who_asked_why_and_the_providers_ids()
    {
        var refund = NewRefund();

        refund.RecordProviderRefund("re_123", isTest: false);
        refund.RecordReversal(new Money(1125, "USD"), "trr_456");

        refund.Should().BeEquivalentTo(new
        {
            Amount = new Money(1250, "USD"),
            Reason = "Damaged in transit",
            RequestedByUserId = "admin-1",
            ProviderRefundId = "re_123",
            ReversedFromSeller = new Money(1125, "USD"),
            TransferReversalId = "trr_456",
            CreatedAt = Clocks.Start,
        });
    }

    [Fact]
    public void Nothing_is_reversed_until_a_reversal_is_recorded()
    {
        NewRefund().ReversedFromSeller.Should().Be(Money.Zero("USD"));
    }

    [Fact]
    public void A_refund_of_nothing_is_refused()
    {
        var start = () => NewRefund(0);

        start.Should().Throw<DomainException>().WithMessage("A refund must be for more than nothing.");
    }

    [Fact]
    public void A_reversal_cannot_exceed_the_refund_or_change_currency()
    {
        var refund = NewRefund();

        refund.Invoking(r => r.RecordReversal(new Money(1251, "USD"), "trr_1")).Should().Throw<DomainException>();
        refund.Invoking(r => r.RecordReversal(new Money(100, "EUR"), "trr_1")).Should().Throw<DomainException>();
    }
}
