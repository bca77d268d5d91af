namespace ChildDashboard.Core.Persistence;

// Which database the app runs on (setting Database:Provider).
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
