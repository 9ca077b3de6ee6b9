using Nps.Insights;

namespace Nps.Huddle;

/// <summary>A theme customers wrote about in the period, with example comments.</summary>
/// <param name="Id">The theme's id.</param>
/// <param name="Name">The theme's name.</param>
/// <param name="Mentions">The responses whose comment mentions it, by category.</param>
/// <param name="Examples">The first comments of the period that mention it.</param>
public sealed record HuddleTheme(string Id, string Name, NpsCategoryCounts Mentions, IReadOnlyList<ThemeExample> Examples);
