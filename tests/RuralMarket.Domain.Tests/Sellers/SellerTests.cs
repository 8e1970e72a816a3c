using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Domain.Tests.Sellers;

public class SellerTests
{
    private const string Admin = "admin-1";
    private const string Owner = "user-42";
    private readonly FakeTimeProvider _clock = Clocks.New();

    public enum SellerAction
    {
        Approve,
        Reject,
        Suspend,
        Reinstate,
        Resubmit,
    }

    private static readonly Dictionary<(SellerStatus, SellerAction), SellerStatus> Legal = new()
    {
        [(SellerStatus.Pending, SellerAction.Approve)] = SellerStatus.Approved,
        [(SellerStatus.Pending, SellerAction.Reject)] = SellerStatus.Rejected,
        [(SellerStatus.Approved, SellerAction.Suspend)] = SellerStatus.Suspended,
        [(SellerStatus.Suspended, SellerAction.Reinstate)] = SellerStatus.Approved,
        [(SellerStatus.Rejected, SellerAction.Resubmit)] = SellerStatus.Pending,
    };

    public static TheoryData<SellerStatus, SellerAction> EveryStatusAndAction()
    {
        var data = new TheoryData<SellerStatus, SellerAction>();
        foreach (var status in Enum.GetValues<SellerStatus>())
        {
            foreach (var action in Enum.GetValues<SellerAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Fact]
    public void Applying_makes_a_pending_seller_hidden_from_the_storefront()
    {
        var seller = NewSeller();

        seller.Status.Should().Be(SellerStatus.Pending);
        seller.OwnerUserId.Should().Be(Owner);
        seller.Slug.Should().Be("hilltop-farm");
        seller.CommissionBasisPoints.Should().Be(800);
        seller.IsVisibleInStorefront.Should().BeFalse();
        seller.StatusHistory.Should().BeEmpty();
        seller.CreatedAt.Should().Be(Clocks.Start);
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Status_moves_follow_the_review_and_suspension_rules(SellerStatus from, SellerAction action)
    {
        var seller = SellerIn(from);
        var history = seller.StatusHistory.Count;
        var allowed = CanDo(seller, action);

        var act = () => Do(seller, action);

        if (Legal.TryGetValue((from, action), out var to))
        {
            allowed.Should().BeTrue();
            act();
            seller.Status.Should().Be(to);
            seller.StatusHistory.Should().HaveCount(history + 1);
            seller.StatusHistory[^1].From.Should().Be(from);
            seller.StatusHistory[^1].To.Should().Be(to);
        }
        else
        {
            allowed.Should().BeFalse();
            act.Should().Throw<DomainException>();
            seller.Status.Should().Be(from);
            seller.StatusHistory.Should().HaveCount(history);
        }
    }

    [Fact]
    public void Suspending_records_who_when_and_why_and_hides_the_storefront()
    {
        var seller = SellerIn(SellerStatus.Approved);
        seller.IsVisibleInStorefront.Should().BeTrue();
        _clock.Advance(TimeSpan.FromDays(3));

        seller.Suspend("  Selling raw milk without a licence ", Admin, _clock);

        seller.IsVisibleInStorefront.Should().BeFalse();
        seller.StatusReason.Should().Be("Selling raw milk without a licence");
        var change = seller.StatusHistory[^1];
        change.Should().BeEquivalentTo(new
        {
            From = SellerStatus.Approved,
            To = SellerStatus.Suspended,
            At = Clocks.Start.AddDays(3),
            ByUserId = Admin,
            Reason = "Selling raw milk without a licence",
        });
    }

    [Theory]
    [InlineData(SellerStatus.Pending, SellerAction.Reject)]
    [InlineData(SellerStatus.Approved, SellerAction.Suspend)]
    [InlineData(SellerStatus.Suspended, SellerAction.Reinstate)]
    public void Decisions_a_seller_must_understand_need_a_reason(SellerStatus from, SellerAction action)
    {
        var seller = SellerIn(from);

        var act = () => Do(seller, action, reason: " ");

        act.Should().Throw<DomainException>().WithMessage("A reason for * is required.");
        seller.Status.Should().Be(from);
    }

    [Fact]
    public void A_rejected_seller_can_resubmit_and_the_owner_is_recorded()
    {
        var seller = SellerIn(SellerStatus.Rejected);

        seller.Resubmit(_clock);

        seller.Status.Should().Be(SellerStatus.Pending);
        seller.StatusHistory[^1].ByUserId.Should().Be(Owner);
    }

    [Fact]
    public void Status_changes_bump_the_version()
    {
        var seller = NewSeller();
        var version = seller.Version;

        seller.Approve(Admin, _clock);

        seller.Version.Should().Be(version + 1);
    }

    [Fact]
    public void Profile_updates_keep_the_slug()
    {
        var seller = NewSeller();

        seller.UpdateProfile("Hilltop Farm & Dairy", "We have **cows** now.", Location(), _clock);

        seller.Name.Should().Be("Hilltop Farm & Dairy");
        seller.Story.Should().Be("We have **cows** now.");
        seller.Slug.Should().Be("hilltop-farm");
    }

    [Fact]
    public void A_shop_name_is_required()
    {
        var seller = NewSeller();

        var update = () => seller.UpdateProfile("", null, Location(), _clock);

        update.Should().Throw<DomainException>().WithMessage("A shop name is required.");
        seller.Name.Should().Be("Hilltop Farm");
    }

    [Fact]
    public void A_newly_connected_payout_account_cannot_be_paid_until_the_provider_enables_it()
    {
        var seller = NewSeller();
        FluentActions.Invoking(() => seller.UpdatePayoutCapabilities(true, true, _clock))
            .Should().Throw<DomainException>().WithMessage("Connect a payout account first.");

        seller.ConnectPayoutAccount("stripe", "acct_123", _clock);
        seller.CanBePaidOut.Should().BeFalse();

        seller.UpdatePayoutCapabilities(chargesEnabled: true, payoutsEnabled: true, _clock);
        seller.CanBePaidOut.Should().BeTrue();

        seller.ConnectPayoutAccount("stripe", "acct_456", _clock);
        seller.ChargesEnabled.Should().BeFalse();
        seller.PayoutsEnabled.Should().BeFalse();
        seller.PayoutAccountId.Should().Be("acct_456");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Commission_outside_0_to_100_percent_is_refused(int basisPoints)
    {
        var seller = NewSeller();

        var set = () => seller.SetCommission(basisPoints, _clock);

        set.Should().Throw<DomainException>();
        seller.CommissionBasisPoints.Should().Be(800);
    }

    [Fact]
    public void Local_delivery_reaches_buyers_within_the_radius_only()
    {
        var seller = NewSeller(Fulfilment.Options(localDelivery: true, radiusKm: 20));

        seller.DeliversTo(new GeoPoint(51.55, -2.0)).Should().BeTrue("about 8 km away");
        seller.DeliversTo(new GeoPoint(51.9, -2.0)).Should().BeFalse("about 36 km away");
        NewSeller(Fulfilment.Options(localDelivery: false)).DeliversTo(new GeoPoint(51.5, -2.0)).Should().BeFalse();
    }

    [Theory]
    [InlineData("G")]
    [InlineData("GBR")]
    [InlineData("1B")]
    public void A_location_needs_a_two_letter_country(string country)
    {
        var create = () => new SellerLocation("Malmesbury", null, null, country, 51.5, -2.0);

        create.Should().Throw<DomainException>().WithMessage("A country code must be two letters*");
    }

    [Fact]
    public void A_location_normalises_its_country_and_refuses_impossible_coordinates()
    {
        new SellerLocation(" Malmesbury ", "Wiltshire", "SN16", "gb", 51.5, -2.0).Should().BeEquivalentTo(new
        {
            Town = "Malmesbury",
            CountryCode = "GB",
        });
        FluentActions.Invoking(() => new SellerLocation("Malmesbury", null, null, "GB", 95, 0)).Should().Throw<DomainException>();
    }

    private static SellerLocation Location() => new("Malmesbury", "Wiltshire", "SN16 9AA", "GB", 51.5846, -2.0983);

    private Seller NewSeller(FulfilmentOptions? fulfilment = null) =>
        Seller.Apply(Owner, "Hilltop Farm", "Three generations of *eggs*.", Location(), fulfilment ?? Fulfilment.Options(), 800, _clock);

    private Seller SellerIn(SellerStatus status)
    {
        var seller = NewSeller();
        switch (status)
        {
            case SellerStatus.Approved:
                seller.Approve(Admin, _clock);
                break;
            case SellerStatus.Rejected:
                seller.Reject("Photos missing", Admin, _clock);
                break;
            case SellerStatus.Suspended:
                seller.Approve(Admin, _clock);
                seller.Suspend("Complaints", Admin, _clock);
                break;
        }

        return seller;
    }

    private void Do(Seller seller, SellerAction action, string reason = "Checked by the team")
    {
        switch (action)
        {
            case SellerAction.Approve: seller.Approve(Admin, _clock); break;
            case SellerAction.Reject: seller.Reject(reason, Admin, _clock); break;
            case SellerAction.Suspend: seller.Suspend(reason, Admin, _clock); break;
            case SellerAction.Reinstate: seller.Reinstate(reason, Admin, _clock); break;
            case SellerAction.Resubmit: seller.Resubmit(_clock); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }

    private static bool CanDo(Seller seller, SellerAction action) => action switch
    {
        SellerAction.Approve => seller.CanApprove,
        SellerAction.Reject => seller.CanReject,
        SellerAction.Suspend => seller.CanSuspend,
        SellerAction.Reinstate => seller.CanReinstate,
        SellerAction.Resubmit => seller.CanResubmit,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
