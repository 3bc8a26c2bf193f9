namespace LatentSymmetry.Tests.Experiments;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => Path = CreateNew();

    /// <summary>Creates a fresh, empty directory under the system temp folder and returns its path (the caller deletes it).</summary>
    public static string CreateNew()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "latsym-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
