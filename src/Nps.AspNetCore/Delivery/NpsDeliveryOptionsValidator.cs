using Nps.AspNetCore.Hosting;

namespace Nps.AspNetCore.Delivery;

/// <summary>
/// <see cref="NpsDeliveryOptions"/>' own check at <c>Nps:Delivery</c>, told whether the embedder registered a sender:
/// then the links' base address and the organisation's name are required even without an SMTP host.
/// </summary>
/// <param name="customSender">Whether the embedder registered their own <see cref="Nps.Delivery.IInvitationSender"/>.</param>
internal sealed class NpsDeliveryOptionsValidator(bool customSender) : EnvironmentOptionsValidator<NpsDeliveryOptions>(new OptionsPath(NpsDeliveryOptions.SectionName))
{
    protected override void Check(NpsDeliveryOptions options, OptionsPath path, List<DataError> errors) =>
        options.Validate(path, errors, sends: customSender || options.Smtp?.IsConfigured == true);
}
