namespace Nps.Insights;

/// <summary>
/// The peers' shape statistic as a random-effects mean (DerSimonian–Laird): each peer's estimate gᵢ with variance vᵢ,
/// the between-peer variance τ² = max(0, (Q − (k − 1)) / (Σwᵢ − Σwᵢ² / Σwᵢ)) with wᵢ = 1/vᵢ, and the mean weighted by
/// 1/(vᵢ + τ²). A new value is judged against the prediction for one more peer: variance τ² + Var(mean).
/// </summary>
internal readonly record struct PeerShape(double Mean, double PredictionVariance)
{
    /// <summary>The peers' mean and prediction variance; <see langword="null"/> with fewer than two usable peers.</summary>
    public static PeerShape? Of(ReadOnlySpan<(double Gap, double Variance)> peers)
    {
        var count = 0;
        double sumW = 0, sumW2 = 0, sumWG = 0;
        foreach (var (gap, variance) in peers)
        {
            if (!Usable(gap, variance)) continue;
            count++;
            var w = 1 / variance;
            sumW += w;
            sumW2 += w * w;
            sumWG += w * gap;
        }

        if (count < 2) return null;
        var fixedMean = sumWG / sumW;
        double q = 0;
        foreach (var (gap, variance) in peers)
        {
            if (Usable(gap, variance)) q += (gap - fixedMean) * (gap - fixedMean) / variance;
        }

        var tau2 = Math.Max(0, (q - (count - 1)) / (sumW - sumW2 / sumW));
        double sumRandom = 0, sumRandomG = 0;
        foreach (var (gap, variance) in peers)
        {
            if (!Usable(gap, variance)) continue;
            var w = 1 / (variance + tau2);
            sumRandom += w;
            sumRandomG += w * gap;
        }

        return new PeerShape(sumRandomG / sumRandom, tau2 + 1 / sumRandom);

        static bool Usable(double gap, double variance) => double.IsFinite(gap) && variance > 0 && double.IsFinite(variance);
    }
}
