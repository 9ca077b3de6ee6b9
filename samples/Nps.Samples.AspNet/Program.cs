using Nps;
using Nps.Samples.AspNet;
using Nps.Samples.AspNet.Api;

var builder = WebApplication.CreateBuilder(args);

// Loopback unless configured otherwise (appsettings.json "Urls"); bodies are small, so the limit is too.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes);

// The stores (Nps:Store: sqlite by default, file from ConnectionStrings:Nps), registered before AddNps, which
// adds in-memory stores only when none is registered.
builder.Services.AddNpsStore(builder.Configuration);
builder.Services.AddNps(builder.Configuration.GetSection("Nps"));
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();
_ = app.Services.GetRequiredService<Nps.Sampling.SurveyProgram>(); // opens the stores (schema created or migrated) at start

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi(); // /openapi/v1.json
app.MapTouchpoints();
app.MapResponses();
app.MapFollowUps();
app.MapReports();
app.MapCustomers();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
