using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Trust;
using RuralMarket.Web.Tests.Sellers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Admin;

public sealed record ReportRow(Guid Id, ReportTarget Target, Guid TargetId, ReportReason Reason, string? Details, ReportStatus Status);

public sealed record AuditLine(string? ActorUserId, string Action, string TargetType, string TargetId, string? Reason, string? BeforeJson, string? AfterJson);

/// <summary>Reporting and moderating through the app's own pages.</summary>
public static class AdminSteps
{
    public static Task<HttpClient> SignInAsAdminAsync(this AppFactory app) => app.SignInAsync(SellingSteps.AdminEmail);

    /// <summary>Opens the report page for a target and sends the form; returns the response (a redirect when it was filed).</summary>
    public static async Task<HttpResponseMessage> ReportAsync(this HttpClient browser, string target, Guid id, ReportReason reason, string? details = null)
    {
        var page = await browser.GetPageAsync($"/report?target={target}&id={id}");
        return await browser.SubmitAsync(page, "form.report", new Dictionary<string, string>
        {
            ["Input.Reason"] = reason.ToString(),
            ["Input.Details"] = details ?? "",
        });
    }

    /// <summary>The queue entry for one target on the moderation page.</summary>
    public static AngleSharp.Dom.IElement? QueueItem(this IHtmlDocument page, ReportTarget target, Guid id) =>
        page.QuerySelector($"#t-{target}-{id:N}");

    /// <summary>Presses one of the moderation buttons (hide, suspend, dismiss) for a target in the queue.</summary>
    public static async Task<HttpResponseMessage> ModerateAsync(this HttpClient admin, ReportTarget target, Guid id, string formClass, string? reason)
    {
        var page = await admin.GetPageAsync("/Admin/Moderation");
        var item = page.QueueItem(target, id) ?? throw new InvalidOperationException($"{target} {id} is not in the moderation queue.");
        var form = item.QuerySelector($"form.{formClass}")!;
        form.Id = "chosen-form";
        return await admin.SubmitHandlerFormAsync(page, "#chosen-form", new Dictionary<string, string> { ["Input.Reason"] = reason ?? "" });
    }

    /// <summary>Presses "Restore" beside a hidden product or video in the list of hidden things.</summary>
    public static async Task<HttpResponseMessage> RestoreAsync(this HttpClient admin, Guid id)
    {
        var page = await admin.GetPageAsync("/Admin/Moderation");
        var form = page.QuerySelectorAll(".mod-hidden form.mod-restore").Single(f => f.QuerySelector("input[name='Input.TargetId']")!.GetAttribute("value") == id.ToString());
        form.Id = "chosen-form";
        return await admin.SubmitHandlerFormAsync(page, "#chosen-form", new Dictionary<string, string>());
    }

    /// <summary>The entry for a hidden product or video whose seller asked for a review.</summary>
    public static AngleSharp.Dom.IElement? AppealItem(this IHtmlDocument page, ReportTarget target, Guid id) =>
        page.QuerySelector($"#appeal-{target}-{id:N}");

    /// <summary>Presses "Restore" or "Keep hidden" (formClass mod-restore or mod-keep-hidden) on an appeal in the queue.</summary>
    public static async Task<HttpResponseMessage> DecideAppealAsync(this HttpClient admin, ReportTarget target, Guid id, string formClass, string? reason = null)
    {
        var page = await admin.GetPageAsync("/Admin/Moderation");
        var item = page.AppealItem(target, id) ?? throw new InvalidOperationException($"{target} {id} has no appeal waiting.");
        item.QuerySelector($"form.{formClass}")!.Id = "chosen-form";
        return await admin.SubmitHandlerFormAsync(page, "#chosen-form", new Dictionary<string, string> { ["Input.Reason"] = reason ?? "" });
    }

    public static Task<List<ReportRow>> ReportsAboutAsync(this AppFactory app, Guid targetId) =>
        app.WithDbAsync(db => db.Reports.AsNoTracking()
            .Where(r => r.TargetId == targetId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new ReportRow(r.Id, r.Target, r.TargetId, r.Reason, r.Details, r.Status))
            .ToListAsync());

    public static Task<List<AuditLine>> AuditAboutAsync(this AppFactory app, string targetId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.TargetId == targetId)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new AuditLine(a.ActorUserId, a.Action, a.TargetType, a.TargetId, a.Reason, a.BeforeJson, a.AfterJson))
            .ToListAsync());

    public static void ShouldRedirect(this HttpResponseMessage response, string? to = null)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, response.RequestMessage!.RequestUri + " " + response.Content.ReadAsStringAsync().Result);
        if (to is not null)
        {
            response.Headers.Location!.OriginalString.Should().Be(to);
        }
    }
}
