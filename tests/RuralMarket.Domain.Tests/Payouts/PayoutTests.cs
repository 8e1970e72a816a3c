using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Domain.Tests.Ordering;

namespace RuralMarket.Domain.Tests.Payouts;

public class PayoutTests
{
    private readonly FakeTimeProvider _clock = Clocks.New();

    public enum PayoutAction
    {
        MarkReleasable,
        MarkPaid,
        MarkFailed,
        RetryRelease,
        Reverse,
    }

    private static readonly Dictionary<(PayoutStatus, PayoutAction), PayoutStatus> Legal = new()
    {
        [(PayoutStatus.Pending, PayoutAction.MarkReleasable)] = PayoutStatus.Releasable,
        [(PayoutStatus.Pending, PayoutAction.Reverse)] = PayoutStatus.Reversed,
        [(PayoutStatus.Releasable, PayoutAction.MarkPaid)] = PayoutStatus.Paid,
        [(PayoutStatus.Releasable, PayoutAction.MarkFailed)] = PayoutStatus.Failed,
        [(PayoutStatus.Releasable, PayoutAction.Reverse)] = PayoutStatus.Reversed,
        [(PayoutStatus.Failed, PayoutAction.RetryRelease)] = PayoutStatus.Releasable,
        [(PayoutStatus.Failed, PayoutAction.Reverse)] = PayoutStatus.Reversed,
        [(PayoutStatus.Paid, PayoutAction.Reverse)] = PayoutStatus.Reversed,
    };

    public static TheoryData<PayoutStatus, PayoutAction> EveryStatusAndAction()
    {
        var data = new TheoryData<PayoutStatus, PayoutAction>();
        foreach (var status in Enum.GetValues<PayoutStatus>())
        {
            foreach (var action in Enum.GetValues<PayoutAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Fact]
    public void A_payout_for_a_paid_order_is_its_total_less_the_platform_fee()
    {
        var order = Orders.In(OrderStatus.Paid, FulfilmentMethod.Shipping, _clock);

        var payout = Payout.ForOrder(order, _clock);

        payout.Should().BeEquivalentTo(new
        {
            OrderId = order.Id,
            SellerId = order.SellerId,
            Gross = Orders.Usd(2600),
            Commission = Orders.Usd(210),    // 10% of the 21.00 of goods; the 5.00 delivery fee is the seller's
            Net = Orders.Usd(2390),
            Status = PayoutStatus.Pending,
            Attempts = 0,
            OnHold = false,
            CreatedAt = Clocks.Start,
        });
    }

    [Fact]
    public void An_unpaid_order_owes_no_payout()
    {
        var create = () => Payout.ForOrder(Orders.New(_clock), _clock);

        create.Should().Throw<DomainException>().WithMessage("A payout is only owed once the order is paid.");
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Payout_moves_follow_the_release_rules(PayoutStatus from, PayoutAction action)
    {
        var payout = PayoutIn(from);
        var version = payout.Version;

        var act = () => Do(payout, action);

        if (Legal.TryGetValue((from, action), out var to))
        {
            act();
            payout.Status.Should().Be(to);
            payout.Version.Should().Be(version + 1);
        }
        else
        {
            act.Should().Throw<DomainException>();
            payout.Status.Should().Be(from);
            payout.Version.Should().Be(version);
        }
    }

    [Fact]
    public void A_payout_is_not_paid_before_its_hold_period_ends()
    {
        var payout = NewPayout();
        payout.MarkReleasable(Clocks.Start.AddDays(3));
        payout.IsDue(_clock).Should().BeFalse();

        FluentActions.Invoking(() => payout.MarkPaid("tr_1", false, _clock))
            .Should().Throw<DomainException>().WithMessage("This payout's hold period has not ended yet.");

        _clock.Advance(TimeSpan.FromDays(3));
        payout.IsDue(_clock).Should().BeTrue();
        payout.MarkPaid("tr_1", isTest: true, _clock);
        payout.Should().BeEquivalentTo(new { Status = PayoutStatus.Paid, TransferId = "tr_1", IsTest = true, PaidAt = Clocks.Start.AddDays(3), Attempts = 1 });
    }

    [Fact]
    public void A_failed_transfer_counts_the_attempt_and_can_be_retried()
    {
        var payout = PayoutIn(PayoutStatus.Releasable);

        payout.MarkFailed("Account restricted", _clock);
        payout.FailureReason.Should().Be("Account restricted");
        payout.Attempts.Should().Be(1);
        payout.LastAttemptAt.Should().Be(Clocks.Start);

        payout.RetryRelease();
        _clock.Advance(TimeSpan.FromHours(1));
        payout.MarkPaid("tr_2", false, _clock);

        payout.Attempts.Should().Be(2);
        payout.FailureReason.Should().BeNull();
        payout.LastAttemptAt.Should().Be(Clocks.Start.AddHours(1));
    }

    [Fact]
    public void A_held_payout_is_not_due_or_paid_until_the_hold_is_released()
    {
        var payout = PayoutIn(PayoutStatus.Releasable);

        payout.Hold("Buyer opened a dispute");

        payout.OnHold.Should().BeTrue();
        payout.HoldReason.Should().Be("Buyer opened a dispute");
        payout.IsDue(_clock).Should().BeFalse();
        FluentActions.Invoking(() => payout.MarkPaid("tr_1", false, _clock)).Should().Throw<DomainException>().WithMessage("This payout is on hold.");
        FluentActions.Invoking(() => payout.Hold("Again")).Should().Throw<DomainException>().WithMessage("This payout is already on hold.");

        payout.ReleaseHold();
        payout.IsDue(_clock).Should().BeTrue();
        FluentActions.Invoking(payout.ReleaseHold).Should().Throw<DomainException>().WithMessage("This payout is not on hold.");
    }

    [Theory]
    [InlineData(PayoutStatus.Paid)]
    [InlineData(PayoutStatus.Reversed)]
    public void Money_already_paid_or_reversed_cannot_be_held(PayoutStatus status)
    {
        var payout = PayoutIn(status);

        var hold = () => payout.Hold("Dispute");

        hold.Should().Throw<DomainException>();
        payout.OnHold.Should().BeFalse();
    }

    [Theory]
    [InlineData(PayoutStatus.Pending, false)]
    [InlineData(PayoutStatus.Releasable, false)]
    [InlineData(PayoutStatus.Failed, false)]
    [InlineData(PayoutStatus.Paid, true)]
    public void Reversing_says_whether_a_transfer_must_be_clawed_back(PayoutStatus status, bool transferToReverse)
    {
        var payout = PayoutIn(status);

        payout.Reverse("Order refunded").Should().Be(transferToReverse);
        payout.ReversalReason.Should().Be("Order refunded");
    }

    [Fact]
    public void Reversing_needs_a_reason_and_clears_a_hold()
    {
        var payout = PayoutIn(PayoutStatus.Pending);
        payout.Hold("Dispute");

        FluentActions.Invoking(() => payout.Reverse("")).Should().Throw<DomainException>().WithMessage("A reason for the reversal is required.");
        payout.Reverse("Dispute lost");

        payout.OnHold.Should().BeFalse();
    }

    private Payout NewPayout() => Payout.ForOrder(Orders.In(OrderStatus.Paid, FulfilmentMethod.Shipping, _clock), _clock);

    private Payout PayoutIn(PayoutStatus status)
    {
        var payout = NewPayout();
        if (status == PayoutStatus.Pending)
        {
            return payout;
        }

        if (status == PayoutStatus.Reversed)
        {
            payout.Reverse("Refunded");
            return payout;
        }

        payout.MarkReleasable(Clocks.Start);
        if (status == PayoutStatus.Paid)
        {
            payout.MarkPaid("tr_0", false, _clock);
        }
        else if (status == PayoutStatus.Failed)
        {
            payout.MarkFailed("Bank said no", _clock);
        }

        return payout;
    }

    private void Do(Payout payout, PayoutAction action)
    {
        switch (action)
        {
            case PayoutAction.MarkReleasable: payout.MarkReleasable(Clocks.Start); break;
            case PayoutAction.MarkPaid: payout.MarkPaid("tr_9", false, _clock); break;
            case PayoutAction.MarkFailed: payout.MarkFailed("Bank said no", _clock); break;
            case PayoutAction.RetryRelease: payout.RetryRelease(); break;
            case PayoutAction.Reverse: payout.Reverse("Order refunded"); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
