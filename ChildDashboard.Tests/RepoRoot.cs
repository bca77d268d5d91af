namespace ChildDashboard.Tests;

// The repository's root folder, found upwards from the test binaries.
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChildDashboard.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("ChildDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
