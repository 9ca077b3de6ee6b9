namespace Nps.Samples.Console.Commands;

/// <summary>The JSON document of <c>nps plan --format json</c>.</summary>
/// <param name="Margin">The margin of error in points.</param>
/// <param name="Level">The confidence level.</param>
/// <param name="Promoters">The expected promoter share, when given.</param>
/// <param name="Detractors">The expected detractor share, when given.</param>
/// <param name="Responses">Responses needed.</param>
public sealed record PlanDocument(double Margin, double Level, double? Promoters, double? Detractors, long Responses);
