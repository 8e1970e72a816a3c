using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Infrastructure.Payments.Stripe;

namespace RuralMarket.Web.Endpoints;

/// <summary>
/// Stripe's two webhook endpoints: <c>/webhooks/stripe</c> (the platform's own events) and
/// <c>/webhooks/stripe/connect</c> (events of sellers' connected accounts), each with its own signing secret.
/// The signature is checked on the raw bytes; a genuine event is stored in the payment inbox (unique per
/// provider and event id) with its apply job in the same save, and Stripe gets 200 at once. Anything not
/// genuine gets a 400 problem and nothing is stored. No cookies, no antiforgery, no rate limit: Stripe is the caller.
/// </summary>
public static class StripeWebhookEndpoints
{
    /// <summary>Stripe's events are a few KB; this is far above any of them and far below a memory problem.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapStripeWebhooks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/stripe", (HttpContext context, CancellationToken ct) => ReceiveAsync(context, StripeWebhookEndpoint.Platform, ct))
            .DisableAntiforgery()
            .ExcludeFromDescription();
        endpoints.MapPost("/webhooks/stripe/connect", (HttpContext context, CancellationToken ct) => ReceiveAsync(context, StripeWebhookEndpoint.Connect, ct))
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, StripeWebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        if (services.GetRequiredService<IPaymentProvider>().Name != StripePaymentProvider.ProviderName)
        {
            return Results.NotFound();
        }

        var options = services.GetRequiredService<IOptions<StripeOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StripeWebhookEndpoints));

        var body = await ReadBodyAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Stripe event", detail: "The body is empty or too large.");
        }

        NormalizedPaymentEvent? normalized;
        string eventId;
        try
        {
            var secret = endpoint == StripeWebhookEndpoint.Connect ? options.ConnectWebhookSecret : options.WebhookSecret;
            var stripeEvent = StripeWebhooks.Verify(body, context.Request.Headers["Stripe-Signature"], secret, clock.GetUtcNow());
            normalized = StripeWebhooks.Normalize(stripeEvent);
            eventId = stripeEvent.Id;
        }
        catch (StripeWebhookRejectedException ex)
        {
            logger.LogWarning("Stripe webhook ({Endpoint}) refused: {Reason}", endpoint, ex.Message);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a genuine Stripe event", detail: ex.Message);
        }

        if (normalized is null || string.IsNullOrEmpty(eventId))
        {
            return Results.Ok(new { received = true, stored = false });
        }

        var db = services.GetRequiredService<RuralMarketDbContext>();
        try
        {
            if (await db.ReceiveAsync(StripePaymentProvider.ProviderName, eventId, normalized, clock.GetUtcNow().UtcDateTime, cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Stripe event {EventId} ({Type}) stored", eventId, normalized.Type);
            }
        }
        catch (DbUpdateException ex)
        {
            // The same event delivered twice at once: the other delivery stored it.
            logger.LogInformation(ex, "Stripe event {EventId} was already received", eventId);
        }

        return Results.Ok(new { received = true, stored = true });
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        // The signature covers these exact bytes; decoding UTF-8 without changing them is what Stripe's scheme expects.
        return buffer.Length == 0 ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
