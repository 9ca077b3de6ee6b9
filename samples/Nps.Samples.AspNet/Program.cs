using Microsoft.Extensions.Options;
using Nps;
using Nps.AspNetCore;
using Nps.AspNetCore.Delivery;
using Nps.AspNetCore.Hosting;
using Nps.AspNetCore.Security;
using Nps.AspNetCore.Survey;
using Nps.Samples.AspNet;
using Nps.Samples.AspNet.Hosting;

var builder = WebApplication.CreateBuilder(args);

// Hosting: loopback unless --urls/ASPNETCORE_URLS say otherwise; AllowedHosts (appsettings.json) filters Host
// headers; Kestrel's body limits; API keys, JWT bearer tokens beside them when Authentication:Jwt is set, and role
// policies; the rate limiter; problem+json for every failure; the report caches and health checks (AddNpsWeb).
builder.UseLoopbackUnlessConfigured().AddNpsRequestLimits();
builder.AddSampleTelemetry(); // OpenTelemetry: the Nps meter and source, ASP.NET Core, Npgsql; OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
builder.Services.AddNpsApiKeys(builder.Configuration);
builder.Services.AddNpsRateLimiting(builder.Configuration);
builder.Services.AddNpsWeb();
builder.Services.AddSingleton<IValidateOptions<NpsOptions>, SampleKeyGuard>();

// The stores (Nps:Store: sqlite by default, file from ConnectionStrings:Nps), registered before AddNps, which
// adds in-memory stores only when none is registered.
builder.Services.AddNpsStore(builder.Configuration);
builder.Services.AddNps(builder.Configuration.GetSection("Nps"));
builder.Services.AddNpsOpenApi();

// The outbox (Nps:Delivery): sends the survey e-mails through Nps:Delivery:Smtp, and does nothing while no Host is set.
// In Development every customer is {customerId}@example.test; a real host registers its own IRecipientDirectory.
builder.Services.AddNpsDelivery(builder.Configuration);
if (builder.Environment.IsDevelopment()) builder.Services.AddSingleton<Nps.Delivery.IRecipientDirectory, DevelopmentRecipientDirectory>(); // /openapi/v1.json: API-key and bearer schemes, 401/403/429 on every guarded route

var app = builder.Build();
_ = app.Services.GetRequiredService<Nps.AspNetCore.Api.ReportRevalidation>(); // a bad ReportCache:MaxBytes stops the start
// The stores are opened (schema created or migrated, retried with backoff while the database is unreachable) and
// Nps:SeedFile (Development: samples/data/responses.csv) is loaded in the background once the host listens
// (AddNpsWeb's NpsStartup): /healthz/live answers at once, /healthz/ready says when both are done.

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseRateLimiter(); // after authentication, so the limit is per key holder
app.UseAuthorization();

app.MapNpsHealthChecks(); // /healthz/live, /healthz/ready (the store answers), /healthz: anonymous, never rate-limited
app.MapNpsDashboard(); // the page holds no data and is public; every API call it makes sends the analyst key
app.MapNpsSurvey(); // /s/{token}: the response page and unsubscribe, anonymous (the token is the credential), limited per token and address
app.MapNpsApi(); // every route in the group of the role it needs; the fallback policy refuses anything else without a key
app.MapOpenApi().RequireAuthorization(NpsRoles.Analyst); // /openapi/v1.json
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
