using System.IO.Compression;
using Maca.Testing;

namespace Maca.Functions.Tests.Deployment;

/// <summary>The package ./maca publish builds has everything the Functions host needs, where host.json says.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the package runs on Linux, and so does this check
public sealed class PackageLayoutTests
{
    [Fact]
    public void EveryFunctionFolderAndTheExecutableHostJsonNamesAreInThePackageAndItsZip()
    {
        Assert.True(System.IO.Directory.Exists(PublishedPackage.Folder), "Run ./maca publish first (./maca test does).");
        var repository = Path.Combine(RepoPaths.Root, "functions");
        Assert.Equal(PublishedPackage.FunctionFolders(repository), PublishedPackage.FunctionFolders(PublishedPackage.Folder));
        foreach (var folder in PublishedPackage.FunctionFolders(repository))
            Assert.Equal(File.ReadAllText(Path.Combine(repository, folder, "function.json")),
                File.ReadAllText(Path.Combine(PublishedPackage.Folder, folder, "function.json")));
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")),
            File.ReadAllText(Path.Combine(PublishedPackage.Folder, "host.json")));

        var handler = PublishedPackage.HostJson["customHandler"]!["description"]!;
        var executable = handler["defaultExecutablePath"]!.GetValue<string>();
        Assert.Equal("publish", handler["workingDirectory"]!.GetValue<string>());
        Assert.True(File.GetUnixFileMode(Path.Combine(PublishedPackage.Folder, executable)).HasFlag(UnixFileMode.UserExecute));
        Assert.True(File.Exists(Path.Combine(PublishedPackage.Folder, "publish", "seeds", "bank-holidays.json")));
        Assert.True(File.Exists(Path.Combine(PublishedPackage.Folder, "publish", "wwwroot", "assets", "govuk-frontend.css")));

        // The zip holds the same tree, and keeps the executable bit the host needs to start the handler.
        using var zip = ZipFile.OpenRead(PublishedPackage.Zip);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("host.json", names);
        Assert.All(PublishedPackage.FunctionFolders(repository), f => Assert.Contains($"{f}/function.json", names));
        var entry = zip.GetEntry(executable)!;
        Assert.True(((UnixFileMode)(entry.ExternalAttributes >> 16)).HasFlag(UnixFileMode.UserExecute));
    }
}
