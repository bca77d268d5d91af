namespace ChildDashboard.Web;

// The site's static files live in `wwwroot-assets/` at the repo root (or beside a published app):
// look upwards from the working directory and from the app's own folder.
internal static class WebRoot
{
    public const string FolderName = "wwwroot-assets";

    public static string? Locate(params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FolderName);
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
