using Nps;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Samples.AspNet.Api;
using Nps.Samples.AspNet.Storage;

var builder = WebApplication.CreateBuilder(args);

// Loopback unless configured otherwise (appsettings.json "Urls"); bodies are small, so the limit is too.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes);

// The SQLite file comes from ConnectionStrings:Nps; read when first needed, so hosts and tests can override it.
builder.Services.AddSingleton(provider => new SqliteDatabase(
    provider.GetRequiredService<IConfiguration>().GetConnectionString("Nps") ?? "Data Source=nps.db"));
builder.Services.AddSingleton<IContactLedger, SqliteContactLedger>(); // before AddNps, which only adds an in-memory one if none is registered
builder.Services.AddSingleton<IFollowUpStore, SqliteFollowUpStore>();
builder.Services.AddSingleton<DecisionStore>();
builder.Services.AddSingleton<ResponseStore>();
builder.Services.AddNps(builder.Configuration.GetSection("Nps"));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();
app.Services.GetRequiredService<SqliteDatabase>().EnsureCreated();

// A response and its follow-up are two writes; if the process stopped between them, create the follow-up now.
var followUps = app.Services.GetRequiredService<FollowUpService>();
await foreach (var response in app.Services.GetRequiredService<ResponseStore>().WithoutTheirFollowUpAsync(CancellationToken.None))
{
    await followUps.CreateFromResponseAsync(response.ToSurveyResponse());
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi(); // /openapi/v1.json
app.MapTouchpoints();
app.MapResponses();
app.MapFollowUps();
app.MapReports();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
