using Microsoft.Extensions.Options;
using Nps;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Samples.AspNet.Api;
using Nps.Samples.AspNet.Hosting;
using Nps.Samples.AspNet.Security;
using Nps.Samples.AspNet.Storage;

var builder = WebApplication.CreateBuilder(args);

// Hosting: loopback unless --urls/ASPNETCORE_URLS say otherwise; AllowedHosts (appsettings.json) filters Host
// headers; Kestrel's body limits; API keys and role policies; the rate limiter; problem+json for every failure.
builder.UseLoopbackUnlessConfigured().AddNpsRequestLimits();
builder.Services.AddNpsApiKeys(builder.Configuration);
builder.Services.AddNpsRateLimiting(builder.Configuration);
builder.Services.AddNpsProblemResponses();
builder.Services.AddHealthChecks();
builder.Services.AddSingleton<IValidateOptions<NpsOptions>, SampleKeyGuard>();

// The SQLite file comes from ConnectionStrings:Nps; read when first needed, so hosts and tests can override it.
builder.Services.AddSingleton(provider => new SqliteDatabase(
    provider.GetRequiredService<IConfiguration>().GetConnectionString("Nps") ?? "Data Source=nps.db"));
builder.Services.AddSingleton<IContactLedger, SqliteContactLedger>(); // before AddNps, which only adds an in-memory one if none is registered
builder.Services.AddSingleton<IFollowUpStore, SqliteFollowUpStore>();
builder.Services.AddSingleton<DecisionStore>();
builder.Services.AddSingleton<ResponseStore>();
builder.Services.AddNps(builder.Configuration.GetSection("Nps"));
builder.Services.AddOpenApi();

var app = builder.Build();
app.Services.GetRequiredService<SqliteDatabase>().EnsureCreated();

// A response and its follow-up are two writes; if the process stopped between them, create the follow-up now
// (a stored row that cannot be repaired is logged and skipped: stored data never stops the start).
await app.Services.RepairFollowUpsAsync(CancellationToken.None);

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

var analyst = app.MapGroup("").RequireAuthorization(NpsRoles.Analyst);
analyst.MapOpenApi(); // /openapi/v1.json
analyst.MapResponseReads();
analyst.MapFollowUps();
analyst.MapReports();
analyst.MapThemes();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
