using Nps.AspNetCore.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Nps.Delivery;
using Nps.Intake;

namespace Nps.AspNetCore.Survey;

/// <summary>
/// <c>app.MapNpsSurvey()</c>: the pages a survey link opens. The token in the URL is the credential, so the routes are
/// anonymous (outside any fallback policy) and limited per token and per client address by their own limiter
/// (<see cref="NpsSurveyOptions.RateLimit"/>) instead of the API's.
/// </summary>
public static class NpsSurveyEndpoints
{
    /// <summary>The body of an RFC 8058 one-click unsubscribe: <c>List-Unsubscribe=One-Click</c>.</summary>
    public const string OneClickField = "List-Unsubscribe";

    private const string OneClickValue = "One-Click";

    private static readonly FormOptions SmallForm = new()
    {
        ValueCountLimit = 64, KeyLengthLimit = 256, ValueLengthLimit = 32 * 1024, MultipartBodyLengthLimit = 64 * 1024,
        BufferBodyLengthLimit = 64 * 1024,
    };

    /// <summary>
    /// Maps <c>GET /s/{token}</c> (the form; <c>?score=N</c> preselects N; records nothing), <c>POST /s/{token}</c> (the
    /// answer, once, with the page's antiforgery token), <c>GET /s/{token}/unsubscribe</c> (a confirmation page; records
    /// nothing) and <c>POST /s/{token}/unsubscribe</c> (RFC 8058 one-click: the opt-out). Unknown or tampered tokens get
    /// 404, expired ones 410, neither saying anything about a customer; every page is sent with
    /// <c>Cache-Control: no-store</c>, <c>Referrer-Policy: no-referrer</c>, a Content-Security-Policy without script and
    /// <c>X-Robots-Tag: noindex</c>. Needs <see cref="NpsWebServiceCollectionExtensions.AddNpsWeb"/>.
    /// </summary>
    /// <param name="app">The routes.</param>
    /// <returns>The routes.</returns>
    public static IEndpointRouteBuilder MapNpsSurvey(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/s").AllowAnonymous().DisableRateLimiting().DisableAntiforgery().ExcludeFromDescription();
        group.MapGet("/{token}", ShowAsync);
        group.MapPost("/{token}", AnswerAsync);
        group.MapGet("/{token}/unsubscribe", ConfirmUnsubscribeAsync);
        group.MapPost("/{token}/unsubscribe", UnsubscribeAsync);
        return app;
    }

    private static async Task ShowAsync(HttpContext context, [AsParameters] SurveyPageQuery query)
    {
        var token = query.Token;
        if (!await AdmitAsync(context)) return;
        var services = context.RequestServices;
        var found = await services.GetRequiredService<SurveyAnswers>().LookupAsync(token, context.RequestAborted);
        var text = await TextAsync(context, found.Invitation);
        if (found.State != SurveyTokenState.Open)
        {
            await RefusedAsync(context, text, found.State);
            return;
        }

        // A bad pre-filled score (11, abc) preselects nothing; the page opens all the same.
        await FormAsync(context, text, token, new SurveyForm { Score = query.Preselected(new FieldErrors()) }, StatusCodes.Status200OK, null);
    }

    private static async Task AnswerAsync(HttpContext context, string token)
    {
        if (!await AdmitAsync(context)) return;
        var services = context.RequestServices;
        var answers = services.GetRequiredService<SurveyAnswers>();
        var found = await answers.LookupAsync(token, context.RequestAborted);
        var text = await TextAsync(context, found.Invitation);
        if (found.State != SurveyTokenState.Open)
        {
            await RefusedAsync(context, text, found.State);
            return;
        }

        if (await ReadFormAsync(context) is not { } posted)
        {
            await FormAsync(context, text, token, new SurveyForm(), StatusCodes.Status400BadRequest, text.FormExpired);
            return;
        }

        var options = services.GetRequiredService<IOptions<NpsSurveyOptions>>().Value;
        var form = SurveyForm.Read(posted, options, text);
        if (!await services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await FormAsync(context, text, token, form, StatusCodes.Status400BadRequest, text.FormExpired);
            return;
        }

        if (form.Errors.Count > 0)
        {
            await FormAsync(context, text, token, form, StatusCodes.Status400BadRequest, null);
            return;
        }

        var result = await answers.SubmitAsync(token, NpsRating.From(form.Score!.Value), form.Comment, form.Callback, form.Answers, context.RequestAborted);
        if (result.State != SurveyTokenState.Open)
        {
            await RefusedAsync(context, text, result.State);
        }
        else if (result.Intake is { Accepted: true })
        {
            await PageAsync(context, StatusCodes.Status200OK, form.Callback
                ? SurveyPage.Message(text, text.ThanksTitle, text.Thanks, text.ThanksCallback)
                : SurveyPage.Message(text, text.ThanksTitle, text.Thanks));
        }
        else
        {
            // The intake refused the text (e.g. a comment beyond its byte limit): nothing stored, the form again.
            form.Errors[SurveyForm.CommentField] = string.Join(" ", result.Intake?.Errors.Select(e => e.Reason) ?? []);
            await FormAsync(context, text, token, form, StatusCodes.Status400BadRequest, null);
        }
    }

    private static async Task ConfirmUnsubscribeAsync(HttpContext context, string token)
    {
        if (!await AdmitAsync(context)) return;
        var found = await context.RequestServices.GetRequiredService<SurveyAnswers>().LookupAsync(token, context.RequestAborted);
        var text = await TextAsync(context, found.Invitation);
        if (found.State == SurveyTokenState.Unknown)
        {
            await RefusedAsync(context, text, found.State);
            return;
        }

        // An expired or answered link still unsubscribes: the confirmation is shown whatever the survey's state.
        await PageAsync(context, StatusCodes.Status200OK, SurveyPage.Unsubscribe(text, ActionOf(context, token) + "/unsubscribe"));
    }

    private static async Task UnsubscribeAsync(HttpContext context, string token)
    {
        if (!await AdmitAsync(context)) return;
        var answers = context.RequestServices.GetRequiredService<SurveyAnswers>();
        var found = await answers.LookupAsync(token, context.RequestAborted);
        var text = await TextAsync(context, found.Invitation);
        if (found.State == SurveyTokenState.Unknown)
        {
            await RefusedAsync(context, text, found.State);
            return;
        }

        // RFC 8058: the body names the one-click action; no antiforgery token (a mail client posts it, not this page).
        if (await ReadFormAsync(context) is not { } posted || !string.Equals(posted[OneClickField].ToString(), OneClickValue, StringComparison.Ordinal))
        {
            await PageAsync(context, StatusCodes.Status400BadRequest, SurveyPage.Unsubscribe(text, ActionOf(context, token) + "/unsubscribe"));
            return;
        }

        var result = await answers.UnsubscribeAsync(token, context.RequestAborted);
        if (result.State == SurveyTokenState.Unknown)
        {
            await RefusedAsync(context, text, result.State);
            return;
        }

        await PageAsync(context, StatusCodes.Status200OK, SurveyPage.Message(text, text.UnsubscribedTitle, text.Unsubscribed));
    }

    /// <summary>Sets the headers every survey page carries, then asks the limiter; a refused request gets 429.</summary>
    private static async Task<bool> AdmitAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.CacheControl] = "no-store";
        headers["Referrer-Policy"] = "no-referrer"; // the token sits in the URL
        headers[HeaderNames.ContentSecurityPolicy] = SurveyPage.ContentSecurityPolicy;
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var (acquired, retryAfter) = context.RequestServices.GetRequiredService<SurveyRateLimiter>().TryAcquire(context);
        if (acquired) return true;
        headers[HeaderNames.RetryAfter] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = SurveyText.For(null, context.Request.GetTypedHeaders().AcceptLanguage);
        await PageAsync(context, StatusCodes.Status429TooManyRequests, SurveyPage.Message(text, text.TooManyTitle, text.TooMany));
        return false;
    }

    private static Task RefusedAsync(HttpContext context, SurveyText text, SurveyTokenState state) => state switch
    {
        SurveyTokenState.Answered => PageAsync(context, StatusCodes.Status200OK, SurveyPage.Message(text, text.AnsweredTitle, text.Answered)),
        SurveyTokenState.Expired => PageAsync(context, StatusCodes.Status410Gone, SurveyPage.Message(text, text.ExpiredTitle, text.Expired)),
        SurveyTokenState.Closed => PageAsync(context, StatusCodes.Status410Gone, SurveyPage.Message(text, text.ClosedTitle, text.Closed)),
        _ => PageAsync(context, StatusCodes.Status404NotFound, SurveyPage.Message(text, text.NotFoundTitle, text.NotFound)),
    };

    private static async Task FormAsync(HttpContext context, SurveyText text, string token, SurveyForm form, int status, string? problem)
    {
        var services = context.RequestServices;
        context.Response.Headers.Remove(HeaderNames.CacheControl); // set again below: antiforgery warns when it finds one
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var action = ActionOf(context, token);
        var html = SurveyPage.Form(text, services.GetRequiredService<IOptions<NpsSurveyOptions>>().Value, form, action, action + "/unsubscribe",
            tokens.FormFieldName, tokens.RequestToken!, problem);
        // The antiforgery call sets its own cache headers (no-cache, no-store); the page's is only no-store.
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        await PageAsync(context, status, html);
    }

    private static Task PageAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    private static string ActionOf(HttpContext context, string token) => context.Request.PathBase + "/s/" + token;

    /// <summary>The page's language: the invitation's recipient locale (when the host registered a directory), then <c>Accept-Language</c>.</summary>
    private static async ValueTask<SurveyText> TextAsync(HttpContext context, SurveyInvitation? invitation)
    {
        string? locale = null;
        if (invitation is not null && context.RequestServices.GetService<IRecipientDirectory>() is { } directory)
        {
            locale = (await directory.FindAsync(invitation.CustomerId, context.RequestAborted))?.Locale;
        }

        return SurveyText.For(locale, context.Request.GetTypedHeaders().AcceptLanguage);
    }

    /// <summary>A small url-encoded or multipart form, or <see langword="null"/> when the body is none or too large.</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType) return null;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = 64 * 1024;
        try
        {
            // Set as the request's form, so the antiforgery check reads this one instead of the spent body.
            var feature = new FormFeature(context.Request, SmallForm);
            context.Features.Set<IFormFeature>(feature);
            return await feature.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }
}
