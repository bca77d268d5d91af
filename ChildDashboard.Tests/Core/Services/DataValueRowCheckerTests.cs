using ChildDashboard.Core.Services;

namespace ChildDashboard.Tests.Core.Services;

public class DataValueRowCheckerTests
{
    [Theory]
    [InlineData("3", true)]
    [InlineData("+3", true)]
    [InlineData("3.", true)]
    [InlineData("3.000", true)]
    [InlineData("1e3", true)]
    [InlineData("1.5e1", true)]
    [InlineData("50e-1", true)]
    [InlineData("0e-400", true)]
    [InlineData("0", true)]
    [InlineData("3.5", false)]
    [InlineData(".5", false)]
    [InlineData("1.25e1", false)]
    [InlineData("5e-400", false)]
    [InlineData("999999999.0000000001", false)]
    [InlineData("1.0000000000000000000000000000001", false)]
    public void AWholeNumberIsDecidedOnItsDigitsNotOnTheRoundedDouble(string text, bool whole) =>
        Assert.Equal(whole, DataValueRowChecker.IsWhole(text));
}
