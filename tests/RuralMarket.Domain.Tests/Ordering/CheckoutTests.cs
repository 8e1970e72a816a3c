using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;

namespace RuralMarket.Domain.Tests.Ordering;

public class CheckoutTests
{
    private readonly FakeTimeProvider _clock = Clocks.New();

    public enum Settlement
    {
        MarkPaid,
        MarkFailed,
        MarkExpired,
    }

    public static TheoryData<CheckoutStatus, Settlement> EveryStatusAndSettlement()
    {
        var data = new TheoryData<CheckoutStatus, Settlement>();
        foreach (var status in Enum.GetValues<CheckoutStatus>())
        {
            foreach (var settlement in Enum.GetValues<Settlement>())
            {
                data.Add(status, settlement);
            }
        }

        return data;
    }

    [Fact]
    public void Starting_a_checkout_awaits_payment_until_it_expires()
    {
        var checkout = NewCheckout();

        checkout.Status.Should().Be(CheckoutStatus.AwaitingPayment);
        checkout.IsSettled.Should().BeFalse();
        checkout.CreatedAt.Should().Be(Clocks.Start);
        checkout.ExpiresAt.Should().Be(Clocks.Start.AddMinutes(30));
        checkout.HasLapsed(_clock).Should().BeFalse();

        _clock.Advance(TimeSpan.FromMinutes(30));
        checkout.HasLapsed(_clock).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndSettlement))]
    public void A_checkout_settles_only_once_and_only_from_awaiting_payment(CheckoutStatus from, Settlement settlement)
    {
        var checkout = CheckoutIn(from);
        var version = checkout.Version;

        var settle = () => Settle(checkout, settlement);

        if (from == CheckoutStatus.AwaitingPayment)
        {
            settle();
            checkout.Status.Should().Be(settlement switch
            {
                Settlement.MarkPaid => CheckoutStatus.Paid,
                Settlement.MarkFailed => CheckoutStatus.Failed,
                _ => CheckoutStatus.Expired,
            });
            checkout.IsSettled.Should().BeTrue();
            checkout.Version.Should().Be(version + 1);
        }
        else
        {
            settle.Should().Throw<DomainException>().WithMessage($"This checkout cannot be marked *: it is already {from.ToString().ToLowerInvariant()}.");
            checkout.Status.Should().Be(from);
            checkout.Version.Should().Be(version);
        }
    }

    [Fact]
    public void Paying_records_the_time_and_failing_the_reason()
    {
        var paid = NewCheckout();
        _clock.Advance(TimeSpan.FromMinutes(4));
        paid.MarkPaid(_clock);
        paid.PaidAt.Should().Be(Clocks.Start.AddMinutes(4));

        var failed = NewCheckout();
        failed.MarkFailed("Card declined");
        failed.FailureReason.Should().Be("Card declined");
        failed.PaidAt.Should().BeNull();
    }

    [Fact]
    public void Paying_keeps_the_providers_id_for_the_captured_payment()
    {
        var checkout = NewCheckout();

        checkout.MarkPaid(_clock, "ch_3Px");

        checkout.PaymentReference.Should().Be("ch_3Px");
        NewCheckout().PaymentReference.Should().BeNull();
    }

    [Fact]
    public void A_settled_checkout_no_longer_lapses()
    {
        var checkout = NewCheckout();
        checkout.MarkPaid(_clock);

        _clock.Advance(TimeSpan.FromHours(2));

        checkout.HasLapsed(_clock).Should().BeFalse();
    }

    [Fact]
    public void The_provider_reference_is_attached_once_and_repeating_it_is_harmless()
    {
        var checkout = NewCheckout();

        checkout.AttachProviderReference("cs_test_123");
        var version = checkout.Version;
        checkout.AttachProviderReference("cs_test_123");

        checkout.ProviderReference.Should().Be("cs_test_123");
        checkout.Version.Should().Be(version);
        FluentActions.Invoking(() => checkout.AttachProviderReference("cs_test_456"))
            .Should().Throw<DomainException>().WithMessage("This checkout is already linked to another payment.");
    }

    [Fact]
    public void A_settled_checkout_cannot_get_a_provider_reference()
    {
        var checkout = NewCheckout();
        checkout.MarkExpired();

        var attach = () => checkout.AttachProviderReference("cs_test_123");

        attach.Should().Throw<DomainException>().WithMessage("This checkout is no longer waiting for payment.");
    }

    [Theory]
    [InlineData(0, "ada@example.com", 30, "There is nothing to pay for.")]
    [InlineData(1000, "not-an-email", 30, "Enter a valid email address.")]
    [InlineData(1000, "", 30, "An email address is required.")]
    [InlineData(1000, "ada@example.com", 0, "A checkout needs time to be paid.")]
    public void A_checkout_needs_something_to_pay_an_email_and_time(long totalCents, string email, int minutes, string message)
    {
        var start = () => Checkout.Start("buyer-1", email, new Money(totalCents, "USD"), "test", TimeSpan.FromMinutes(minutes), _clock);

        start.Should().Throw<DomainException>().WithMessage(message);
    }

    private Checkout NewCheckout() =>
        Checkout.Start("buyer-1", "ada@example.com", new Money(4200, "USD"), "test", TimeSpan.FromMinutes(30), _clock);

    private Checkout CheckoutIn(CheckoutStatus status)
    {
        var checkout = NewCheckout();
        switch (status)
        {
            case CheckoutStatus.Paid: checkout.MarkPaid(_clock); break;
            case CheckoutStatus.Failed: checkout.MarkFailed("Declined"); break;
            case CheckoutStatus.Expired: checkout.MarkExpired(); break;
        }

        return checkout;
    }

    private void Settle(Checkout checkout, Settlement settlement)
    {
        switch (settlement)
        {
            case Settlement.MarkPaid: checkout.MarkPaid(_clock); break;
            case Settlement.MarkFailed: checkout.MarkFailed("Declined"); break;
            case Settlement.MarkExpired: checkout.MarkExpired(); break;
            default: throw new ArgumentOutOfRangeException(nameof(settlement));
        }
    }
}
