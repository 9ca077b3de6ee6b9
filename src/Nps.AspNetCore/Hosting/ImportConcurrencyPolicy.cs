using Microsoft.Extensions.Options;

namespace Nps.AspNetCore.Hosting;

/// <summary>The concurrency limit of <c>POST /api/responses/import</c>: <see cref="NpsWebOptions.MaxConcurrentImports"/> at once.</summary>
internal sealed class ImportConcurrencyPolicy(IOptions<NpsWebOptions> options) : ConcurrencyPolicy(options)
{
    /// <summary>The policy's name in the rate limiter.</summary>
    public const string Name = "nps-imports";

    /// <inheritdoc />
    protected override string Kind => "imports";

    /// <inheritdoc />
    protected override int PermitLimit(NpsWebOptions options) => options.MaxConcurrentImports;

    /// <inheritdoc />
    protected override int QueueLimit(NpsWebOptions options) => 0;
}
