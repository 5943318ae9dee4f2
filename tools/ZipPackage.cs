// Zips the Functions package folder for `az functionapp deployment source config-zip` or `azd deploy`:
//   dotnet run tools/ZipPackage.cs -- <package folder> <zip file>
// .NET keeps each file's Unix permissions in the zip, and the hidden .azurefunctions folder the host needs.
using System.IO.Compression;

if (args.Length != 2 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("Usage: dotnet run tools/ZipPackage.cs -- <package folder> <zip file>");
    return 2;
}
File.Delete(args[1]);
ZipFile.CreateFromDirectory(args[0], args[1], CompressionLevel.Optimal, includeBaseDirectory: false);
Console.WriteLine($"{args[1]}: {new FileInfo(args[1]).Length / 1024 / 1024.0:F1} MB");
return 0;
