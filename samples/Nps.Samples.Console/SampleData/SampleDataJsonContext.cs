using System.Text.Json.Serialization;

namespace Nps.Samples.Console.SampleData;

/// <summary>Source-generated JSON metadata for the sample data writer (no reflection, AOT-safe).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class SampleDataJsonContext : JsonSerializerContext;
