using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace Nps.AspNetCore.Survey;

/// <summary>
/// The response pages as HTML written on the server: no script at all, one inline style sheet allowed by its hash
/// (<see cref="ContentSecurityPolicy"/>), native form controls with labels, the 0–10 scale as a fieldset whose legend is
/// the question and whose end labels describe it, wrapping at any width (no sideways scrolling at 320 px); the chosen
/// score's box and the focused one are marked on the whole box, not only by the small native control.
/// </summary>
internal static class SurveyPage
{
    private const string Style = """
        *{box-sizing:border-box}
        body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f6f7f9}
        main{max-width:40rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
        h1{font-size:1.4rem;margin:.5rem 0 1rem}
        fieldset{border:0;margin:0 0 1.25rem;padding:0;min-width:0}
        legend{font-weight:600;padding:0;margin-bottom:.5rem}
        .scale{display:flex;flex-wrap:wrap;gap:.35rem;margin:.25rem 0}
        .scale label{display:flex;flex-direction:column;align-items:center;min-width:2.6rem;padding:.3rem .2rem;border:1px solid #8a8f98;border-radius:.4rem;background:#fff;cursor:pointer}
        .scale input{margin:0 0 .2rem}
        .scale label:has(input:checked){border-color:#0b57d0;background:#e8f0fe;font-weight:600}
        .scale label:has(input:focus-visible){outline:3px solid #f0a500;outline-offset:2px}
        .ends{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;font-size:.9rem;color:#3d4249;margin:0}
        label.block{display:block;font-weight:600;margin-bottom:.35rem}
        textarea,select{width:100%;font:inherit;padding:.5rem;border:1px solid #8a8f98;border-radius:.4rem;background:#fff}
        .hint{font-size:.9rem;color:#3d4249;margin:.25rem 0 .5rem}
        .check{display:flex;gap:.5rem;align-items:flex-start;margin:0 0 1.25rem}
        .field{margin:0 0 1.25rem}
        .error{color:#a4001d;font-weight:600;margin:.25rem 0}
        button{font:inherit;font-weight:600;padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#0b57d0;color:#fff;cursor:pointer}
        :focus-visible{outline:3px solid #f0a500;outline-offset:2px}
        footer{margin-top:2rem;font-size:.9rem}
        a{color:#0b57d0}
        """;

    /// <summary>Nothing but the inline style sheet above and posts to this origin; no script, frame, image or base.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The form: the score (preselected when given), the comment, the callback box and the follow-up questions.</summary>
    public static string Form(SurveyText text, NpsSurveyOptions options, SurveyForm form, string action, string unsubscribe,
        string antiforgeryField, string antiforgeryToken, string? problem)
    {
        var page = Start(text, text.Title);
        if (options.OrganisationName is { Length: > 0 } organisation)
        {
            page.Append("<p>").Append(E(string.Format(CultureInfo.InvariantCulture, text.AskedBy, organisation))).Append("</p>");
        }

        if (problem is not null) page.Append("<p class=\"error\" role=\"alert\">").Append(E(problem)).Append("</p>");
        page.Append("<form method=\"post\" action=\"").Append(E(action)).Append("\">");
        page.Append("<input type=\"hidden\" name=\"").Append(E(antiforgeryField)).Append("\" value=\"").Append(E(antiforgeryToken)).Append("\">");

        var scoreError = form.Errors.TryGetValue(SurveyForm.ScoreField, out var se) ? se : null;
        page.Append("<fieldset aria-describedby=\"ends").Append(scoreError is null ? "" : " score-error").Append("\">");
        page.Append("<legend>").Append(E(text.Question)).Append("</legend>");
        page.Append("<p class=\"ends\" id=\"ends\"><span>").Append(E(text.Low)).Append("</span><span>").Append(E(text.High)).Append("</span></p>");
        if (scoreError is not null) page.Append("<p class=\"error\" id=\"score-error\">").Append(E(scoreError)).Append("</p>");
        page.Append("<div class=\"scale\">");
        for (var score = 0; score <= 10; score++)
        {
            page.Append("<label for=\"score-").Append(score).Append("\"><input type=\"radio\" id=\"score-").Append(score)
                .Append("\" name=\"score\" value=\"").Append(score).Append('"').Append(score == form.Score ? " checked" : "")
                .Append(score == 0 ? " required" : "").Append("><span>").Append(score).Append("</span></label>");
        }

        page.Append("</div></fieldset>");

        page.Append("<div class=\"field\"><label class=\"block\" for=\"comment\">").Append(E(text.Comment)).Append("</label>");
        page.Append("<p class=\"hint\" id=\"comment-hint\">").Append(E(text.CommentHint)).Append("</p>");
        AppendError(page, form, SurveyForm.CommentField, "comment-error");
        page.Append("<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"").Append(SurveyForm.MaxCommentLength)
            .Append("\" aria-describedby=\"comment-hint\">").Append(E(form.Comment ?? "")).Append("</textarea></div>");

        page.Append("<div class=\"check\"><input type=\"checkbox\" id=\"callback\" name=\"callback\" value=\"true\"")
            .Append(form.Callback ? " checked" : "").Append("><label for=\"callback\">").Append(E(text.Callback)).Append("</label></div>");

        foreach (var question in options.Questions)
        {
            var field = SurveyForm.QuestionField(question.Id);
            var id = "q-" + question.Id;
            var label = Localised(question.Text, text.Language, question.Id) + " (" + text.Optional + ")";
            form.Answers.TryGetValue(question.Id, out var answer);
            if (question.Choices.Count == 0)
            {
                page.Append("<div class=\"field\"><label class=\"block\" for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>");
                AppendError(page, form, field, id + "-error");
                page.Append("<textarea id=\"").Append(id).Append("\" name=\"").Append(E(field)).Append("\" rows=\"2\" maxlength=\"")
                    .Append(SurveyForm.MaxAnswerLength).Append("\">").Append(E(answer ?? "")).Append("</textarea></div>");
            }
            else
            {
                page.Append("<fieldset><legend>").Append(E(label)).Append("</legend>");
                AppendError(page, form, field, id + "-error");
                for (var i = 0; i < question.Choices.Count; i++)
                {
                    var choice = question.Choices[i];
                    var choiceId = id + "-" + i.ToString(CultureInfo.InvariantCulture);
                    page.Append("<div class=\"check\"><input type=\"radio\" id=\"").Append(choiceId).Append("\" name=\"").Append(E(field))
                        .Append("\" value=\"").Append(E(choice.Value)).Append('"').Append(choice.Value == answer ? " checked" : "")
                        .Append("><label for=\"").Append(choiceId).Append("\">").Append(E(Localised(choice.Text, text.Language, choice.Value)))
                        .Append("</label></div>");
                }

                page.Append("</fieldset>");
            }
        }

        page.Append("<button type=\"submit\">").Append(E(text.Send)).Append("</button></form>");
        page.Append("<footer><a href=\"").Append(E(unsubscribe)).Append("\">").Append(E(text.UnsubscribeLink)).Append("</a></footer>");
        return End(page);
    }

    /// <summary>A page that only tells something (thanks, already answered, not found, expired, closed, unsubscribed).</summary>
    public static string Message(SurveyText text, string title, params string[] paragraphs)
    {
        var page = Start(text, title);
        foreach (var paragraph in paragraphs) page.Append("<p>").Append(E(paragraph)).Append("</p>");
        return End(page);
    }

    /// <summary>The unsubscribe confirmation: one button that posts the RFC 8058 body.</summary>
    public static string Unsubscribe(SurveyText text, string action)
    {
        var page = Start(text, text.UnsubscribeTitle);
        page.Append("<p>").Append(E(text.UnsubscribeAsk)).Append("</p>");
        page.Append("<form method=\"post\" action=\"").Append(E(action)).Append("\">");
        page.Append("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">");
        page.Append("<button type=\"submit\">").Append(E(text.UnsubscribeButton)).Append("</button></form>");
        return End(page);
    }

    private static void AppendError(StringBuilder page, SurveyForm form, string field, string id)
    {
        if (form.Errors.TryGetValue(field, out var error)) page.Append("<p class=\"error\" id=\"").Append(E(id)).Append("\">").Append(E(error)).Append("</p>");
    }

    private static StringBuilder Start(SurveyText text, string title) => new StringBuilder(8 * 1024)
        .Append("<!doctype html><html lang=\"").Append(text.Language).Append("\"><head><meta charset=\"utf-8\">")
        .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .Append("<meta name=\"robots\" content=\"noindex, nofollow\">")
        .Append("<title>").Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body><main>")
        .Append("<h1>").Append(E(title)).Append("</h1>");

    private static string End(StringBuilder page) => page.Append("</main></body></html>").ToString();

    /// <summary>The text in a language: that language, else English, else the first given, else the fallback.</summary>
    internal static string Localised(Dictionary<string, string> texts, string language, string fallback) =>
        texts.TryGetValue(language, out var text) && text.Length > 0 ? text
        : texts.TryGetValue("en", out var english) && english.Length > 0 ? english
        : texts.Values.FirstOrDefault(t => t.Length > 0) ?? fallback;

    private static string E(string value) => Html.Encode(value);
}
