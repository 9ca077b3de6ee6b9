using System.Text.Json.Serialization;

namespace Nps.Serialization;

/// <summary>
/// The one source-generated JSON context of the wire contract. Its options are fixed here, never by a host:
/// <list type="bullet">
/// <item>camelCase names; every property written, nulls included (an empty cell's <c>nps</c> is <c>null</c>, never absent);</item>
/// <item>indented with two spaces and <c>\n</c> line ends on every operating system, so a file, a terminal and an
/// HTTP body are the same bytes;</item>
/// <item>numbers at full double precision (the shortest text that round-trips); the documents never hold NaN or
/// an infinity: where a value is undefined (an empty group's score) the document holds <c>null</c>, so the strict
/// number handling below never meets one;</item>
/// <item>enum-like values as lower-case kebab strings (<see cref="WireNames"/>), which the documents hold as strings.</item>
/// </list>
/// The text encoder (which characters are escaped) is set by <see cref="NpsJson"/>. Every document type is
/// listed once, below; a new document adds one line.
/// </summary>
[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false, // a repeated key is refused, not "the last one wins"
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    WriteIndented = true,
    IndentCharacter = ' ',
    IndentSize = 2,
    NewLine = "\n")]
[JsonSerializable(typeof(NpsReportDocument))]
[JsonSerializable(typeof(ResponseRatesDocument))]
[JsonSerializable(typeof(CoachingSignalsDocument))]
[JsonSerializable(typeof(ThemeAnalysisDocument))]
[JsonSerializable(typeof(FollowUpCaseDocument))]
[JsonSerializable(typeof(IReadOnlyList<FollowUpCaseDocument>))]
[JsonSerializable(typeof(FollowUpMetricsDocument))]
[JsonSerializable(typeof(FollowUpQueueDocument))]
[JsonSerializable(typeof(SurveyDecisionDocument))]
[JsonSerializable(typeof(SimulationDocument))]
[JsonSerializable(typeof(SampleSizePlanDocument))]
[JsonSerializable(typeof(HuddleBriefDocument))]
[JsonSerializable(typeof(AmbitionsDocument))]
[JsonSerializable(typeof(CustomerRecordDocument))]
[JsonSerializable(typeof(ResponseImportDocument))]
internal sealed partial class NpsJsonContext : JsonSerializerContext;
