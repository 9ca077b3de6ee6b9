using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Nps.AspNetCore.Delivery;

/// <summary>
/// Checks <see cref="NpsDeliveryOptions"/> when the host starts, each error naming its configuration key. The links'
/// base address and the organisation's name are needed only when something sends (an SMTP host, or a sender the
/// embedder registered).
/// </summary>
/// <param name="customSender">Whether the embedder registered their own <see cref="Nps.Delivery.IInvitationSender"/>.</param>
internal sealed class NpsDeliveryOptionsValidator(bool customSender) : IValidateOptions<NpsDeliveryOptions>
{
    private const string Section = NpsDeliveryOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, NpsDeliveryOptions options)
    {
        var errors = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero) errors.Add($"{Section}:PollInterval must be positive.");
        if (options.StuckAfter <= TimeSpan.Zero) errors.Add($"{Section}:StuckAfter must be positive.");
        errors.AddRange(options.ToDeliveryOptions().Errors(new OptionsPath(Section)).Select(e => e.Message));
        var smtp = options.Smtp ?? new NpsSmtpOptions();
        var smtpOn = !string.IsNullOrWhiteSpace(smtp.Host);
        if (smtpOn)
        {
            if (smtp.Port is < 1 or > 65535) errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:Smtp:Port must be between 1 and 65535; got {smtp.Port}."));
            if (string.IsNullOrWhiteSpace(smtp.From) || !MailboxAddress.TryParse(smtp.From, out _))
            {
                errors.Add($"{Section}:Smtp:From must be the sender's e-mail address (e.g. \"Acme <survey@acme.example>\"); got '{smtp.From}'.");
            }

            if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add($"{Section}:Smtp:UserName and {Section}:Smtp:Password must be set together.");
            }
        }

        if (smtpOn || customSender)
        {
            if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
            {
                errors.Add($"{Section}:BaseUrl must be the absolute http(s) address the survey links point to (e.g. https://survey.example.com/); got '{options.BaseUrl}'.");
            }
            else
            {
                errors.AddRange(options.ToMessageOptions().Errors(new OptionsPath(Section)).Select(e => e.Message));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
