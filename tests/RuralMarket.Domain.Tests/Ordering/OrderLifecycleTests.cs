using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;

namespace RuralMarket.Domain.Tests.Ordering;

public class OrderLifecycleTests
{
    private readonly FakeTimeProvider _clock = Clocks.New();

    public enum OrderAction
    {
        MarkPaid,
        StartPreparing,
        MarkShipped,
        MarkReadyForPickup,
        MarkOutForDelivery,
        MarkDelivered,
        ConfirmPickup,
        Complete,
        Cancel,
    }

    // The whole machine. None means the move is open to every fulfilment method.
    private static readonly Dictionary<(OrderStatus From, OrderAction Action), (OrderStatus To, FulfilmentMethod OnlyFor)> Legal = new()
    {
        [(OrderStatus.PendingPayment, OrderAction.MarkPaid)] = (OrderStatus.Paid, FulfilmentMethod.None),
        [(OrderStatus.PendingPayment, OrderAction.Cancel)] = (OrderStatus.Cancelled, FulfilmentMethod.None),
        [(OrderStatus.Paid, OrderAction.StartPreparing)] = (OrderStatus.Preparing, FulfilmentMethod.None),
        [(OrderStatus.Paid, OrderAction.Cancel)] = (OrderStatus.Cancelled, FulfilmentMethod.None),
        [(OrderStatus.Preparing, OrderAction.Cancel)] = (OrderStatus.Cancelled, FulfilmentMethod.None),
        [(OrderStatus.Preparing, OrderAction.MarkShipped)] = (OrderStatus.Shipped, FulfilmentMethod.Shipping),
        [(OrderStatus.Preparing, OrderAction.MarkReadyForPickup)] = (OrderStatus.ReadyForPickup, FulfilmentMethod.Pickup),
        [(OrderStatus.Preparing, OrderAction.MarkOutForDelivery)] = (OrderStatus.OutForDelivery, FulfilmentMethod.LocalDelivery),
        [(OrderStatus.Shipped, OrderAction.MarkDelivered)] = (OrderStatus.Delivered, FulfilmentMethod.None),
        [(OrderStatus.OutForDelivery, OrderAction.MarkDelivered)] = (OrderStatus.Delivered, FulfilmentMethod.None),
        [(OrderStatus.ReadyForPickup, OrderAction.ConfirmPickup)] = (OrderStatus.PickedUp, FulfilmentMethod.None),
        [(OrderStatus.Delivered, OrderAction.Complete)] = (OrderStatus.Completed, FulfilmentMethod.None),
        [(OrderStatus.PickedUp, OrderAction.Complete)] = (OrderStatus.Completed, FulfilmentMethod.None),
    };

    /// <summary>Every status each method can reach, with every action.</summary>
    public static TheoryData<FulfilmentMethod, OrderStatus, OrderAction> EveryReachableStatusAndAction()
    {
        var data = new TheoryData<FulfilmentMethod, OrderStatus, OrderAction>();
        foreach (var method in new[] { FulfilmentMethod.Shipping, FulfilmentMethod.Pickup, FulfilmentMethod.LocalDelivery })
        {
            foreach (var status in Orders.PathFor(method).Append(OrderStatus.Cancelled))
            {
                foreach (var action in Enum.GetValues<OrderAction>())
                {
                    data.Add(method, status, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryReachableStatusAndAction))]
    public void Every_move_is_allowed_only_where_the_machine_allows_it(FulfilmentMethod method, OrderStatus from, OrderAction action)
    {
        var order = Orders.In(from, method, _clock);
        var version = order.Version;
        var history = order.StatusHistory.Count;
        var legal = Legal.TryGetValue((from, action), out var move)
            && (move.OnlyFor == FulfilmentMethod.None || move.OnlyFor == method);

        CanDo(order, action).Should().Be(legal);
        var act = () => Do(order, action);

        if (legal)
        {
            act();
            order.Status.Should().Be(move.To);
            order.Version.Should().Be(version + 1);
            order.StatusHistory.Should().HaveCount(history + 1);
            order.StatusHistory[^1].Should().BeEquivalentTo(new { From = from, To = move.To, At = Clocks.Start });
        }
        else
        {
            act.Should().Throw<DomainException>().Which.Message.Should().NotBeNullOrWhiteSpace();
            order.Status.Should().Be(from);
            order.Version.Should().Be(version);
            order.StatusHistory.Should().HaveCount(history);
        }
    }

    [Fact]
    public void Shipping_an_unpaid_order_is_refused()
    {
        var order = Orders.New(_clock);

        var ship = () => order.MarkShipped("Royal Mail", "RM1", Orders.SellerUser, _clock);

        ship.Should().Throw<DomainException>().WithMessage("Only orders being prepared can be shipped.");
        order.Carrier.Should().BeNull();
    }

    [Fact]
    public void Preparing_an_unpaid_order_is_refused()
    {
        var prepare = () => Orders.New(_clock).StartPreparing(Orders.SellerUser, _clock);

        prepare.Should().Throw<DomainException>().WithMessage("Only paid orders can start preparing.");
    }

    [Theory]
    [InlineData(FulfilmentMethod.Pickup, OrderAction.MarkShipped, "This order is for pickup, so it cannot be shipped.")]
    [InlineData(FulfilmentMethod.LocalDelivery, OrderAction.MarkShipped, "This order is for local delivery, so it cannot be shipped.")]
    [InlineData(FulfilmentMethod.Shipping, OrderAction.MarkReadyForPickup, "This order is for shipping, so it cannot be made ready for pickup.")]
    [InlineData(FulfilmentMethod.Pickup, OrderAction.MarkOutForDelivery, "This order is for pickup, so it cannot be sent out for delivery.")]
    public void A_branch_for_another_fulfilment_method_is_refused_with_the_reason(FulfilmentMethod method, OrderAction action, string message)
    {
        var order = Orders.In(OrderStatus.Preparing, method, _clock);

        var act = () => Do(order, action);

        act.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void Shipping_records_carrier_and_tracking()
    {
        var order = Orders.In(OrderStatus.Preparing, FulfilmentMethod.Shipping, _clock);

        order.MarkShipped(" Royal Mail ", " RM123GB ", Orders.SellerUser, _clock);

        order.Carrier.Should().Be("Royal Mail");
        order.TrackingNumber.Should().Be("RM123GB");
        order.StatusHistory[^1].Note.Should().Be("Royal Mail RM123GB");
        order.StatusHistory[^1].ByUserId.Should().Be(Orders.SellerUser);
    }

    [Fact]
    public void Shipping_needs_a_carrier()
    {
        var order = Orders.In(OrderStatus.Preparing, FulfilmentMethod.Shipping, _clock);

        var ship = () => order.MarkShipped("", null, Orders.SellerUser, _clock);

        ship.Should().Throw<DomainException>().WithMessage("A carrier is required.");
        order.Status.Should().Be(OrderStatus.Preparing);
    }

    [Fact]
    public void Ready_for_pickup_issues_a_six_character_unambiguous_code()
    {
        var codes = Enumerable.Range(0, 50)
            .Select(_ => Orders.In(OrderStatus.ReadyForPickup, FulfilmentMethod.Pickup, _clock).PickupCode!)
            .ToList();

        codes.Should().OnlyContain(c => c.Length == 6 && c.All(ch => "ABCDEFGHJKMNPQRSTUVWXYZ23456789".Contains(ch)));
        codes.Distinct().Should().HaveCountGreaterThan(45, "codes are random");
    }

    [Fact]
    public void Pickup_with_the_wrong_code_is_refused()
    {
        var order = Orders.In(OrderStatus.ReadyForPickup, FulfilmentMethod.Pickup, _clock);
        var wrong = order.PickupCode == "AAAAAA" ? "BBBBBB" : "AAAAAA";

        var pickUp = () => order.ConfirmPickup(wrong, Orders.SellerUser, _clock);

        pickUp.Should().Throw<DomainException>().WithMessage("That pickup code does not match this order.");
        order.Status.Should().Be(OrderStatus.ReadyForPickup);
    }

    [Fact]
    public void Pickup_codes_are_accepted_in_any_case_and_mark_the_handover_time()
    {
        var order = Orders.In(OrderStatus.ReadyForPickup, FulfilmentMethod.Pickup, _clock);
        _clock.Advance(TimeSpan.FromHours(20));

        order.ConfirmPickup($" {order.PickupCode!.ToLowerInvariant()} ", Orders.SellerUser, _clock);

        order.Status.Should().Be(OrderStatus.PickedUp);
        order.DeliveredAt.Should().Be(Clocks.Start.AddHours(20));
    }

    [Fact]
    public void Paying_is_recorded_as_the_system_with_the_time()
    {
        var order = Orders.New(_clock);
        _clock.Advance(TimeSpan.FromMinutes(3));

        order.MarkPaid(_clock);

        order.PaidAt.Should().Be(Clocks.Start.AddMinutes(3));
        order.StatusHistory.Should().ContainSingle().Which.ByUserId.Should().BeNull();
    }

    [Fact]
    public void Completing_records_the_time()
    {
        var order = Orders.In(OrderStatus.Delivered, FulfilmentMethod.LocalDelivery, _clock);
        _clock.Advance(TimeSpan.FromDays(2));

        order.Complete(null, _clock);

        order.CompletedAt.Should().Be(Clocks.Start.AddDays(2));
    }

    [Fact]
    public void A_disputed_order_cannot_be_completed_until_the_dispute_closes()
    {
        var order = Orders.In(OrderStatus.Delivered, FulfilmentMethod.Shipping, _clock);
        order.OpenDispute();

        order.CanComplete.Should().BeFalse();
        FluentActions.Invoking(() => order.Complete(null, _clock))
            .Should().Throw<DomainException>().WithMessage("This order cannot be completed while a payment dispute is open.");

        order.CloseDispute();
        order.Complete(null, _clock);
        order.Status.Should().Be(OrderStatus.Completed);
    }

    [Fact]
    public void An_order_with_a_reported_problem_cannot_be_completed_until_it_is_resolved()
    {
        var order = Orders.In(OrderStatus.PickedUp, FulfilmentMethod.Pickup, _clock);
        order.ReportProblem(Orders.Buyer, "Two eggs were broken");

        order.ProblemDescription.Should().Be("Two eggs were broken");
        order.CanComplete.Should().BeFalse();
        FluentActions.Invoking(() => order.Complete(null, _clock))
            .Should().Throw<DomainException>().WithMessage("*reported problem is unresolved*");

        order.ResolveProblem();
        order.Complete(null, _clock);
        order.Status.Should().Be(OrderStatus.Completed);
    }

    [Fact]
    public void Only_the_buyer_can_report_a_problem_and_only_once()
    {
        var order = Orders.In(OrderStatus.Shipped, FulfilmentMethod.Shipping, _clock);

        FluentActions.Invoking(() => order.ReportProblem(Orders.SellerUser, "Hmm"))
            .Should().Throw<DomainException>().WithMessage("Only the buyer can report a problem with this order.");
        order.CanReportProblem.Should().BeTrue();
        order.ReportProblem(Orders.Buyer, "Parcel is late");
        order.CanReportProblem.Should().BeFalse();
        FluentActions.Invoking(() => order.ReportProblem(Orders.Buyer, "Still late"))
            .Should().Throw<DomainException>().WithMessage("A problem has already been reported on this order.");
        FluentActions.Invoking(() => Orders.In(OrderStatus.Shipped, FulfilmentMethod.Shipping, _clock).ReportProblem(Orders.Buyer, " "))
            .Should().Throw<DomainException>().WithMessage("A description of the problem is required.");
    }

    [Theory]
    [InlineData(OrderStatus.PendingPayment, false)]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Preparing, true)]
    [InlineData(OrderStatus.Shipped, true)]
    [InlineData(OrderStatus.Delivered, true)]
    [InlineData(OrderStatus.Completed, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    public void Problems_can_be_reported_between_payment_and_completion(OrderStatus status, bool allowed)
    {
        var order = Orders.In(status, FulfilmentMethod.Shipping, _clock);

        order.CanReportProblem.Should().Be(allowed);
        var report = () => order.ReportProblem(Orders.Buyer, "Not what I expected");

        if (allowed)
        {
            report();
            order.ProblemReported.Should().BeTrue();
        }
        else
        {
            report.Should().Throw<DomainException>();
            order.ProblemReported.Should().BeFalse();
        }
    }

    [Fact]
    public void Disputes_need_a_paid_order_and_open_and_close_once()
    {
        FluentActions.Invoking(() => Orders.New(_clock).OpenDispute())
            .Should().Throw<DomainException>().WithMessage("Only paid orders can be disputed.");

        var order = Orders.In(OrderStatus.Paid, FulfilmentMethod.Shipping, _clock);
        FluentActions.Invoking(order.CloseDispute).Should().Throw<DomainException>().WithMessage("There is no open dispute on this order.");
        order.CanOpenDispute.Should().BeTrue();
        order.OpenDispute();
        order.IsDisputed.Should().BeTrue();
        order.CanOpenDispute.Should().BeFalse();
        FluentActions.Invoking(order.OpenDispute).Should().Throw<DomainException>().WithMessage("A dispute is already open for this order.");
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_keeps_it()
    {
        var order = Orders.In(OrderStatus.Paid, FulfilmentMethod.Pickup, _clock);

        FluentActions.Invoking(() => order.Cancel(" ", Orders.SellerUser, _clock))
            .Should().Throw<DomainException>().WithMessage("A reason for cancelling is required.");
        order.Status.Should().Be(OrderStatus.Paid);

        order.Cancel("Fox got the hens", Orders.SellerUser, _clock);
        order.CancellationReason.Should().Be("Fox got the hens");
        order.StatusHistory[^1].Note.Should().Be("Fox got the hens");
    }

    [Theory]
    [InlineData(OrderStatus.PendingPayment, false)]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Preparing, true)]
    public void Cancelling_says_whether_a_refund_is_due(OrderStatus status, bool refundDue)
    {
        var order = Orders.In(status, FulfilmentMethod.Shipping, _clock);

        order.Cancel("Buyer changed their mind", Orders.Buyer, _clock).Should().Be(refundDue);
        order.CanRefund.Should().Be(refundDue);
    }

    [Fact]
    public void Cancelling_an_already_fully_refunded_order_owes_nothing_more()
    {
        var order = Orders.In(OrderStatus.Paid, FulfilmentMethod.Shipping, _clock);
        order.RecordRefund(order.Total);

        order.Cancel("Refunded by support", null, _clock).Should().BeFalse();
    }

    [Fact]
    public void Cancelling_a_cancelled_order_says_so()
    {
        var order = Orders.In(OrderStatus.Cancelled, FulfilmentMethod.Shipping, _clock);

        var cancel = () => order.Cancel("Again", null, _clock);

        cancel.Should().Throw<DomainException>().WithMessage("This order is already cancelled.");
    }

    private static bool CanDo(Order order, OrderAction action) => action switch
    {
        OrderAction.MarkPaid => order.CanMarkPaid,
        OrderAction.StartPreparing => order.CanStartPreparing,
        OrderAction.MarkShipped => order.CanMarkShipped,
        OrderAction.MarkReadyForPickup => order.CanMarkReadyForPickup,
        OrderAction.MarkOutForDelivery => order.CanMarkOutForDelivery,
        OrderAction.MarkDelivered => order.CanMarkDelivered,
        OrderAction.ConfirmPickup => order.CanConfirmPickup,
        OrderAction.Complete => order.CanComplete,
        OrderAction.Cancel => order.CanCancel,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private void Do(Order order, OrderAction action)
    {
        switch (action)
        {
            case OrderAction.MarkPaid: order.MarkPaid(_clock); break;
            case OrderAction.StartPreparing: order.StartPreparing(Orders.SellerUser, _clock); break;
            case OrderAction.MarkShipped: order.MarkShipped("Royal Mail", "RM1", Orders.SellerUser, _clock); break;
            case OrderAction.MarkReadyForPickup: order.MarkReadyForPickup(Orders.SellerUser, _clock); break;
            case OrderAction.MarkOutForDelivery: order.MarkOutForDelivery(Orders.SellerUser, _clock); break;
            case OrderAction.MarkDelivered: order.MarkDelivered(Orders.SellerUser, _clock); break;
            case OrderAction.ConfirmPickup: order.ConfirmPickup(order.PickupCode ?? "ABCDEF", Orders.SellerUser, _clock); break;
            case OrderAction.Complete: order.Complete(Orders.Buyer, _clock); break;
            case OrderAction.Cancel: order.Cancel("Changed my mind", Orders.Buyer, _clock); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
