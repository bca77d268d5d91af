namespace ChildDashboard.Web.Account;

// Who is trying which account: the normalised user name and the client's address (an IPv6 client
// by its /64, which one host usually holds whole).
public readonly record struct SignInAttempt(string Account, string Address);
