using RuralMarket.Domain.Common;
using RuralMarket.Domain.Trust;

namespace RuralMarket.Domain.Tests.Trust;

public class AuditEntryTests
{
    [Fact]
    public void Recording_captures_who_did_what_to_what_when_and_why()
    {
        var clock = Clocks.New();

        var entry = AuditEntry.Record("admin-1", "seller.suspend", "Seller", "0198-abc", "Complaints", "{\"Status\":\"Approved\"}", "{\"Status\":\"Suspended\"}", clock);

        entry.Should().BeEquivalentTo(new
        {
            ActorUserId = "admin-1",
            Action = "seller.suspend",
            TargetType = "Seller",
            TargetId = "0198-abc",
            Reason = "Complaints",
            BeforeJson = "{\"Status\":\"Approved\"}",
            AfterJson = "{\"Status\":\"Suspended\"}",
            At = Clocks.Start,
        });
        entry.Id.Should().NotBeEmpty();
    }

    [Fact]
    public void The_system_can_act_without_a_user_and_empty_snapshots_are_stored_as_none()
    {
        var entry = AuditEntry.Record(null, "payout.release", "Payout", "p-1", null, " ", "", Clocks.New());

        entry.ActorUserId.Should().BeNull();
        entry.BeforeJson.Should().BeNull();
        entry.AfterJson.Should().BeNull();
    }

    [Fact]
    public void An_entry_needs_an_action_and_a_target()
    {
        var record = () => AuditEntry.Record("admin-1", "", "Seller", "1", null, null, null, Clocks.New());

        record.Should().Throw<DomainException>().WithMessage("An audit action is required.");
    }

    [Fact]
    public void An_entry_cannot_be_changed_after_it_is_written()
    {
        typeof(AuditEntry).GetProperties().Should().OnlyContain(p => p.SetMethod == null || !p.SetMethod.IsPublic);
        typeof(AuditEntry).GetMethods().Where(m => m.DeclaringType == typeof(AuditEntry) && !m.IsStatic && !m.IsSpecialName)
            .Should().BeEmpty("an audit entry has no behaviour that could change it");
    }
}
