using LatentSymmetry.Cli.Plots;

namespace LatentSymmetry.Tests.Plots;

public class FigureFileTests
{
    [TestCase("a/loss_curves.png", FigureFormat.Png)]
    [TestCase("slice.PNG", FigureFormat.Png)]
    [TestCase("compare.svg", FigureFormat.Svg)]
    [TestCase("compare.Svg", FigureFormat.Svg)]
    public void FormatOf_reads_the_extension(string path, FigureFormat expected) =>
        Assert.That(FigureFile.FormatOf(path), Is.EqualTo(expected));

    [TestCase("figure.jpg")]
    [TestCase("figure")]
    public void FormatOf_rejects_other_extensions_naming_them(string path) =>
        Assert.That(() => FigureFile.FormatOf(path), Throws.ArgumentException.With.Message.Contains(path));

    [Test]
    public void WriteAtomically_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        using TemporaryDirectory directory = new();
        string path = directory.File("figure.png");
        File.WriteAllText(path, "old contents that are longer than the new ones");

        FigureFile.WriteAtomically(path, [1, 2, 3]);

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(new byte[] { 1, 2, 3 }));
        ImageFileAssert.OnlyFiles(directory.Path, "figure.png");
    }

    [Test]
    public void WriteAtomically_creates_the_missing_directory()
    {
        using TemporaryDirectory directory = new();
        string path = Path.Combine(directory.Path, "run-7", "plots", "slice.png");

        FigureFile.WriteAtomically(path, [42]);

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(new byte[] { 42 }));
    }

    [Test]
    public void WriteAtomically_leaves_no_temporary_file_when_the_rename_fails()
    {
        using TemporaryDirectory directory = new();
        // A directory in the target's place makes the final rename fail after the temporary file is written.
        Directory.CreateDirectory(directory.File("figure.png"));

        Assert.That(() => FigureFile.WriteAtomically(directory.File("figure.png"), [1]), Throws.InstanceOf<IOException>().Or.InstanceOf<UnauthorizedAccessException>());
        Assert.That(Directory.GetFiles(directory.Path), Is.Empty);
    }
}
