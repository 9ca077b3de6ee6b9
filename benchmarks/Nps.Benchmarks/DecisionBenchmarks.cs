using BenchmarkDotNet.Attributes;
using Nps;
using Nps.Fatigue;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Benchmarks;

/// <summary>
/// Survey decisions per second against an in-memory contact ledger holding one million customers with a year of
/// history (4 invitations, 2 responses each), under a realistic rule set: three cooldowns, a frequency cap, the
/// shared contact budget and quiet hours in the customer's zone (half the customers in New York, where it is
/// 06:00: quiet). One operation is one decision.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private const int EventCount = 1 << 16;

    private SurveyProgram _program = null!;
    private TouchpointEvent[] _known = null!;
    private TouchpointEvent[] _unknown = null!;
    private int _next;

    /// <summary>Customers in the ledger; the smoke run sets a small number.</summary>
    public int Customers { get; set; } = 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        var now = new DateTimeOffset(2026, 6, 10, 10, 0, 0, TimeSpan.Zero);
        var clock = new FixedClock(now);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var ledger = new InMemoryContactLedger(clock, expectedCustomers: Customers);
        for (var i = 0; i < Customers; i++)
        {
            var id = CustomerId(i);
            var offset = i % 90; // spread the history so that about a third of customers are out of every cooldown
            for (var k = 0; k < 4; k++)
            {
                ledger.RecordAsync(id, ContactRecord.Create(ContactKind.Invitation, now.AddDays(-offset - (90 * k)))).AsTask().GetAwaiter().GetResult();
            }

            ledger.RecordAsync(id, ContactRecord.Create(ContactKind.Response, now.AddDays(-offset - 89))).AsTask().GetAwaiter().GetResult();
            ledger.RecordAsync(id, ContactRecord.Create(ContactKind.Response, now.AddDays(-offset - 179))).AsTask().GetAwaiter().GetResult();
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// ledger: {Customers:N0} customers, {(after - before) / (double)Customers:F0} bytes per customer (ids included)");

        var options = new SurveyProgramOptions
        {
            SamplingKey = Convert.ToBase64String("benchmark-sampling-key-0123456789"u8),
            Fatigue = new()
            {
                Cooldowns =
                [
                    new CooldownOptions { After = CooldownTrigger.Invitation, Days = 30 },
                    new CooldownOptions { After = CooldownTrigger.Response, Days = 60 },
                    new CooldownOptions { After = CooldownTrigger.NonResponse, Days = 45 },
                ],
                FrequencyCaps = [new FrequencyCapOptions { MaxInvitations = 4, WindowDays = 365 }],
                ContactBudget = new ContactBudgetOptions { MaxContacts = 6, WindowDays = 365, ReservedForRelational = 1 },
                QuietHours = new QuietHoursOptions(),
            },
            Sampling = new()
            {
                // Web events are never selected: the cheapest full decision (event rules, draw, ledger read).
                // Everything else is selected, so quiet hours run too; with the clock standing still, a customer
                // invited once stays in cooldown, which keeps the ledger from growing while the benchmark runs.
                Policies =
                [
                    new SamplingPolicyOptions { Name = "web", Rate = 0.0, Scope = new() { Channel = "web" } },
                    new SamplingPolicyOptions { Name = "all", Rate = 1.0 },
                ],
            },
        };
        _program = new SurveyProgram(options, ledger, clock);

        var random = new Random(42);
        _known = new TouchpointEvent[EventCount];
        _unknown = new TouchpointEvent[EventCount];
        for (var i = 0; i < EventCount; i++)
        {
            _known[i] = Event(CustomerId(random.Next(Customers)), i, now);
            _unknown[i] = Event("new-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i, now) with { Channel = "web" };
        }
    }

    [Benchmark(Baseline = true, Description = "decision, no history, not selected")]
    public SurveyDecision NewCustomer() => Decide(_unknown);

    [Benchmark(Description = "decision, a year of history, selected")]
    public SurveyDecision KnownCustomer() => Decide(_known);

    private SurveyDecision Decide(TouchpointEvent[] events)
    {
        var e = events[_next++ & (EventCount - 1)];
        var task = _program.DecideAsync(e);
        return task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
    }

    private static string CustomerId(int i) => "C" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private static TouchpointEvent Event(string customer, int i, DateTimeOffset at) => new()
    {
        CustomerId = customer,
        EventId = "E" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OccurredAt = at,
        Touchpoint = "support-call",
        Channel = i % 3 == 0 ? "phone" : "chat",
        TimeZoneId = i % 2 == 0 ? "Europe/Amsterdam" : "America/New_York",
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
