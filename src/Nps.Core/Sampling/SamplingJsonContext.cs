using System.Text.Json.Serialization;
using Nps.Touchpoints;

namespace Nps.Sampling;

/// <summary>
/// System.Text.Json source-generated metadata for decisions, events and program options (camelCase, enums as
/// strings; trimming- and AOT-safe). Decisions carry an <c>outcome</c> discriminator.
/// Internal: hosts write the documents of <see cref="Nps.Serialization.NpsJson"/> (one contract, kebab-case
/// values); this context serves the library's own reading and round-trip tests.
/// </summary>
[JsonSourceGenerationOptions(
    AllowDuplicateProperties = false, // a repeated key is refused, not "the last one wins"
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SurveyDecision))]
[JsonSerializable(typeof(InviteDecision))]
[JsonSerializable(typeof(SuppressDecision))]
[JsonSerializable(typeof(DeferDecision))]
[JsonSerializable(typeof(IReadOnlyList<SurveyDecision>))]
[JsonSerializable(typeof(TouchpointEvent))]
[JsonSerializable(typeof(SurveyProgramOptions))]
internal sealed partial class SamplingJsonContext : JsonSerializerContext;
