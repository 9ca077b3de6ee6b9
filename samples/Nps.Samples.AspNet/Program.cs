using Microsoft.Extensions.Options;
using Nps;
using Nps.Samples.AspNet;
using Nps.Samples.AspNet.Api;
using Nps.Samples.AspNet.Hosting;
using Nps.Samples.AspNet.Security;

var builder = WebApplication.CreateBuilder(args);

// Hosting: loopback unless --urls/ASPNETCORE_URLS say otherwise; AllowedHosts (appsettings.json) filters Host
// headers; Kestrel's body limits; API keys, JWT bearer tokens beside them when Authentication:Jwt is set, and role
// policies; the rate limiter; problem+json for every failure.
builder.UseLoopbackUnlessConfigured().AddNpsRequestLimits();
builder.Services.AddNpsAuthentication(builder.Configuration);
builder.Services.AddNpsRateLimiting(builder.Configuration);
builder.Services.AddNpsProblemResponses();
builder.Services.AddHealthChecks();
builder.Services.AddSingleton<ReportBodyCache>(); // the report route's bodies, reused while the store's counts are unchanged
builder.Services.AddSingleton<IValidateOptions<NpsOptions>, SampleKeyGuard>();

// The stores (Nps:Store: sqlite by default, file from ConnectionStrings:Nps), registered before AddNps, which
// adds in-memory stores only when none is registered.
builder.Services.AddNpsStore(builder.Configuration);
builder.Services.AddNps(builder.Configuration.GetSection("Nps"));
builder.Services.AddSingleton<ReportRevalidation>(); // ETags and 304s for the report routes, with a bounded cache of bodies
builder.Services.AddOpenApi();

var app = builder.Build();
_ = app.Services.GetRequiredService<Nps.Sampling.SurveyProgram>(); // opens the stores (schema created or migrated) at start
_ = app.Services.GetRequiredService<ReportRevalidation>(); // a bad ReportCache:MaxBytes stops the start
await app.SeedNpsResponsesAsync(); // Nps:SeedFile (Development: samples/data/responses.csv), through the intake, idempotent

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNpsDashboard(); // wwwroot: the page holds no data and is public; every API call it makes sends the analyst key
app.UseAuthentication();
app.UseRateLimiter(); // after authentication, so the limit is per key holder
app.UseAuthorization();

app.MapHealthChecks("/healthz").AllowAnonymous();

// Every route is mapped in the group of the role it needs; the fallback policy refuses anything else without a key.
var survey = app.MapGroup("").RequireAuthorization(NpsRoles.Survey);
survey.MapTouchpoints();
survey.MapResponses();
survey.MapResponseImport();

var analyst = app.MapGroup("").RequireAuthorization(NpsRoles.Analyst);
analyst.MapOpenApi(); // /openapi/v1.json
analyst.MapResponseReads();
analyst.MapFollowUps();
analyst.MapReports();
analyst.MapThemes();
analyst.MapHuddle();
analyst.MapCustomers();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
