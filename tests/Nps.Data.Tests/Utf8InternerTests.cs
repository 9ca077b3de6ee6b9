using System.Text;

namespace Nps.Data.Tests;

public sealed class Utf8InternerTests
{
    [Fact]
    public void Id_ShortLongAndSharedPrefixValues_OneIdPerDistinctValue()
    {
        var interner = new Utf8Interner();
        string[] values = ["", "A", "A\0", "Team 07", "Team 07 ", "abcdefgh", "abcdefghi", "abcdefghj", "abcdefgh12345678", "abcdefgh12345679", "ünïcødé"];
        var ids = values.Select(v => interner.Id(Encoding.UTF8.GetBytes(v))).ToArray();
        for (var round = 0; round < 3; round++)
        {
            foreach (var extra in Enumerable.Range(0, 500))
            {
                interner.Id(Encoding.UTF8.GetBytes($"agent {extra}")); // grows the table several times
            }

            Assert.Equal(ids, values.Select(v => interner.Id(Encoding.UTF8.GetBytes(v))));
        }

        Assert.Equal(values.Length, ids.Distinct().Count());
        Assert.Equal(values.Length + 500, interner.Count);
        Assert.Equal(values, ids.Select(id => interner[id]));
        Assert.Null(interner[0]);
    }
}
