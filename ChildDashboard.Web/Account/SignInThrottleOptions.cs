namespace ChildDashboard.Web.Account;

// Bound from the `SignIn` section: how many password checks are allowed in each fixed window.
// Per account and address stops one stranger guessing (or locking out) an account; per address
// stops one stranger trying many accounts; per account, across addresses, slows a guesser with
// many addresses. A window ends when it ends: attempts refused inside it do not prolong it.
public sealed class SignInThrottleOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    public int PerAccountAndAddress { get; set; } = 10;
    public int PerAddress { get; set; } = 100;
    public int PerAccount { get; set; } = 50;
}
