using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Fulfilment;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Web.Tests.Checkout;
using RuralMarket.Web.Tests.SellerOrders;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Fulfilment;

public abstract class FulfilmentTimerTests(AppFactory app)
{
    private static readonly FulfilmentWorkerOptions Defaults = new();

    [Fact]
    public async Task The_seller_is_reminded_once_of_a_paid_order_not_sent_out_even_when_the_timer_runs_twice()
    {
        var waiting = await app.PaidOrderAsync(FulfilmentMethod.Shipping);
        var sent = await app.PaidOrderAsync(waiting.Seller, waiting.Product, FulfilmentMethod.Pickup);
        var seller = await app.SignInAsSellerAsync(waiting.Seller);
        (await seller.PressAsync(sent, "prepare")).Dispose();
        (await seller.PressAsync(sent, "ready")).Dispose();

        app.Clock.Advance(Defaults.ReminderAfter - TimeSpan.FromMinutes(1));
        await app.RunTaskAsync<RemindSellersOfUnshippedOrders>();
        await app.RunJobsAsync();
        (await app.MailToAsync(waiting.Seller.OwnerEmail)).Should().NotContain(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.RunTaskTwiceAtOnceAsync<RemindSellersOfUnshippedOrders>();
        await app.RunTaskAsync<RemindSellersOfUnshippedOrders>();
        await app.RunJobsAsync();

        var reminders = (await app.MailToAsync(waiting.Seller.OwnerEmail)).Where(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal)).ToList();
        reminders.Should().ContainSingle().Which.Subject.Should().Be($"Reminder: order {waiting.DisplayNumber} is waiting for you");
        reminders[0].TextBody.Should().Contain("7 days").And.Contain($"/Seller/Orders/{waiting.DisplayNumber}");
    }

    [Fact]
    public async Task An_order_not_sent_out_in_time_is_cancelled_and_refunded_once_even_when_two_workers_run_the_timer()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Shipping, quantity: 2, stock: 5);
        var seller = await app.SignInAsSellerAsync(order.Seller);
        (await seller.PressAsync(order, "prepare")).Dispose();

        app.Clock.Advance(Defaults.AutoCancelAfter - TimeSpan.FromMinutes(1));
        await app.RunTaskAsync<CancelUnshippedOrders>();
        (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.Preparing, "7 days have not passed");

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.RunTaskTwiceAtOnceAsync<CancelUnshippedOrders>();
        await app.RunTaskAsync<CancelUnshippedOrders>();
        await app.RunJobsAsync();

        var cancelled = await app.OrderAsync(order);
        cancelled.Status.Should().Be(OrderStatus.Cancelled);
        cancelled.CancellationReason.Should().Contain("7 days");
        cancelled.RefundedAmount.Should().Be(cancelled.Total);
        cancelled.StatusHistory.Count(h => h.To == OrderStatus.Cancelled).Should().Be(1);
        (await app.StockAsync(order.Product)).Should().Be(5, "the two units return once");
        (await app.PayoutAsync(order)).Status.Should().Be(PayoutStatus.Reversed);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.TargetId == order.DisplayNumber && a.Action == "order.refunded.test"))).Should().Be(1);
        (await app.MailToAsync(order.Buyer.Email)).Where(m => m.Subject == $"Order {order.DisplayNumber} cancelled").Should().ContainSingle()
            .Which.TextBody.Should().Contain("not sent out in time").And.Contain($"We refunded {cancelled.Total.Format()}");
        (await app.MailToAsync(order.Seller.OwnerEmail)).Should().ContainSingle(m => m.Subject == $"Order {order.DisplayNumber} cancelled: not sent in time");
    }

    [Fact]
    public async Task A_delivered_order_is_not_completed_while_the_buyer_reports_a_problem_or_a_dispute_is_open()
    {
        var problem = await DeliveredAsync();
        var disputed = await app.PaidOrderAsync(problem.Seller, problem.Product, FulfilmentMethod.Shipping);
        await DeliverAsync(disputed);
        var buyerPage = await problem.Buyer.Browser.GetPageAsync(problem.BuyerUrl);
        var empty = await (await problem.Buyer.Browser.SubmitAsync(buyerPage, "form#problem", new Dictionary<string, string> { ["Problem.Description"] = "" })).ExpectRefusalAsync(HttpStatusCode.BadRequest);
        empty.QuerySelector("[data-valmsg-for='Problem.Description']")!.TextContent.Should().Contain("Tell us what is wrong.");
        using (var reported = await problem.Buyer.Browser.SubmitAsync(buyerPage, "form#problem", new Dictionary<string, string> { ["Problem.Description"] = "Two of the apples were bruised." }))
        {
            reported.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        // Disputes arrive from the payment provider, not from a page.
        await app.WithDbAsync(async db =>
        {
            (await db.Orders.SingleAsync(o => o.Id == disputed.OrderId)).OpenDispute();
            return await db.SaveChangesAsync();
        });
        await app.RunJobsAsync();
        (await app.MailToAsync(problem.Seller.OwnerEmail)).Should().ContainSingle(m => m.Subject == $"Problem reported with order {problem.DisplayNumber}")
            .Which.TextBody.Should().Contain("Two of the apples were bruised.");
        (await problem.Buyer.Browser.GetPageAsync(problem.BuyerUrl)).QuerySelector("form#problem").Should().BeNull("a problem is reported once");

        app.Clock.Advance(Defaults.AutoCompleteAfter + TimeSpan.FromHours(1));
        await app.RunTaskAsync<CompleteDeliveredOrders>();

        (await app.OrderAsync(problem)).Status.Should().Be(OrderStatus.Delivered);
        (await app.OrderAsync(disputed)).Status.Should().Be(OrderStatus.Delivered);
        (await app.PayoutAsync(problem)).Status.Should().Be(PayoutStatus.Pending);
        (await app.PayoutAsync(disputed)).Status.Should().Be(PayoutStatus.Pending);
        (await (await app.SignInAsSellerAsync(problem.Seller)).GetPageAsync(problem.SellerUrl)).QuerySelector("main")!.TextContent
            .Should().Contain("The buyer reported a problem").And.Contain("Two of the apples were bruised.");

        await app.WithDbAsync(async db =>
        {
            (await db.Orders.SingleAsync(o => o.Id == problem.OrderId)).ResolveProblem();
            return await db.SaveChangesAsync();
        });
        await app.RunTaskAsync<CompleteDeliveredOrders>();
        (await app.OrderAsync(problem)).Status.Should().Be(OrderStatus.Completed, "the problem is resolved");
        (await app.OrderAsync(disputed)).Status.Should().Be(OrderStatus.Delivered);
    }

    [Fact]
    public async Task Auto_completion_and_payout_release_each_happen_once_when_two_workers_run_them_twice()
    {
        var order = await DeliveredAsync();

        app.Clock.Advance(Defaults.AutoCompleteAfter + TimeSpan.FromMinutes(1));
        await app.RunTaskTwiceAtOnceAsync<CompleteDeliveredOrders>();
        await app.RunTaskAsync<CompleteDeliveredOrders>();
        var completed = await app.OrderAsync(order);
        completed.Status.Should().Be(OrderStatus.Completed);
        completed.StatusHistory.Count(h => h.To == OrderStatus.Completed).Should().Be(1);
        (await app.PayoutAsync(order)).ReleasableAt.Should().Be(completed.CompletedAt + Defaults.PayoutHoldPeriod);

        app.Clock.Advance(Defaults.PayoutHoldPeriod);
        await app.RunTaskTwiceAtOnceAsync<ReleasePayouts>();
        await app.RunTaskAsync<ReleasePayouts>();
        await app.RunJobsAsync();

        var payout = await app.PayoutAsync(order);
        payout.Status.Should().Be(PayoutStatus.Paid);
        payout.Attempts.Should().Be(1);
        payout.TransferId.Should().StartWith("test_tr_");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.TargetId == order.DisplayNumber && a.Action.StartsWith("payout.")))).Should().Be(1);
        (await app.MailToAsync(order.Seller.OwnerEmail)).Where(m => m.Subject.StartsWith($"Payout for {order.DisplayNumber}", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.TextBody.Should().Contain("TEST — no money moved");
        (await app.MailToAsync(order.Seller.OwnerEmail)).Should().ContainSingle(m => m.Subject == $"Order {order.DisplayNumber} complete");
    }

    [Fact]
    public async Task A_failed_transfer_is_retried_after_a_back_off_and_paid_once()
    {
        var order = await CompletedAndDueAsync(connectPayoutAccount: true);
        var provider = new ScriptedProvider(failures: 1);

        await RunReleaseWithAsync(provider);
        var failed = await app.PayoutAsync(order);
        failed.Status.Should().Be(PayoutStatus.Failed);
        failed.FailureReason.Should().Contain("bank said no");
        (await (await app.SignInAsSellerAsync(order.Seller)).GetPageAsync("/Seller/Payouts")).QuerySelector(".payout-list")!.TextContent
            .Should().Contain("Failed — The bank said no. We retry automatically.");

        await RunReleaseWithAsync(provider);
        (await app.PayoutAsync(order)).Attempts.Should().Be(1, "the back-off has not passed");

        app.Clock.Advance(Defaults.ReleaseRetryBaseDelay);
        await RunReleaseWithAsync(provider);
        await RunReleaseWithAsync(provider);

        var paid = await app.PayoutAsync(order);
        paid.Status.Should().Be(PayoutStatus.Paid);
        paid.IsTest.Should().BeFalse();
        paid.TransferId.Should().Be($"tr_{order.OrderId:N}");
        paid.Attempts.Should().Be(2);
        provider.Destinations.Should().Equal("acct_orchard", "acct_orchard");
        provider.Keys.Should().OnlyContain(k => k == $"transfer:{order.OrderId:N}");
    }

    [Fact]
    public async Task With_a_real_provider_a_seller_without_a_payout_account_keeps_the_payout_releasable()
    {
        var order = await CompletedAndDueAsync(connectPayoutAccount: false);
        var provider = new ScriptedProvider(failures: 0);

        await RunReleaseWithAsync(provider);

        (await app.PayoutAsync(order)).Status.Should().Be(PayoutStatus.Releasable);
        provider.Destinations.Should().BeEmpty();
    }

    private async Task<PaidOrder> DeliveredAsync()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Shipping);
        await DeliverAsync(order);
        return order;
    }

    private async Task DeliverAsync(PaidOrder order)
    {
        var seller = await app.SignInAsSellerAsync(order.Seller);
        (await seller.PressAsync(order, "prepare")).Dispose();
        (await seller.PressAsync(order, "ship", new Dictionary<string, string> { ["Ship.Carrier"] = "USPS" })).Dispose();
        using var delivered = await seller.PressAsync(order, "delivered");
        delivered.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private async Task<PaidOrder> CompletedAndDueAsync(bool connectPayoutAccount)
    {
        var order = await DeliveredAsync();
        var delivered = await order.Buyer.Browser.GetPageAsync(order.BuyerUrl);
        (await order.Buyer.Browser.SubmitAsync(delivered, "form#received", new Dictionary<string, string>())).Dispose();
        if (connectPayoutAccount)
        {
            await app.WithDbAsync(async db =>
            {
                var seller = await db.Sellers.SingleAsync(s => s.Id == order.Seller.Id);
                seller.ConnectPayoutAccount("stripe", "acct_orchard", app.Clock);
                seller.UpdatePayoutCapabilities(true, true, app.Clock);
                return await db.SaveChangesAsync();
            });
        }

        app.Clock.Advance(Defaults.PayoutHoldPeriod);
        return order;
    }

    /// <summary>The release timer as a worker runs it, but talking to a provider that moves real money (scripted here).</summary>
    private async Task RunReleaseWithAsync(IPaymentProvider provider)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<ReleasePayouts>(scope.ServiceProvider, provider).RunAsync(CancellationToken.None);
    }

    /// <summary>A non-test provider whose first transfers fail; it records what it was asked to do.</summary>
    private sealed class ScriptedProvider(int failures) : IPaymentProvider
    {
        private int _failuresLeft = failures;

        public List<string> Destinations { get; } = [];

        public List<string> Keys { get; } = [];

        public string Name => "scripted";

        public bool IsTest => false;

        public Task<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken)
        {
            Destinations.Add(request.DestinationAccountId);
            Keys.Add(request.IdempotencyKey);
            return Interlocked.Decrement(ref _failuresLeft) >= 0
                ? throw new InvalidOperationException("The bank said no.")
                : Task.FromResult(new TransferResult($"tr_{request.IdempotencyKey["transfer:".Length..]}", IsTest: false));
        }

        public Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<TransferReversalResult> ReverseTransferAsync(TransferReversalRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<OnboardingLink> CreateOnboardingLinkAsync(OnboardingRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SellerAccountStatus> GetSellerAccountAsync(string accountId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> FindPaymentReferenceAsync(string providerPaymentId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}

public sealed class SqliteFulfilmentTimerTests(SqliteApp app) : FulfilmentTimerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFulfilmentTimerTests(PostgresApp app) : FulfilmentTimerTests(app), IClassFixture<PostgresApp>;
