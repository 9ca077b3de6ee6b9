using Nps.Delivery;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;

namespace Nps.Tests.Hardening;

/// <summary>Options checked by a <c>Validate()</c> report <see cref="DataError"/>s naming the option and the refused value.</summary>
public sealed class OptionsDataErrorTests
{
    [Fact]
    public void ResponseIntakeOptionsValidate_BadProbability_NamesOptionAndValue()
    {
        var errors = new ResponseIntakeOptions { MinimumInclusionProbability = 1.5, MaxCommentBytes = -1 }.Validate();

        Assert.Equal(
        [
            new DataError(0, "MaxCommentBytes", "must not be negative; got -1.", "-1"),
            new DataError(0, "MinimumInclusionProbability", "must be in (0, 1]; got 1.5.", "1.5"),
        ], errors);
    }

    [Fact]
    public void ResponseIntake_InvalidOptions_ThrowsWithPathAndReason()
    {
        var ledger = new InMemoryContactLedger(TimeProvider.System);
        var e = Assert.Throws<ArgumentException>(() => new ResponseIntake(new InMemoryResponseStore(ledger, new InMemoryFollowUpStore()), ledger,
            options: new ResponseIntakeOptions { MaxFutureSkew = TimeSpan.FromHours(-1) }));

        Assert.StartsWith("MaxFutureSkew: must not be negative.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeliveryOptionsValidate_BadValues_NameOptionAndValue()
    {
        var errors = new DeliveryOptions { BatchSize = 0, RetryDelay = TimeSpan.Zero }.Validate();

        Assert.Equal(
        [
            new DataError(0, "BatchSize", "must be between 1 and 10000; got 0.", "0"),
            new DataError(0, "RetryDelay", "must be positive.", "00:00:00"),
        ], errors);
    }

    [Fact]
    public void InvitationMessageOptionsValidate_RelativeAddress_NamesOptionAndValue()
    {
        var errors = new InvitationMessageOptions { BaseUrl = new Uri("/s/", UriKind.Relative), OrganisationName = " " }.Validate();

        Assert.Equal(
        [
            new DataError(0, "BaseUrl", "must be an absolute http(s) address.", "/s/"),
            new DataError(0, "OrganisationName", "must not be empty."),
        ], errors);
    }
}
