using Nps.Delivery;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.InMemory;

namespace Nps.Tests.Hardening;

/// <summary>Options report <see cref="DataError"/>s naming the option's path and, for a refused number or duration, its value.</summary>
public sealed class OptionsDataErrorTests
{
    [Fact]
    public void ResponseIntakeOptionsErrors_NegativeCommentBytes_NamesOptionAndValue()
    {
        var errors = new ResponseIntakeOptions { MaxCommentBytes = -1 }.Errors();

        Assert.Equal([new DataError(0, "MaxCommentBytes", "must be at least 0 (it is -1).", "-1")], errors);
    }

    [Fact]
    public void ResponseIntake_InvalidOptions_ThrowsWithPathAndReason()
    {
        var ledger = new InMemoryContactLedger(TimeProvider.System);
        var e = Assert.Throws<NpsOptionsException>(() => new ResponseIntake(new InMemoryResponseStore(ledger, new InMemoryFollowUpStore()), ledger,
            options: new ResponseIntakeOptions { MaxFutureSkew = TimeSpan.FromHours(-1) }));

        Assert.Contains("MaxFutureSkew: must not be negative.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeliveryOptionsErrors_BadValues_NameOptionAndValue()
    {
        var errors = new DeliveryOptions { BatchSize = 0, RetryDelay = TimeSpan.Zero }.Errors(new OptionsPath("Nps:Delivery"));

        Assert.Equal(
        [
            new DataError(0, "Nps:Delivery:BatchSize", "must be from 1 to 10000 (it is 0).", "0"),
            new DataError(0, "Nps:Delivery:RetryDelay", "must be > 0 (it is 00:00:00).", "00:00:00"),
        ], errors);
    }

    [Fact]
    public void InvitationMessageOptionsErrors_RelativeAddress_NamesOption()
    {
        var errors = new InvitationMessageOptions { BaseUrl = new Uri("/s/", UriKind.Relative), OrganisationName = " " }.Errors();

        Assert.Equal(
        [
            new DataError(0, "BaseUrl", "must be an absolute http(s) address."),
            new DataError(0, "OrganisationName", "must not be empty."),
        ], errors);
    }
}
