using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Trust;

namespace RuralMarket.Domain.Tests.Trust;

public class ReportTests
{
    private const string Moderator = "admin-1";
    private readonly FakeTimeProvider _clock = Clocks.New();

    public enum Resolution
    {
        Action,
        Dismiss,
    }

    public static TheoryData<ReportStatus, Resolution> EveryStatusAndResolution()
    {
        var data = new TheoryData<ReportStatus, Resolution>();
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            foreach (var resolution in Enum.GetValues<Resolution>())
            {
                data.Add(status, resolution);
            }
        }

        return data;
    }

    [Fact]
    public void A_new_report_is_open()
    {
        var target = Guid.NewGuid();

        var report = Report.Create("buyer-1", ReportTarget.Product, target, ReportReason.UnsafeFood, "  Smelled off  ", _clock);

        report.Should().BeEquivalentTo(new
        {
            ReporterUserId = "buyer-1",
            Target = ReportTarget.Product,
            TargetId = target,
            Reason = ReportReason.UnsafeFood,
            Details = "Smelled off",
            Status = ReportStatus.Open,
            CreatedAt = Clocks.Start,
        });
    }

    [Fact]
    public void Other_needs_details_but_named_reasons_do_not()
    {
        FluentActions.Invoking(() => Report.Create("buyer-1", ReportTarget.Seller, Guid.NewGuid(), ReportReason.Other, " ", _clock))
            .Should().Throw<DomainException>().WithMessage("A description of what is wrong is required.");

        Report.Create("buyer-1", ReportTarget.Video, Guid.NewGuid(), ReportReason.Offensive, null, _clock).Details.Should().BeNull();
    }

    [Fact]
    public void Details_are_limited_to_1000_characters()
    {
        var create = () => Report.Create("buyer-1", ReportTarget.Video, Guid.NewGuid(), ReportReason.Misleading, new string('x', 1001), _clock);

        create.Should().Throw<DomainException>().WithMessage("*at most 1000 characters.");
    }

    [Fact]
    public void Undefined_targets_and_reasons_are_refused()
    {
        FluentActions.Invoking(() => Report.Create("buyer-1", (ReportTarget)9, Guid.NewGuid(), ReportReason.Misleading, null, _clock))
            .Should().Throw<DomainException>();
        FluentActions.Invoking(() => Report.Create("buyer-1", ReportTarget.Product, Guid.NewGuid(), (ReportReason)9, null, _clock))
            .Should().Throw<DomainException>();
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndResolution))]
    public void Only_open_reports_can_be_resolved(ReportStatus from, Resolution resolution)
    {
        var report = ReportIn(from);
        _clock.Advance(TimeSpan.FromHours(5));

        var resolve = () => Resolve(report, resolution);

        if (from == ReportStatus.Open)
        {
            resolve();
            report.Status.Should().Be(resolution == Resolution.Action ? ReportStatus.Actioned : ReportStatus.Dismissed);
            report.ResolvedByUserId.Should().Be(Moderator);
            report.ResolvedAt.Should().Be(Clocks.Start.AddHours(5));
            report.ResolutionNote.Should().Be("Listing hidden");
        }
        else
        {
            resolve.Should().Throw<DomainException>().WithMessage("This report has already been resolved.");
            report.Status.Should().Be(from);
            report.ResolvedAt.Should().Be(Clocks.Start);
        }
    }

    private Report ReportIn(ReportStatus status)
    {
        var report = Report.Create("buyer-1", ReportTarget.Product, Guid.NewGuid(), ReportReason.Counterfeit, null, _clock);
        if (status == ReportStatus.Actioned)
        {
            report.Action(Moderator, "First look", _clock);
        }
        else if (status == ReportStatus.Dismissed)
        {
            report.Dismiss(Moderator, "First look", _clock);
        }

        return report;
    }

    private void Resolve(Report report, Resolution resolution)
    {
        if (resolution == Resolution.Action)
        {
            report.Action(Moderator, "Listing hidden", _clock);
        }
        else
        {
            report.Dismiss(Moderator, "Listing hidden", _clock);
        }
    }
}
