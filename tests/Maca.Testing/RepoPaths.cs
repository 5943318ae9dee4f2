namespace Maca.Testing;

public static class RepoPaths
{
    /// <summary>The repository root: the folder that holds Maca.Functions.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string NodeBin(string tool)
    {
        var path = Path.Combine(Root, "node_modules", ".bin", tool);
        return File.Exists(path) ? path
            : throw new InvalidOperationException($"{path} is missing. Run `npm ci` (./maca test does it for you).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Maca.Functions.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find Maca.Functions.sln above the test output folder.");
    }
}
