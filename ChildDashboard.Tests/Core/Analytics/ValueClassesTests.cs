using ChildDashboard.Core.Analytics;

namespace ChildDashboard.Tests.Core.Analytics;

public class ValueClassesTests
{
    [Fact]
    public void TenValuesFallIntoFiveClassesOfTwo()
    {
        var classes = ValueClasses.Quantiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

        Assert.Equal([2.0, 4, 6, 8, 10], classes.Breaks);
        Assert.Equal(0, classes.ClassOf(1));
        Assert.Equal(0, classes.ClassOf(2));
        Assert.Equal(1, classes.ClassOf(2.5));
        Assert.Equal(4, classes.ClassOf(10));
        Assert.Null(classes.ClassOf(null));
        Assert.Equal(1, classes.LowerBound(0, 1));
        Assert.Equal(8, classes.LowerBound(4, 1));
    }

    [Fact]
    public void EqualValuesMakeOneClassAndNoValuesNone()
    {
        Assert.Equal([5.0], ValueClasses.Quantiles([5, 5, 5, 5]).Breaks);
        Assert.Equal([1.0, 3], ValueClasses.Quantiles([1, 3]).Breaks);
        var none = ValueClasses.Quantiles([double.NaN]);
        Assert.Equal(0, none.Count);
        Assert.Null(none.ClassOf(1));
    }
}
