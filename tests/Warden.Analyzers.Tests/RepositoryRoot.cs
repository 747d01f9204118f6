namespace Warden.Analyzers.Tests;

/// <summary>Finds the repository root (the folder holding Warden.slnx) from the test's base directory.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Warden.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Warden.slnx above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
