using Nps.Insights;

namespace Nps.Tests.Insights;

/// <summary>
/// The default taxonomy measured on <see cref="LabelledComments"/>. Precision and recall are micro-averaged over
/// (comment, theme) pairs: a true positive is a theme the matcher finds that the label lists, a false positive one
/// it finds that the label does not list, a false negative one the label lists that it does not find; precision =
/// TP / (TP + FP), recall = TP / (TP + FN), summed over every comment and theme.
/// </summary>
public sealed class ThemeLabelledSetTests(ITestOutputHelper output)
{
    [Fact]
    public void LabelledSet_IsLargeAndVaried()
    {
        Assert.True(LabelledComments.All.Length >= 100);
        var ids = ThemeTaxonomy.Default.Themes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(LabelledComments.All, c => Assert.All(c.Themes, t => Assert.Contains(t, ids)));
        Assert.Contains(LabelledComments.All, c => c.Themes.Length == 0);
        Assert.Contains(LabelledComments.All, c => c.Themes.Length >= 2);
        Assert.All(ids, id => Assert.Contains(LabelledComments.All, c => c.Themes.Contains(id)));
    }

    [Fact]
    public void DefaultTaxonomy_LabelledSet_ReachesPrecisionAndRecall()
    {
        var (precision, recall, misses) = Measure(ThemeTaxonomy.Default);
        output.WriteLine($"precision {precision:0.000}, recall {recall:0.000}");
        foreach (var miss in misses) output.WriteLine(miss);
        Assert.True(precision >= 0.85, $"precision {precision:0.000} < 0.85");
        Assert.True(recall >= 0.80, $"recall {recall:0.000} < 0.80");
    }

    /// <summary>Micro-averaged precision and recall over (comment, theme) pairs, with the disagreements for the log.</summary>
    internal static (double Precision, double Recall, List<string> Misses) Measure(ThemeTaxonomy taxonomy)
    {
        long truePositives = 0, falsePositives = 0, falseNegatives = 0;
        var misses = new List<string>();
        foreach (var (comment, themes) in LabelledComments.All)
        {
            var found = taxonomy.FindThemes(comment).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var id in found)
            {
                if (themes.Contains(id)) truePositives++;
                else
                {
                    falsePositives++;
                    misses.Add($"FP {id}: {comment}");
                }
            }

            foreach (var id in themes.Where(t => !found.Contains(t)))
            {
                falseNegatives++;
                misses.Add($"FN {id}: {comment}");
            }
        }

        return ((double)truePositives / (truePositives + falsePositives), (double)truePositives / (truePositives + falseNegatives), misses);
    }
}
