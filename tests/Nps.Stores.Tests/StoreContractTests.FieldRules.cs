using Nps.FollowUp;
using Nps.Intake;

namespace Nps.Stores.Tests;

/// <summary>The field rules and the stored precision of the intake: the same on every store.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Intake_RetryOfTimeWithSevenFractionDigits_AlreadyStoredAndEchoesTheStoredTime()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);
        var at = DateTimeOffset.Parse("2026-03-02T10:00:00.1234567+01:00", System.Globalization.CultureInfo.InvariantCulture);
        var response = Response("F1", rating: 9) with { RespondedAt = at };

        var first = await intake.SubmitAsync(response, Cancel);
        Clock.Advance(TimeSpan.FromTicks(3)); // a receive time below a microsecond, too
        var retry = await intake.SubmitAsync(response, Cancel);
        var reopened = await (await OpenAsync()).Responses.FindAsync("F1", Cancel);

        Assert.Equal(ResponseIntakeOutcome.Created, first.Outcome);
        Assert.Equal(ResponseIntakeOutcome.AlreadyStored, retry.Outcome);
        var stored = at.AddTicks(-7);
        Assert.Equal((stored, stored.Offset), (first.Stored!.Response.RespondedAt, first.Stored.Response.RespondedAt.Offset));
        Assert.Equal((stored, stored.Offset), (reopened!.Response.RespondedAt, reopened.Response.RespondedAt.Offset));
        Assert.Equal(first.Stored.ReceivedAt, reopened.ReceivedAt);
    }

    [Fact]
    public async Task Intake_NulControlCharactersAndLongFields_InvalidNamingTheFieldAndNothingStored()
    {
        var stores = await OpenAsync();
        var intake = Intake(stores);
        var cases = new (SurveyResponse Response, string Field)[]
        {
            (Response("R\0", 9), "responseId"),
            (Response("R\n1", 9), "responseId"),
            (Response(new string('x', 257), 9), "responseId"),
            (Response("R1", 9, customer: new string('é', 129)), "respondentId"),
            (Response("R1", 9) with { EventId = "E\u0001" }, "eventId"),
            (Response("R1", 9) with { InvitationId = new string('i', 300_000) }, "invitationId"),
            (Response("R1", 9) with { Comment = "goed\0" }, "comment"),
            (Response("R1", 9) with { Comment = new string('c', 8 * 1024 + 1) }, "comment"),
            (Response("R1", 9) with { Team = "sup\0port" }, "team"),
            (Response("R1", 9) with { Agent = new string('a', 1025) }, "agent"),
            (Response("R1", 9) with { Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "no\0rth" } }, "attributes.region"),
            (Response("R1", 9) with { Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["re\0gion"] = "north" } }, "attributes"),
        };

        foreach (var (response, field) in cases)
        {
            var result = await intake.SubmitAsync(response, Cancel);
            Assert.Equal(ResponseIntakeOutcome.Invalid, result.Outcome);
            Assert.Equal(field, Assert.Single(result.Errors).Field);
        }

        Assert.Equal("contains U+0000 at position 4; text must not.", (await intake.SubmitAsync(Response("R1", 9) with { Comment = "goed\0" }, Cancel)).Errors[0].Reason);
        Assert.Equal("is 257 bytes of UTF-8; at most 256 are accepted.", (await intake.SubmitAsync(Response(new string('x', 257), 9), Cancel)).Errors[0].Reason);
        Assert.Empty((await stores.Responses.ListAsync(100, null, Cancel)).Items);

        // At the limits everything is stored and reads back.
        var longest = new string('x', 256);
        var edge = await intake.SubmitAsync(Response(longest, 9, customer: new string('é', 128)) with
        {
            Comment = new string('c', 8 * 1024), Agent = new string('a', 1024)
        }, Cancel);
        Assert.Equal(ResponseIntakeOutcome.Created, edge.Outcome);
        Assert.Equal(8 * 1024, (await (await OpenAsync()).Responses.FindAsync(longest, Cancel))!.Response.Comment!.Length);
    }

    [Fact]
    public async Task Intake_CommentWithPersonalData_StoredMaskedUnlessOriginalsKept()
    {
        var stores = await OpenAsync();
        const string Comment = "Bel me terug op 06-12345678 of mail jan.jansen@example.nl, de wachttijd was te lang.";
        var masking = Intake(stores);
        var keeping = new ResponseIntake(stores.Responses, stores.Ledger, new FollowUpPolicy(), Clock, new ResponseIntakeOptions { KeepOriginalComments = true });

        var masked = await masking.SubmitAsync(Response("R1", 9) with { Comment = Comment }, Cancel);
        var retry = await masking.SubmitAsync(Response("R1", 9) with { Comment = Comment }, Cancel);
        var kept = await keeping.SubmitAsync(Response("R2", 9) with { Comment = Comment }, Cancel);

        Assert.Equal("Bel me terug op [phone] of mail [e-mail], de wachttijd was te lang.", (await stores.Responses.FindAsync("R1", Cancel))!.Response.Comment);
        Assert.Equal(masked.Stored!.Response.Comment, (await stores.Responses.FindAsync("R1", Cancel))!.Response.Comment);
        Assert.Equal(ResponseIntakeOutcome.AlreadyStored, retry.Outcome);
        Assert.Equal(Comment, (await stores.Responses.FindAsync("R2", Cancel))!.Response.Comment);
        Assert.Equal(ResponseIntakeOutcome.Created, kept.Outcome);
    }
}
