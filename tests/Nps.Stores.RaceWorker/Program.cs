using Nps;
using Nps.Fatigue;
using Nps.PostgreSql;
using Nps.Sampling;
using Nps.Touchpoints;

// Usage: Nps.Stores.RaceWorker <connection string> <customers> <events per customer> <quota> <forward|backward>
// Migrates the database, prints "ready", waits for a line on standard input (so two workers start together), then
// decides every (customer, event) with 32 in flight and prints one line per decision: customer, event, outcome.
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: Nps.Stores.RaceWorker <connection string> <customers> <events> <quota> <forward|backward>");
    return 2;
}

var customers = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var events = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var quota = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
await using var database = new PostgreSqlNpsDatabase(args[0]);
await database.MigrateAsync();
var options = new SurveyProgramOptions
{
    SamplingKey = "bnBzLWNvcmUtdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==",
    Sampling = new()
    {
        Epoch = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero),
        Policies = [new SamplingPolicyOptions { Name = "all", Rate = 1.0, Quota = new QuotaOptions { MaxInvitations = quota, PeriodDays = 7 } }],
    },
    Fatigue = new() { FrequencyCaps = [new FrequencyCapOptions { MaxInvitations = 1, WindowDays = 30 }] },
};
var now = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
var program = new SurveyProgram(options, new PostgreSqlDecisionStore(database), new FixedClock(now));

var work = Enumerable.Range(0, customers).SelectMany(c => Enumerable.Range(0, events).Select(e => (Customer: "C" + c, Event: "E" + e))).ToList();
if (args[4] == "backward") work.Reverse();
Console.WriteLine("ready");
if (Console.ReadLine() is null) return 3;

var lines = new string[work.Count];
await Parallel.ForAsync(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, cancellationToken) =>
{
    var (customer, eventId) = work[i];
    var decision = await program.DecideAsync(new TouchpointEvent
    {
        CustomerId = customer, EventId = eventId, OccurredAt = now, Touchpoint = "support-call", Channel = "phone",
    }, cancellationToken);
    lines[i] = $"{customer} {eventId} {decision.Outcome}";
});
foreach (var line in lines) Console.WriteLine(line);
return 0;

/// <summary>A clock that stands still, so both workers decide at the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
