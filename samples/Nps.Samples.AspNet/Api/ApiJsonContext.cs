using System.Text.Json.Serialization;

namespace Nps.Samples.AspNet.Api;

/// <summary>Source-generated JSON for the API's own types: camelCase, enums as strings, unknown request fields rejected.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TouchpointRequest))]
[JsonSerializable(typeof(ResponseRequest))]
[JsonSerializable(typeof(StoredResponse))]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(CoachingDocument))]
[JsonSerializable(typeof(FollowUpStatusRequest))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
