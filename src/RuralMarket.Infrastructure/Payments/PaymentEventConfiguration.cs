using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RuralMarket.Infrastructure.Payments;

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> paymentEvent)
    {
        paymentEvent.ToTable("PaymentEvents");
        paymentEvent.HasKey(e => e.Id);
        paymentEvent.Property(e => e.Id).ValueGeneratedNever();
        paymentEvent.Property(e => e.Provider).HasMaxLength(40);
        paymentEvent.Property(e => e.EventId).HasMaxLength(200);
        paymentEvent.Property(e => e.Type).HasMaxLength(100);
        paymentEvent.Property(e => e.Outcome).HasMaxLength(1000);
        paymentEvent.HasIndex(e => new { e.Provider, e.EventId }).IsUnique();
    }
}
