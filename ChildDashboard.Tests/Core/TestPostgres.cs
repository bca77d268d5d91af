namespace ChildDashboard.Tests.Core;

// Where the PostgreSQL half of the suite runs: a server on which the role may create databases,
// named by CHILDDASHBOARD_TEST_POSTGRES. Without it that half is skipped, except in CI (CI=true),
// where a skipped half would hide a provider that no longer works.
public static class TestPostgres
{
    public const string Variable = "CHILDDASHBOARD_TEST_POSTGRES";

    public const string HowToEnable =
        "PostgreSQL tests are skipped: set " + Variable + " to a server connection string whose role may create databases " +
        "(bash .ci/postgres.sh starts the machine's PostgreSQL and prints one).";

    public static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
            return value;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("CI must run the PostgreSQL tests: " + HowToEnable);
        throw new SkipException(HowToEnable);
    }
}
