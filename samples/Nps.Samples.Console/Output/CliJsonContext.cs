using Nps.Serialization;
using System.Text.Json.Serialization;
using Nps.Samples.Console.Commands;
using Nps.Samples.Console.Reporting;
using Nps.Samples.Console.Simulation;

namespace Nps.Samples.Console.Output;

/// <summary>Source-generated JSON for every document the tool writes: camelCase, indented, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(NpsReportDocument))]
[JsonSerializable(typeof(PlanDocument))]
[JsonSerializable(typeof(SimulationDocument))]
[JsonSerializable(typeof(InsightsDocument))]
[JsonSerializable(typeof(ThemesDocument))]
[JsonSerializable(typeof(FollowUpsDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
