namespace Nps;

/// <summary>The Net Promoter category of one answer.</summary>
/// <remarks>On the standard 0–10 scale: 0–6 detractor, 7–8 passive, 9–10 promoter.</remarks>
public enum NpsCategory
{
    /// <summary>A rating of 0 to 6: an unhappy customer who may damage the brand.</summary>
    Detractor = 0,

    /// <summary>A rating of 7 or 8: satisfied but unenthusiastic.</summary>
    Passive = 1,

    /// <summary>A rating of 9 or 10: a loyal enthusiast.</summary>
    Promoter = 2,
}
