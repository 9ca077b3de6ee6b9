using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Tests.Sampling;

/// <summary>
/// A relational program with default options (the default epoch, a 365-day cycle, the default gap) launched on an
/// arbitrary date, with a daily "who is due?" run at 06:00 UTC. Day 0 sees every customer; later runs ask the
/// customers whose last suppression said they are due by then (asking the others would only repeat that
/// suppression). Shared by the core tests and the store contract suite.
/// </summary>
internal sealed class RelationalLaunch
{
    /// <summary>The launch (a Tuesday, long after the default epoch of 2024-01-01).</summary>
    public static readonly DateTimeOffset Launch = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private const string Key = "bnBzLWNvcmUtdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==";

    private readonly DateTimeOffset?[] _dueAt;

    public RelationalLaunch(int customers)
    {
        _dueAt = new DateTimeOffset?[customers];
        FirstInvitationDay = new int[customers];
        Array.Fill(FirstInvitationDay, -1);
    }

    /// <summary>The day (0 = launch day) of each customer's first invitation; -1 while none.</summary>
    public int[] FirstInvitationDay { get; }

    /// <summary>Options as a new program would have them: only a key and one policy inviting every relational event.</summary>
    public static SurveyProgramOptions DefaultOptions() => new()
    {
        SamplingKey = Key,
        Sampling = new() { Policies = [new SamplingPolicyOptions { Name = "relational", Rate = 1.0, Scope = new() { Kind = SurveyKind.Relational } }] },
    };

    public static string Customer(int i) => "C" + i.ToString("00000", CultureInfo.InvariantCulture);

    /// <summary>The daily runs of days <paramref name="from"/> to <paramref name="to"/> (inclusive) for customers [<paramref name="first"/>, <paramref name="end"/>).</summary>
    public async Task RunDaysAsync(SurveyProgram program, FakeTimeProvider clock, int from, int to, int first = 0, int? end = null)
    {
        for (var day = from; day <= to; day++)
        {
            clock.SetUtcNow(Launch.AddDays(day));
            var now = clock.GetUtcNow();
            for (var i = first; i < (end ?? _dueAt.Length); i++)
            {
                if (FirstInvitationDay[i] >= 0 || (_dueAt[i] is { } due && due > now)) continue;
                var decision = await program.DecideAsync(new TouchpointEvent
                {
                    CustomerId = Customer(i), EventId = $"relational-{day}", OccurredAt = now, Kind = SurveyKind.Relational,
                }, TestContext.Current.CancellationToken);
                if (decision is InviteDecision) FirstInvitationDay[i] = day;
                else _dueAt[i] = Assert.IsType<SuppressDecision>(decision).EligibleAgainAt;
            }
        }
    }

    /// <summary>
    /// The bounds a day's count of first invitations stays within when <paramref name="customers"/> first slots fall
    /// independently and uniformly into <paramref name="days"/> days (Binomial(n, 1/days) per day): the smallest
    /// high and largest low with days × P(X ≥ high) ≤ alpha and days × P(X ≤ low) ≤ alpha (a union bound over the
    /// days), so a correct spread breaks them with probability at most 2 × alpha.
    /// </summary>
    public static (int Low, int High) DailyBounds(int customers, int days, double alpha = 1e-3)
    {
        var p = 1.0 / days;
        var pmf = new double[customers + 1];
        var log = customers * Math.Log(1 - p);
        for (var k = 0; k <= customers; k++)
        {
            if (k > 0) log += Math.Log(customers - k + 1) - Math.Log(k) + Math.Log(p / (1 - p));
            pmf[k] = Math.Exp(log);
        }

        var low = -1;
        for (double below = 0; low < customers && days * (below + pmf[low + 1]) <= alpha; low++) below += pmf[low + 1];
        var high = customers + 1;
        for (double above = 0; high > 0 && days * (above + pmf[high - 1]) <= alpha; high--) above += pmf[high - 1];
        return (low, high);
    }

    /// <summary>
    /// Asserts that every customer in [<paramref name="first"/>, end), first seen on day <paramref name="seenDay"/>, was
    /// first invited on the day their first slot came (within the cycle after the sighting), and that no day of that
    /// cycle holds fewer or more first invitations than <see cref="DailyBounds"/> allows.
    /// </summary>
    public void AssertSpread(SurveyProgram program, int seenDay, int first = 0)
    {
        var seen = Launch.AddDays(seenDay);
        var perDay = new int[366];
        for (var i = first; i < _dueAt.Length; i++)
        {
            var slot = program.FirstRelationalSlot(Customer(i), seen);
            Assert.InRange(slot, seen, seen.AddDays(365).AddTicks(-1));
            Assert.Equal(seenDay + (int)Math.Ceiling((slot - seen).TotalDays), FirstInvitationDay[i]);
            perDay[FirstInvitationDay[i] - seenDay]++;
        }

        var (low, high) = DailyBounds(_dueAt.Length - first, 365);
        Assert.True(perDay[0] < high, $"the day of the sighting invited {perDay[0]} customers, the bound is {high}");
        for (var day = 1; day <= 365; day++)
        {
            Assert.True(perDay[day] > low && perDay[day] < high, $"day {day} invited {perDay[day]} customers, outside ({low}, {high})");
        }
    }
}
