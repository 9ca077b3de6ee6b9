namespace Nps.Insights;

/// <summary>One line of <see cref="CoachingCalibration"/>: how a signal behaves for one gap at one number of responses a period.</summary>
/// <param name="Kind">The signal: <c>underperformance</c> or <c>post-launch-drop</c>.</param>
/// <param name="PerPeriod">Responses per value and period.</param>
/// <param name="Gap">The planted gap in points (from the fourth period on); 0 for the line of false alarms.</param>
/// <param name="Seeds">The simulated populations.</param>
/// <param name="FalseAlarmsPer100ValueYears">For the gap 0 line: signals of this kind per 100 value-years of populations without any effect; NaN otherwise.</param>
/// <param name="WithinThree">The share of seeds in which the gap was signalled within 3 periods of its start.</param>
/// <param name="WithinSix">… within 6 periods.</param>
/// <param name="WithinTwelve">… within 12 periods.</param>
public sealed record CoachingCalibrationRow(string Kind, int PerPeriod, double Gap, int Seeds, double FalseAlarmsPer100ValueYears,
    double WithinThree, double WithinSix, double WithinTwelve);
