using Nps.Serialization;
using System.Text.Json.Serialization;

namespace Nps.Samples.AspNet.Api;

/// <summary>Source-generated JSON for the API's own types: camelCase, enums as strings (extra request fields: see each request type).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TouchpointRequest))]
[JsonSerializable(typeof(ResponseRequest))]
[JsonSerializable(typeof(StoredResponse))]
[JsonSerializable(typeof(NpsReportDocument))]
[JsonSerializable(typeof(CoachingDocument))]
[JsonSerializable(typeof(FollowUpStatusRequest))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
