using System.Text.Json.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// Source-generated JSON for what the API reads (request bodies) and what it stores of a response. Everything the
/// API writes as a result is a document of the one wire contract, written through <c>Nps.Serialization.NpsJson</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    AllowDuplicateProperties = false, // a repeated key is refused, not won by its last value
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TouchpointRequest))]
[JsonSerializable(typeof(ResponseRequest))]
[JsonSerializable(typeof(StoredResponse))]
[JsonSerializable(typeof(FollowUpStatusRequest))]
[JsonSerializable(typeof(InvitationBounceRequest))]
[JsonSerializable(typeof(InvitationBounceResult))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
