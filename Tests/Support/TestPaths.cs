namespace Portal.Testing;

public static class TestPaths
{
    /// The folder holding portal.sln, found from the test's output folder.
    public static string RepositoryRoot
    {
        get
        {
            var root = AppContext.BaseDirectory;
            while (!System.IO.File.Exists(Path.Combine(root, "portal.sln")))
            {
                root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("portal.sln not found above the test folder.");
            }

            return root;
        }
    }
}
