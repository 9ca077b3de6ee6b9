namespace Nps.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void NpsCore_Namespaces_FormNoCycle()
    {
        var graph = NamespaceGraph.Of(typeof(NpsCategory).Assembly);

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, $"Nps.Core's namespaces depend on each other in a cycle:\n{string.Join("\n", cycles)}");
    }

    [Fact]
    public void NpsCore_Graph_SeesDependenciesInSignaturesAndBodies()
    {
        // The graph must see real dependencies, or the cycle test above could pass on an empty graph.
        var graph = NamespaceGraph.Of(typeof(NpsCategory).Assembly);

        Assert.Contains("Nps", graph.Edges["Nps.Sampling"].Keys);
        Assert.Contains("Nps", graph.Edges["Nps.Serialization"].Keys);
        Assert.True(graph.Edges.Count >= 10, $"only {graph.Edges.Count} namespaces use another");
    }
}
