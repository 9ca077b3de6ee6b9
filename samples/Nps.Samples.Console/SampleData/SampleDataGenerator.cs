using System.Globalization;
using System.Text;

namespace Nps.Samples.Console.SampleData;

/// <summary>
/// Writes the bundled synthetic data set: a year of survey responses and one month of touchpoint events.
/// The data is seeded, so the same seed always produces byte-identical files.
/// </summary>
/// <remarks>
/// Built-in effects that reports and insights should find:
/// team <c>Onboarding</c> starts on 2025-02-03 and its score falls after its first three months;
/// agent <c>S03</c> (Sales) has inflated 10s, almost no detractors and many manual sends;
/// channels are sampled at different rates (phone 20 %, chat and shop 50 %, e-mail 100 %, relational 5 %),
/// so weighted and unweighted scores differ.
/// </remarks>
public sealed class SampleDataGenerator
{
    /// <summary>The file name of the responses data set.</summary>
    public const string ResponsesFileName = "responses.csv";

    /// <summary>The file name of the contact log (touchpoint events).</summary>
    public const string ContactsFileName = "contacts.csv";

    /// <summary>The file name of the small JSON Lines extract used by tests.</summary>
    public const string ResponsesJsonLinesFileName = "responses-sample.jsonl";

    private static readonly DateOnly FirstDay = new(2025, 1, 1);
    private static readonly DateOnly LastDay = new(2025, 12, 31);
    private static readonly DateOnly OnboardingLaunch = new(2025, 2, 3);
    private static readonly DateOnly ContactLogFirstDay = new(2025, 12, 1);

    private readonly Random random;
    private readonly TimeZoneInfo amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>Creates a generator for one seed.</summary>
    public SampleDataGenerator(int seed) => random = new Random(seed);

    private sealed record Team(string Name, string[] Agents, string[] Touchpoints, (string Channel, int Weight)[] Channels, int Weight);

    private static readonly Team[] Teams =
    [
        new("Billing", ["B01", "B02", "B03", "B04"], ["invoice-question", "payment-arrangement"], [("phone", 5), ("chat", 3), ("email", 2)], 30),
        new("Technical Support", ["T01", "T02", "T03", "T04", "T05"], ["outage", "installation", "device-setup"], [("phone", 6), ("chat", 4)], 35),
        new("Sales", ["S01", "S02", "S03", "S04"], ["new-contract", "upgrade"], [("shop", 5), ("phone", 3), ("chat", 2)], 20),
        new("Onboarding", ["O01", "O02", "O03"], ["welcome-call", "first-invoice"], [("phone", 7), ("email", 3)], 15),
    ];

    private static readonly (string Product, int Weight)[] Products = [("internet", 4), ("mobile", 4), ("tv", 2), ("energy", 2)];

    private static double InclusionProbability(string channel) => channel switch
    {
        "phone" => 0.2,
        "chat" => 0.5,
        "shop" => 0.5,
        "email" => 1.0,
        _ => 0.05,
    };

    /// <summary>Writes all files into <paramref name="directory"/> and returns the paths written.</summary>
    public IReadOnlyList<string> WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var responses = GenerateResponses();
        var responsesPath = Path.Combine(directory, ResponsesFileName);
        WriteResponsesCsv(responsesPath, responses);
        var jsonLinesPath = Path.Combine(directory, ResponsesJsonLinesFileName);
        WriteResponsesJsonLines(jsonLinesPath, responses.Where(r => r.Comment is not null).Take(12).Concat(responses.Where(r => r.Manual).Take(3)).OrderBy(r => r.Id, StringComparer.Ordinal));
        var contactsPath = Path.Combine(directory, ContactsFileName);
        WriteContactsCsv(contactsPath, GenerateContacts());
        return [responsesPath, contactsPath, jsonLinesPath];
    }

    private sealed record Response(
        string Id, DateTimeOffset RespondedAt, int Rating, string Team, string Agent, string Channel, string Product,
        string Touchpoint, string SurveyKind, string? Comment, bool CallbackRequested, bool Manual, double InclusionProbability);

    private List<Response> GenerateResponses()
    {
        var drafts = new List<Response>();
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            var perDay = day.DayOfWeek switch
            {
                DayOfWeek.Sunday => 6,
                DayOfWeek.Saturday => 12,
                _ => 22,
            };
            var count = perDay + random.Next(-4, 5);
            for (var i = 0; i < count; i++)
            {
                drafts.Add(random.NextDouble() < 0.06 ? RelationalResponse(day) : TransactionalResponse(day));
            }
        }

        drafts.Sort((a, b) => a.RespondedAt.CompareTo(b.RespondedAt));
        return drafts.Select((r, i) => r with { Id = string.Create(CultureInfo.InvariantCulture, $"R{i + 1:D6}") }).ToList();
    }

    private Response TransactionalResponse(DateOnly day)
    {
        var team = Pick(Teams.Select(t => (t, t.Weight)).ToArray());
        if (team.Name == "Onboarding" && day < OnboardingLaunch)
        {
            team = Teams[0];
        }

        var agent = team.Agents[random.Next(team.Agents.Length)];
        var channel = Pick(team.Channels);
        var manual = agent == "S03" ? random.NextDouble() < 0.4 : random.NextDouble() < 0.01;
        var (promoterShare, detractorShare) = CategoryShares(team.Name, agent, channel, day);
        var rating = Rating(promoterShare, detractorShare, tenShare: agent == "S03" ? 0.92 : 0.5);
        return Finish(day, rating, team.Name, agent, channel, Pick(Products), team.Touchpoints[random.Next(team.Touchpoints.Length)], "transactional", manual);
    }

    private Response RelationalResponse(DateOnly day)
    {
        var rating = Rating(0.38, 0.24, tenShare: 0.45);
        return Finish(day, rating, "Account Management", "", "email", Pick(Products), "relational-survey", "relational", manual: false);
    }

    private Response Finish(DateOnly day, int rating, string team, string agent, string channel, string product, string touchpoint, string kind, bool manual)
    {
        var local = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(0, 13 * 60));
        var offset = amsterdam.GetUtcOffset(local);
        var respondedAt = new DateTimeOffset(local, offset);
        var comment = random.NextDouble() < 0.45 ? Comments.For(rating, random) : null;
        var callbackChance = rating <= 6 ? 0.35 : rating <= 8 ? 0.06 : 0.02;
        var probability = manual ? 1.0 : InclusionProbability(kind == "relational" ? "relational" : channel);
        return new Response("", respondedAt, rating, team, agent, channel, product, touchpoint, kind, comment, random.NextDouble() < callbackChance, manual, probability);
    }

    private static (double Promoters, double Detractors) CategoryShares(string team, string agent, string channel, DateOnly day)
    {
        var (promoters, detractors) = team switch
        {
            "Billing" => (0.40, 0.28),
            "Technical Support" => (0.45, 0.25),
            "Sales" => (0.50, 0.18),
            // The honeymoon effect: a strong start for three months after launch, then a lasting fall.
            "Onboarding" => day < OnboardingLaunch.AddMonths(3) ? (0.62, 0.10) : (0.32, 0.34),
            _ => (0.40, 0.25),
        };
        if (agent == "S03")
        {
            return (0.93, 0.02);
        }

        // Phone calls score a little worse than the shop, which is what makes weighting visible.
        return channel switch
        {
            "phone" => (promoters - 0.05, detractors + 0.05),
            "shop" => (promoters + 0.05, detractors - 0.05),
            _ => (promoters, detractors),
        };
    }

    private int Rating(double promoterShare, double detractorShare, double tenShare)
    {
        var u = random.NextDouble();
        if (u < promoterShare)
        {
            return random.NextDouble() < tenShare ? 10 : 9;
        }

        if (u < promoterShare + detractorShare)
        {
            // Detractors lean towards 5 and 6; zeros are rare but real.
            int[] detractorRatings = [0, 1, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 6, 6];
            return detractorRatings[random.Next(detractorRatings.Length)];
        }

        return random.NextDouble() < 0.45 ? 7 : 8;
    }

    private T Pick<T>((T Item, int Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var roll = random.Next(total);
        foreach (var (item, weight) in choices)
        {
            if (roll < weight)
            {
                return item;
            }

            roll -= weight;
        }

        return choices[^1].Item;
    }

    private sealed record Contact(
        string CustomerId, string EventId, DateTimeOffset OccurredAt, string SurveyKind, string Touchpoint, string Channel,
        string Team, string Agent, bool? FollowUp, bool? ComplaintOpen, string? TimeZone);

    private List<Contact> GenerateContacts()
    {
        // A month of touchpoints from 1,500 customers, so repeat contacts exercise the cooldown and cap rules.
        var contacts = new List<Contact>();
        var lastDay = ContactLogFirstDay.AddMonths(1).AddDays(-1);
        for (var day = ContactLogFirstDay; day <= lastDay; day = day.AddDays(1))
        {
            var count = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 50 : 130;
            for (var i = 0; i < count; i++)
            {
                var customer = string.Create(CultureInfo.InvariantCulture, $"C{random.Next(1, 1501):D5}");
                var relational = random.NextDouble() < 0.05;
                var team = relational ? null : Pick(Teams.Select(t => (t, t.Weight)).ToArray());
                var local = day.ToDateTime(new TimeOnly(7, 0)).AddMinutes(random.Next(0, 15 * 60));
                var timeZone = random.NextDouble() switch
                {
                    < 0.85 => "Europe/Amsterdam",
                    < 0.95 => "Europe/Brussels",
                    < 0.98 => "America/Curacao",
                    _ => null,
                };
                var occurredAt = new DateTimeOffset(local, amsterdam.GetUtcOffset(local));
                contacts.Add(new Contact(
                    customer,
                    "",
                    occurredAt,
                    relational ? "relational" : "transactional",
                    relational ? "relational-cycle" : team!.Touchpoints[random.Next(team.Touchpoints.Length)],
                    relational ? "email" : Pick(team!.Channels),
                    relational ? "" : team!.Name,
                    relational ? "" : team!.Agents[random.Next(team.Agents.Length)],
                    random.NextDouble() < 0.03 ? true : null,
                    random.NextDouble() < 0.02 ? true : random.NextDouble() < 0.5 ? false : null,
                    timeZone));
            }
        }

        contacts.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        return contacts.Select((c, i) => c with { EventId = string.Create(CultureInfo.InvariantCulture, $"E{i + 1:D6}") }).ToList();
    }

    private static void WriteResponsesCsv(string path, IEnumerable<Response> responses)
    {
        using var writer = NewWriter(path);
        writer.Write("response_id,responded_at,rating,team,agent,channel,product,touchpoint,survey_kind,comment,callback_requested,manual,inclusion_probability\n");
        foreach (var r in responses)
        {
            writer.Write(string.Join(',',
                r.Id, Iso(r.RespondedAt), r.Rating.ToString(CultureInfo.InvariantCulture), Csv(r.Team), Csv(r.Agent), r.Channel, r.Product,
                r.Touchpoint, r.SurveyKind, Csv(r.Comment ?? ""), Bool(r.CallbackRequested), Bool(r.Manual),
                r.InclusionProbability.ToString(CultureInfo.InvariantCulture)));
            writer.Write('\n');
        }
    }

    private static void WriteResponsesJsonLines(string path, IEnumerable<Response> responses)
    {
        using var writer = NewWriter(path);
        foreach (var r in responses)
        {
            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"{{\"response_id\":{Json(r.Id)},\"responded_at\":{Json(Iso(r.RespondedAt))},\"rating\":{r.Rating},");
            line.Append(CultureInfo.InvariantCulture, $"\"team\":{Json(r.Team)},\"agent\":{Json(r.Agent)},\"channel\":{Json(r.Channel)},\"product\":{Json(r.Product)},");
            line.Append(CultureInfo.InvariantCulture, $"\"touchpoint\":{Json(r.Touchpoint)},\"survey_kind\":{Json(r.SurveyKind)},\"comment\":{(r.Comment is null ? "null" : Json(r.Comment))},");
            line.Append(CultureInfo.InvariantCulture, $"\"callback_requested\":{Bool(r.CallbackRequested)},\"manual\":{Bool(r.Manual)},\"inclusion_probability\":{r.InclusionProbability.ToString(CultureInfo.InvariantCulture)}}}");
            writer.Write(line.ToString());
            writer.Write('\n');
        }
    }

    private static void WriteContactsCsv(string path, IEnumerable<Contact> contacts)
    {
        using var writer = NewWriter(path);
        writer.Write("customer_id,event_id,occurred_at,survey_kind,touchpoint,channel,team,agent,followup,complaint_open,time_zone\n");
        foreach (var c in contacts)
        {
            writer.Write(string.Join(',',
                c.CustomerId, c.EventId, Iso(c.OccurredAt), c.SurveyKind, c.Touchpoint, c.Channel, Csv(c.Team), Csv(c.Agent),
                c.FollowUp is { } f ? Bool(f) : "", c.ComplaintOpen is { } o ? Bool(o) : "", c.TimeZone ?? ""));
            writer.Write('\n');
        }
    }

    private static StreamWriter NewWriter(string path) => new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static readonly SampleDataJsonContext JsonContext = new(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value, JsonContext.String);

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
