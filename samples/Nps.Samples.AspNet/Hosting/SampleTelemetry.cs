using Npgsql;
using Nps.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Nps.Samples.AspNet.Hosting;

/// <summary>
/// OpenTelemetry for the sample: the <c>Nps</c> meter and activity source, ASP.NET Core's requests (health probes
/// left out of traces: they would drown everything else) and Npgsql's own commands and pool metrics. Exported over
/// OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard <c>OTEL_*</c> variables configure the rest);
/// without it nothing is exported and nothing is sent anywhere.
/// </summary>
public static class SampleTelemetry
{
    /// <summary>The service name in the exported resource, unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "nps-sample";

    /// <summary>Adds OpenTelemetry as described above.</summary>
    public static WebApplicationBuilder AddSampleTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(NpsTelemetry.Name).AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation())
            .WithTracing(tracing => tracing.AddSource(NpsTelemetry.Name).AddNpgsql()
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz")));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.UseOtlpExporter();
        return builder;
    }
}
