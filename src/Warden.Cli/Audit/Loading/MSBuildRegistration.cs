using Microsoft.Build.Locator;

namespace Warden.Cli.Audit.Loading;

/// <summary>
/// Points the process at the installed .NET SDK's MSBuild once, before any MSBuild type is loaded, so
/// MSBuildWorkspace evaluates projects with the same MSBuild as <c>dotnet build</c>.
/// </summary>
internal static class MSBuildRegistration
{
    private static readonly Lock Gate = new();

    /// <summary>Registers the newest SDK's MSBuild unless one is registered already.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }
        }
    }
}
