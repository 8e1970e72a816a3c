using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Stripe;

namespace RuralMarket.Web.Tests.Payments.Stripe;

/// <summary>How the fake misbehaves for the next matching calls.</summary>
public enum FakeStripeFault
{
    /// <summary>Stripe answers 500 api_error; nothing is created.</summary>
    ServerError,

    /// <summary>The call times out before reaching Stripe; nothing is created.</summary>
    TimeoutBeforeStripe,

    /// <summary>Stripe does the work but the answer is lost on the way back (a timeout): a retry must not do it twice.</summary>
    TimeoutAfterStripe,
}

public sealed record FakeLine(string Name, long UnitAmount, long Quantity, string Currency, string? OrderId);

public sealed class FakeSession
{
    public required string Id { get; init; }

    public required string ClientReferenceId { get; init; }

    public required string TransferGroup { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<FakeLine> Lines { get; init; }

    public required long ExpiresAt { get; init; }

    public required string SuccessUrl { get; init; }

    public string Status { get; set; } = "open";

    public string PaymentStatus { get; set; } = "unpaid";

    public string? PaymentIntentId { get; set; }

    public long AmountTotal => Lines.Sum(l => l.UnitAmount * l.Quantity);
}

public sealed record FakeCharge(string Id, string PaymentIntentId, long Amount, string Currency, string TransferGroup)
{
    public long AmountRefunded { get; set; }
}

public sealed record FakeTransfer(string Id, long Amount, string Currency, string Destination, string? SourceTransaction, string? TransferGroup, string IdempotencyKey)
{
    public long AmountReversed { get; set; }
}

public sealed record FakeRefund(string Id, string ChargeId, long Amount, string IdempotencyKey);

public sealed record FakeReversal(string Id, string TransferId, long Amount, string IdempotencyKey);

public sealed class FakeAccount
{
    public required string Id { get; init; }

    public required string? Email { get; init; }

    public bool ChargesEnabled { get; set; }

    public bool PayoutsEnabled { get; set; }

    public bool DetailsSubmitted { get; set; }

    public List<string> CurrentlyDue { get; } = ["external_account", "individual.dob.day", "tos_acceptance.date"];
}

public sealed record FakeRequest(string Method, string Path, string? IdempotencyKey, int Status);

/// <summary>
/// A stateful, in-process stand-in for the Stripe endpoints RuralMarket calls (Checkout Sessions, payment
/// intents, refunds, transfers and reversals, Express accounts and Account Links), served by a TestServer that
/// Stripe.net reaches through the HttpClient the app gives it. It checks what Stripe would refuse (missing
/// idempotency keys, a transfer larger than its source charge, an expiry outside 30 minutes–24 hours, an
/// idempotency key reused with other parameters), replays answers for a repeated key, answers in Stripe's
/// JSON shapes, and builds webhook events signed with Stripe's real scheme.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly WebApplication _app;
    private readonly Dictionary<string, (string Fingerprint, int Status, string Body)> _idempotent = [];
    private readonly List<(string PathPrefix, FakeStripeFault Fault)> _faults = [];
    private int _sequence;

    public FakeStripe(TimeProvider clock)
    {
        _clock = clock;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        _app = builder.Build();
        _app.Run(HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public Dictionary<string, FakeSession> Sessions { get; } = [];

    public Dictionary<string, FakeCharge> Charges { get; } = [];

    public Dictionary<string, FakeTransfer> Transfers { get; } = [];

    public List<FakeRefund> Refunds { get; } = [];

    public List<FakeReversal> Reversals { get; } = [];

    public Dictionary<string, FakeAccount> Accounts { get; } = [];

    public List<FakeRequest> Requests { get; } = [];

    /// <summary>For the app's HttpClient: the TestServer behind a handler that can play the network's faults.</summary>
    public HttpMessageHandler CreateHandler() => new FaultyNetwork(this) { InnerHandler = _app.GetTestServer().CreateHandler() };

    /// <summary>The next <paramref name="times"/> calls whose path starts with <paramref name="pathPrefix"/> misbehave.</summary>
    public void Fail(string pathPrefix, FakeStripeFault fault, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add((pathPrefix, fault));
            }
        }
    }

    public T Read<T>(Func<FakeStripe, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }

    public FakeSession SessionFor(Guid checkoutId) => Read(s => s.Sessions.Values.Single(x => x.ClientReferenceId == checkoutId.ToString()));

    // ---- What the buyer or seller does on Stripe's side, each returning the webhook event Stripe would send ----

    /// <summary>The buyer pays on the hosted page: a payment intent and (when paid now) its charge.</summary>
    public string CompleteSession(string sessionId, bool paidNow = true)
    {
        lock (_gate)
        {
            var session = Sessions[sessionId];
            session.Status = "complete";
            session.PaymentIntentId = NewId("pi");
            if (paidNow)
            {
                Capture(session);
            }

            return EventJson("checkout.session.completed", SessionJson(session));
        }
    }

    public string AsyncPaymentSucceeded(string sessionId)
    {
        lock (_gate)
        {
            var session = Sessions[sessionId];
            Capture(session);
            return EventJson("checkout.session.async_payment_succeeded", SessionJson(session));
        }
    }

    public string AsyncPaymentFailed(string sessionId)
    {
        lock (_gate)
        {
            return EventJson("checkout.session.async_payment_failed", SessionJson(Sessions[sessionId]));
        }
    }

    public string ExpireSession(string sessionId)
    {
        lock (_gate)
        {
            var session = Sessions[sessionId];
            if (session.Status == "open")
            {
                session.Status = "expired";
            }

            return EventJson("checkout.session.expired", SessionJson(session));
        }
    }

    public string ChargeRefunded(string chargeId)
    {
        lock (_gate)
        {
            return EventJson("charge.refunded", ChargeJson(Charges[chargeId]));
        }
    }

    public string DisputeEvent(string chargeId, string type, string status)
    {
        lock (_gate)
        {
            var charge = Charges[chargeId];
            return EventJson(type, new JsonObject
            {
                ["id"] = "dp_" + charge.Id[3..],
                ["object"] = "dispute",
                ["amount"] = charge.Amount,
                ["currency"] = charge.Currency,
                ["charge"] = charge.Id,
                ["payment_intent"] = charge.PaymentIntentId,
                ["reason"] = "fraudulent",
                ["status"] = status,
            });
        }
    }

    /// <summary>The seller finishes onboarding: charges and payouts enabled, nothing due.</summary>
    public string FinishOnboarding(string accountId)
    {
        lock (_gate)
        {
            var account = Accounts[accountId];
            account.ChargesEnabled = true;
            account.PayoutsEnabled = true;
            account.DetailsSubmitted = true;
            account.CurrentlyDue.Clear();
            return EventJson("account.updated", AccountJson(account), accountId);
        }
    }

    /// <summary>Stripe's <c>Stripe-Signature</c> header for a payload: <c>t=…,v1=HMAC-SHA256(secret, "t.payload")</c>.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset at) =>
        EventUtility.GenerateSignatureHeader(payload, secret, at.ToUnixTimeSeconds());

    public string EventJson(string type, JsonObject data, string? account = null)
    {
        var json = new JsonObject
        {
            ["id"] = NewId("evt"),
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = _clock.GetUtcNow().ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = data },
        };
        if (account is not null)
        {
            json["account"] = account;
        }

        return json.ToJsonString();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // ---- The API ----

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync() : FormCollection.Empty;
        var key = request.Headers["Idempotency-Key"].ToString();
        var fingerprint = request.Method + " " + request.Path + "?" + string.Join("&", form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        int status;
        string body;
        lock (_gate)
        {
            if (key.Length > 0 && _idempotent.TryGetValue(key, out var earlier))
            {
                (status, body) = earlier.Fingerprint == fingerprint
                    ? (earlier.Status, earlier.Body)
                    : (400, Error("idempotency_error", $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}'."));
            }
            else
            {
                if (request.Headers.Authorization.ToString() != "Bearer " + StripeAppFactory.SecretKey)
                {
                    (status, body) = (401, Error("invalid_request_error", "Invalid API Key provided."));
                }
                else
                {
                    (status, body) = Route(request.Method, request.Path.Value ?? "", form, key);
                }

                if (key.Length > 0 && request.Method == "POST" && status < 500)
                {
                    _idempotent[key] = (fingerprint, status, body);
                }
            }

            Requests.Add(new FakeRequest(request.Method, request.Path.Value ?? "", key.Length > 0 ? key : null, status));
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    private (int, string) Route(string method, string path, IFormCollection form, string key)
    {
        var parts = path.Trim('/').Split('/');
        return (method, parts) switch
        {
            ("POST", ["v1", "checkout", "sessions"]) => CreateSession(form, key),
            ("GET", ["v1", "checkout", "sessions", var id]) => Sessions.TryGetValue(id, out var s) ? Ok(SessionJson(s)) : Missing("checkout.session", id),
            ("GET", ["v1", "payment_intents", var id]) => PaymentIntent(id),
            ("POST", ["v1", "refunds"]) => CreateRefund(form, key),
            ("POST", ["v1", "transfers"]) => CreateTransfer(form, key),
            ("POST", ["v1", "transfers", var id, "reversals"]) => CreateReversal(id, form, key),
            ("POST", ["v1", "accounts"]) => CreateAccount(form, key),
            ("GET", ["v1", "accounts", var id]) => Accounts.TryGetValue(id, out var a) ? Ok(AccountJson(a)) : Missing("account", id),
            ("POST", ["v1", "account_links"]) => CreateAccountLink(form),
            _ => (404, Error("invalid_request_error", $"Unrecognized request URL ({method}: {path}).")),
        };
    }

    private (int, string) CreateSession(IFormCollection form, string key)
    {
        var problems = new List<string>();
        if (key.Length == 0)
        {
            problems.Add("an Idempotency-Key");
        }

        if (form["mode"] != "payment")
        {
            problems.Add("mode=payment");
        }

        if (form.Keys.Any(k => k.StartsWith("payment_method_types", StringComparison.Ordinal)))
        {
            return (400, Error("invalid_request_error", "Received unknown parameter: payment_method_types (not in this API version)."));
        }

        var reference = form["client_reference_id"].ToString();
        if (!Guid.TryParse(reference, out _) || form["metadata[checkout_id]"] != reference || form["payment_intent_data[transfer_group]"] != reference)
        {
            problems.Add("client_reference_id, metadata[checkout_id] and payment_intent_data[transfer_group] all equal to the checkout id");
        }

        var lines = new List<FakeLine>();
        for (var i = 0; form.ContainsKey($"line_items[{i}][quantity]"); i++)
        {
            var p = $"line_items[{i}][price_data]";
            lines.Add(new FakeLine(
                form[$"{p}[product_data][name]"].ToString(),
                long.Parse(form[$"{p}[unit_amount]"].ToString(), CultureInfo.InvariantCulture),
                long.Parse(form[$"line_items[{i}][quantity]"].ToString(), CultureInfo.InvariantCulture),
                form[$"{p}[currency]"].ToString(),
                form[$"{p}[product_data][metadata][order_id]"].ToString()));
        }

        if (lines.Count == 0 || lines.Any(l => l.Name.Length == 0 || l.UnitAmount < 0 || l.Quantity < 1) || lines.Select(l => l.Currency).Distinct().Count() != 1)
        {
            problems.Add("line_items with a name, a unit amount, a quantity and one currency");
        }

        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var expiresAt = long.TryParse(form["expires_at"], CultureInfo.InvariantCulture, out var e) ? e : 0;
        if (expiresAt < now + 1800 || expiresAt > now + 86400)
        {
            problems.Add("expires_at between 30 minutes and 24 hours from now");
        }

        if (!Uri.TryCreate(form["success_url"], UriKind.Absolute, out _) || !Uri.TryCreate(form["cancel_url"], UriKind.Absolute, out _))
        {
            problems.Add("absolute success_url and cancel_url");
        }

        if (problems.Count > 0)
        {
            return (400, Error("invalid_request_error", "Expected " + string.Join("; ", problems) + "."));
        }

        var session = new FakeSession
        {
            Id = NewId("cs_test"),
            ClientReferenceId = reference,
            TransferGroup = form["payment_intent_data[transfer_group]"].ToString(),
            Currency = lines[0].Currency,
            Lines = lines,
            ExpiresAt = expiresAt,
            SuccessUrl = form["success_url"].ToString(),
        };
        Sessions[session.Id] = session;
        return Ok(SessionJson(session));
    }

    private (int, string) PaymentIntent(string id)
    {
        var session = Sessions.Values.SingleOrDefault(s => s.PaymentIntentId == id);
        if (session is null)
        {
            return Missing("payment_intent", id);
        }

        var charge = Charges.Values.SingleOrDefault(c => c.PaymentIntentId == id);
        return Ok(new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = session.AmountTotal,
            ["currency"] = session.Currency,
            ["status"] = charge is null ? "processing" : "succeeded",
            ["latest_charge"] = charge?.Id,
            ["transfer_group"] = session.TransferGroup,
        });
    }

    private (int, string) CreateRefund(IFormCollection form, string key)
    {
        var chargeId = form["charge"].ToString();
        var charge = chargeId.Length > 0
            ? Charges.GetValueOrDefault(chargeId)
            : Charges.Values.SingleOrDefault(c => c.PaymentIntentId == form["payment_intent"]);
        if (key.Length == 0 || charge is null)
        {
            return (400, Error("invalid_request_error", "A refund needs an Idempotency-Key and a known charge or payment_intent."));
        }

        var amount = form.ContainsKey("amount") ? long.Parse(form["amount"].ToString(), CultureInfo.InvariantCulture) : charge.Amount - charge.AmountRefunded;
        if (amount <= 0 || amount > charge.Amount - charge.AmountRefunded)
        {
            return (400, Error("invalid_request_error", $"Refund amount ({amount}) is greater than unrefunded amount on charge ({charge.Amount - charge.AmountRefunded})."));
        }

        charge.AmountRefunded += amount;
        var refund = new FakeRefund(NewId("re"), charge.Id, amount, key);
        Refunds.Add(refund);
        return Ok(new JsonObject { ["id"] = refund.Id, ["object"] = "refund", ["amount"] = amount, ["charge"] = charge.Id, ["currency"] = charge.Currency, ["status"] = "succeeded", ["payment_intent"] = charge.PaymentIntentId });
    }

    private (int, string) CreateTransfer(IFormCollection form, string key)
    {
        var amount = long.Parse(form["amount"].ToString(), CultureInfo.InvariantCulture);
        var currency = form["currency"].ToString();
        var destination = form["destination"].ToString();
        var source = form["source_transaction"].ToString();
        if (key.Length == 0)
        {
            return (400, Error("invalid_request_error", "Transfers need an Idempotency-Key here."));
        }

        if (!Accounts.TryGetValue(destination, out var account) || !account.PayoutsEnabled)
        {
            return (400, Error("invalid_request_error", $"Your destination account ({destination}) needs the transfers capability enabled."));
        }

        if (source.Length > 0)
        {
            if (!Charges.TryGetValue(source, out var charge) || charge.Currency != currency)
            {
                return (400, Error("invalid_request_error", $"No such charge in {currency}: '{source}'."));
            }

            var alreadyOut = Transfers.Values.Where(t => t.SourceTransaction == source).Sum(t => t.Amount - t.AmountReversed);
            if (amount > charge.Amount - charge.AmountRefunded - alreadyOut)
            {
                return (400, Error("invalid_request_error", "Insufficient funds on the source transaction for this transfer."));
            }
        }

        var transfer = new FakeTransfer(NewId("tr"), amount, currency, destination, source.Length > 0 ? source : null, form["transfer_group"].ToString(), key);
        Transfers[transfer.Id] = transfer;
        return Ok(TransferJson(transfer));
    }

    private (int, string) CreateReversal(string transferId, IFormCollection form, string key)
    {
        if (!Transfers.TryGetValue(transferId, out var transfer))
        {
            return Missing("transfer", transferId);
        }

        var amount = form.ContainsKey("amount") ? long.Parse(form["amount"].ToString(), CultureInfo.InvariantCulture) : transfer.Amount - transfer.AmountReversed;
        if (key.Length == 0 || amount <= 0 || amount > transfer.Amount - transfer.AmountReversed)
        {
            return (400, Error("invalid_request_error", "A reversal needs an Idempotency-Key and an amount no larger than what is left of the transfer."));
        }

        transfer.AmountReversed += amount;
        var reversal = new FakeReversal(NewId("trr"), transferId, amount, key);
        Reversals.Add(reversal);
        return Ok(new JsonObject { ["id"] = reversal.Id, ["object"] = "transfer_reversal", ["amount"] = amount, ["currency"] = transfer.Currency, ["transfer"] = transferId });
    }

    private (int, string) CreateAccount(IFormCollection form, string key)
    {
        if (key.Length == 0 || form["type"] != "express" || form["capabilities[transfers][requested]"] != "true")
        {
            return (400, Error("invalid_request_error", "Expected an Idempotency-Key, type=express and capabilities[transfers][requested]=true."));
        }

        var account = new FakeAccount { Id = NewId("acct"), Email = form["email"].ToString() };
        Accounts[account.Id] = account;
        return Ok(AccountJson(account));
    }

    private (int, string) CreateAccountLink(IFormCollection form)
    {
        var accountId = form["account"].ToString();
        if (!Accounts.ContainsKey(accountId) || form["type"] != "account_onboarding"
            || !Uri.TryCreate(form["return_url"], UriKind.Absolute, out _) || !Uri.TryCreate(form["refresh_url"], UriKind.Absolute, out _))
        {
            return (400, Error("invalid_request_error", "Expected a known account, type=account_onboarding and absolute return_url and refresh_url."));
        }

        return Ok(new JsonObject
        {
            ["object"] = "account_link",
            ["url"] = $"https://connect.stripe.com/setup/e/{accountId}/{NewId("link")}",
            ["created"] = _clock.GetUtcNow().ToUnixTimeSeconds(),
            ["expires_at"] = _clock.GetUtcNow().ToUnixTimeSeconds() + 300,
        });
    }

    private void Capture(FakeSession session)
    {
        session.PaymentStatus = "paid";
        var charge = new FakeCharge(NewId("ch"), session.PaymentIntentId!, session.AmountTotal, session.Currency, session.TransferGroup);
        Charges[charge.Id] = charge;
    }

    private static JsonObject SessionJson(FakeSession s) => new()
    {
        ["id"] = s.Id,
        ["object"] = "checkout.session",
        ["amount_total"] = s.AmountTotal,
        ["currency"] = s.Currency,
        ["client_reference_id"] = s.ClientReferenceId,
        ["metadata"] = new JsonObject { ["checkout_id"] = s.ClientReferenceId },
        ["mode"] = "payment",
        ["payment_intent"] = s.PaymentIntentId,
        ["payment_status"] = s.PaymentStatus,
        ["status"] = s.Status,
        ["expires_at"] = s.ExpiresAt,
        ["success_url"] = s.SuccessUrl,
        ["url"] = s.Status == "open" ? $"https://checkout.stripe.com/c/pay/{s.Id}" : null,
    };

    private static JsonObject ChargeJson(FakeCharge c) => new()
    {
        ["id"] = c.Id,
        ["object"] = "charge",
        ["amount"] = c.Amount,
        ["amount_refunded"] = c.AmountRefunded,
        ["currency"] = c.Currency,
        ["payment_intent"] = c.PaymentIntentId,
        ["refunded"] = c.AmountRefunded == c.Amount,
        ["transfer_group"] = c.TransferGroup,
    };

    private static JsonObject TransferJson(FakeTransfer t) => new()
    {
        ["id"] = t.Id,
        ["object"] = "transfer",
        ["amount"] = t.Amount,
        ["amount_reversed"] = t.AmountReversed,
        ["currency"] = t.Currency,
        ["destination"] = t.Destination,
        ["source_transaction"] = t.SourceTransaction,
        ["transfer_group"] = t.TransferGroup,
        ["reversed"] = t.AmountReversed == t.Amount,
    };

    private static JsonObject AccountJson(FakeAccount a) => new()
    {
        ["id"] = a.Id,
        ["object"] = "account",
        ["type"] = "express",
        ["email"] = a.Email,
        ["charges_enabled"] = a.ChargesEnabled,
        ["payouts_enabled"] = a.PayoutsEnabled,
        ["details_submitted"] = a.DetailsSubmitted,
        ["requirements"] = new JsonObject
        {
            ["currently_due"] = new JsonArray([.. a.CurrentlyDue.Select(d => (JsonNode)JsonValue.Create(d))]),
            ["disabled_reason"] = a.CurrentlyDue.Count > 0 ? "requirements.past_due" : null,
        },
    };

    private string NewId(string prefix) =>
        $"{prefix}_{Interlocked.Increment(ref _sequence).ToString("D4", CultureInfo.InvariantCulture)}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    private static (int, string) Ok(JsonObject json) => (200, json.ToJsonString());

    private static (int, string) Missing(string what, string id) => (404, Error("invalid_request_error", $"No such {what}: '{id}'"));

    private static string Error(string type, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } }.ToJsonString();

    private FakeStripeFault? TakeFault(string path)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(f => path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index].Fault;
            _faults.RemoveAt(index);
            return fault;
        }
    }

    /// <summary>The network between the app and the fake: passes calls through, or plays the next fault.</summary>
    private sealed class FaultyNetwork(FakeStripe stripe) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            switch (stripe.TakeFault(path))
            {
                case FakeStripeFault.ServerError:
                    lock (stripe._gate)
                    {
                        stripe.Requests.Add(new FakeRequest(request.Method.Method, path, request.Headers.TryGetValues("Idempotency-Key", out var k) ? k.First() : null, 500));
                    }

                    return new HttpResponseMessage(HttpStatusCode.InternalServerError)
                    {
                        Content = new StringContent(Error("api_error", "An unknown error occurred."), Encoding.UTF8, "application/json"),
                    };
                case FakeStripeFault.TimeoutBeforeStripe:
                    throw Timeout();
                case FakeStripeFault.TimeoutAfterStripe:
                    using (await base.SendAsync(request, cancellationToken))
                    {
                        throw Timeout();
                    }

                default:
                    return await base.SendAsync(request, cancellationToken);
            }
        }

        // What HttpClient throws when its Timeout elapses.
        private static TaskCanceledException Timeout() =>
            new("The request was canceled due to the configured HttpClient.Timeout of 20 seconds elapsing.", new TimeoutException("The operation was canceled."));
    }
}
