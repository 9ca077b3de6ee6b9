namespace Nps.Insights;

/// <summary>A score in points, the variance of that score in points², the size that weights it (n or Σw), and the responses behind it.</summary>
internal readonly record struct ScoreEstimate(double Score, double Variance, double Size, long Count);
