using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nps.Fatigue;
using Nps.Sampling;
using Nps.Tests.Sampling;

namespace Nps.Tests.Fatigue;

/// <summary>Laws that hold for every event stream: no cap exceeded, no cooldown broken.</summary>
public sealed class FatiguePropertyTests
{
    private static SurveyProgramOptions Rules() => TestProgram.InviteAll(o => o with
    {
        Sampling = o.Sampling with
        {
            Policies = [o.Sampling.Policies[0] with { Rate = 0.7 }],
            RelationalCadence = o.Sampling.RelationalCadence with { CycleDays = 120 },
        },
        Fatigue = o.Fatigue with
        {
            Cooldowns =
            [
                .. o.Fatigue.Cooldowns,
                new CooldownOptions { After = CooldownTrigger.Invitation, Days = 7 },
                new CooldownOptions { After = CooldownTrigger.Response, Days = 30 },
                new CooldownOptions { After = CooldownTrigger.FollowUp, Days = 14 },
            ],
            FrequencyCaps = [.. o.Fatigue.FrequencyCaps, new FrequencyCapOptions { MaxInvitations = 3, WindowDays = 90 }],
            ContactBudget = new ContactBudgetOptions { MaxContacts = 4, WindowDays = 365, ReservedForRelational = 1, ReservedForTransactional = 1 },
        },
    });

    /// <summary>One step of a random stream: wait some hours, then something happens to one of three customers.</summary>
    public readonly record struct Step(byte Hours, byte Action, byte Customer);

    private static Arbitrary<Step[]> Streams() =>
        Gen.Choose(0, 255).SelectMany(h => Gen.Choose(0, 5).SelectMany(a => Gen.Choose(0, 2).Select(c => new Step((byte)h, (byte)a, (byte)c))))
            .ArrayOf().ToArbitrary();

    [Property(MaxTest = 60)]
    public Property RandomStreams_NeverBreakACapOrCooldown() => Prop.ForAll(Streams(), steps =>
    {
        var t = new TestProgram(Rules());
        var invitations = new Dictionary<string, List<(DateTimeOffset At, SurveyKind Kind)>>();
        var responses = new Dictionary<string, List<DateTimeOffset>>();
        var followUps = new Dictionary<string, List<DateTimeOffset>>();
        var n = 0;
        foreach (var step in steps)
        {
            t.Clock.Advance(TimeSpan.FromHours(step.Hours * 3));
            var customer = "C" + step.Customer;
            var now = t.Clock.GetUtcNow();
            switch (step.Action)
            {
                case 0 or 1 or 2 or 3:
                    var kind = step.Action == 3 ? SurveyKind.Relational : SurveyKind.Transactional;
                    var decision = t.Decide(TestProgram.Event(customer, "E" + n++, kind));
                    if (decision is InviteDecision invite) Add(invitations, customer, (invite.SendAt, kind));
                    break;
                case 4:
                    if (invitations.ContainsKey(customer)) { t.Record(customer, ContactKind.Response); Add(responses, customer, now); }
                    break;
                default:
                    t.Record(customer, ContactKind.FollowUp);
                    Add(followUps, customer, now);
                    break;
            }
        }

        foreach (var (customer, sent) in invitations)
        {
            for (var i = 1; i < sent.Count; i++)
            {
                if (sent[i].At - sent[i - 1].At < TimeSpan.FromDays(7)) return false;
            }

            foreach (var (at, _) in sent)
            {
                if (responses.GetValueOrDefault(customer, []).Exists(r => r < at && at < r.AddDays(30))) return false;
                if (followUps.GetValueOrDefault(customer, []).Exists(f => f < at && at < f.AddDays(14))) return false;
                var in90 = sent.Count(s => s.At > at.AddDays(-90) && s.At <= at);
                var in365 = sent.Where(s => s.At > at.AddDays(-365) && s.At <= at).ToList();
                if (in90 > 3 || in365.Count > 4) return false;
                if (in365.Count(s => s.Kind == SurveyKind.Transactional) > 3 || in365.Count(s => s.Kind == SurveyKind.Relational) > 3) return false;
            }

            var relational = sent.Where(s => s.Kind == SurveyKind.Relational).Select(s => t.Program.RelationalSlot(customer, s.At)).ToList();
            if (relational.Distinct().Count() != relational.Count) return false; // at most one per cycle
        }

        return true;
    });

    [Property(MaxTest = 40)]
    public Property SameKeyAndInput_GiveSameDecisions() => Prop.ForAll(Streams(), steps =>
    {
        var a = new TestProgram(Rules());
        var b = new TestProgram(Rules());
        var n = 0;
        foreach (var step in steps)
        {
            a.Clock.Advance(TimeSpan.FromHours(step.Hours));
            b.Clock.Advance(TimeSpan.FromHours(step.Hours));
            var e = TestProgram.Event("C" + step.Customer, "E" + n++, step.Action == 3 ? SurveyKind.Relational : SurveyKind.Transactional);
            var left = System.Text.Json.JsonSerializer.Serialize(a.Decide(e), SamplingJsonContext.Default.SurveyDecision);
            var right = System.Text.Json.JsonSerializer.Serialize(b.Decide(e), SamplingJsonContext.Default.SurveyDecision);
            if (left != right) return false;
        }

        return true;
    });

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
