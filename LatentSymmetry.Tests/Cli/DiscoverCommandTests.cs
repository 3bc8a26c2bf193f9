using System.Text.Json;

namespace LatentSymmetry.Tests.Cli;

public class DiscoverCommandTests
{
    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "300", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32", "--headless"];

    string _root = "";
    string _invariant = "";

    [OneTimeSetUp]
    public void TrainOnce()
    {
        _root = CliRunner.TempDirectory();
        _invariant = Path.Combine(_root, "invariant");
        var r = CliRunner.Run([.. Tiny, "--output", _invariant, "--model", "invariant"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
    }

    [OneTimeTearDown]
    public void DeleteAll() => Directory.Delete(_root, recursive: true);

    [Test]
    public void An_invariant_run_has_so3_to_rounding_and_writes_its_two_files()
    {
        // Two epochs of a tiny network: its error is as large as the field's own rates, so in gl(3) every direction is
        // within the floor (the report says the error hides any breaking); the spectrum still shows so(3) at rounding.
        var r = CliRunner.Run("discover", _invariant, "--points", "300", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var e = doc.RootElement;
        var relative = e.GetProperty("relative_singular_values").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.That(relative, Has.Count.EqualTo(9));
        Assert.That(relative.Take(3), Is.All.LessThan(1e-12));
        Assert.That(relative.Skip(3), Is.All.GreaterThan(1e-6));
        var so = CliRunner.Run("discover", _invariant, "--points", "300", "--within", "so", "-o", Path.Combine(_root, "so"));
        Assert.That(so.Stdout, Does.Contain("dimension:  3").And.Contain("closest:    so3"));
        var json = File.ReadAllText(Path.Combine(_invariant, "discovery.json"));
        Assert.That(json, Is.EqualTo(r.Stdout));
        Assert.That(File.ReadAllBytes(Path.Combine(_invariant, "spectrum.png")).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
    }

    [Test]
    public void A_field_is_discovered_within_so_and_writes_nothing_without_an_output()
    {
        var dir = CliRunner.TempDirectory();
        var r = CliRunner.Run("discover", "--field", "broken", "--within", "so", "--points", "200");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Contain("dimension:  1").And.Contain("closest:    so2_z").And.Contain("nothing written"));
        var o = CliRunner.Run("discover", "--field", "x", "--points", "200", "--json", "-o", dir);
        Assert.That(o.ExitCode, Is.EqualTo(0), o.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "discovery.json")));
        Assert.That(doc.RootElement.GetProperty("dimension").GetInt32(), Is.EqualTo(2));
        Assert.That(doc.RootElement.GetProperty("distances").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "so2", "none" }));
        Assert.That(File.Exists(Path.Combine(dir, "spectrum.png")));
    }

    [Test]
    public void Charts_split_the_points_and_an_empty_chart_is_warned_about_and_skipped()
    {
        // Shells of equal width in |x|: the changing field is so(3) inside R = 2 and L_z beyond 2.5.
        var r = CliRunner.Run("discover", "--field", "changing", "--within", "so", "--points", "3000", "--charts", "shells:5", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var charts = doc.RootElement.GetProperty("charts").EnumerateArray().ToList();
        Assert.That(charts, Has.Count.EqualTo(5));
        Assert.That(charts.Sum(c => c.GetProperty("points").GetInt32()), Is.EqualTo(3000));
        Assert.That(charts[0].GetProperty("closest").GetString(), Is.EqualTo("so3"), "|x| below 1.7: inside the ball");
        Assert.That(charts[4].GetProperty("closest").GetString(), Is.EqualTo("so2_z"));
        // 9 points in gl(3) with kmeans:5: every cluster are too small and are skipped with a warning.
        var s = CliRunner.Run("discover", "--field", "radial", "--points", "9", "--charts", "kmeans:5");
        Assert.That(s.ExitCode, Is.EqualTo(0), s.Stderr);
        Assert.That(s.Stderr, Does.Contain("warning: chart 'cluster").And.Contain("skipped"));
        Assert.That(s.Stdout, Does.Contain("skipped (too few points)"));
    }

    [TestCase("discover", "--field", "nosuch", "--field: ")]
    [TestCase("discover", "--field", "radial", "--points", "8", "--points must be in 9..1000000")]
    [TestCase("discover", "--field", "x", "--points", "3", "--points must be in 4..1000000")]
    [TestCase("discover", "--field", "radial", "--charts", "shells:0", "--charts 'shells:0'")]
    [TestCase("discover", "--field", "x", "--charts", "cone:30", "needs 3-D points")]
    [TestCase("discover", "GIVE", "RUN_DIR or --field SPEC")]
    public void Bad_input_is_one_line_and_exit_2(params string[] args)
    {
        string expected = args[^1];
        var a = args[..^1].Select(x => x == "GIVE" ? "" : x).Where(x => x.Length > 0).ToArray();
        var r = CliRunner.Run(a);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stdout);
        Assert.That(r.Stderr, Does.Contain(expected));
        Assert.That(r.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), r.Stderr);
    }

    [Test]
    public void A_run_directory_without_weights_is_one_line_and_exit_2()
    {
        var dir = Path.Combine(_root, "noweights");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(_invariant, "config.json"), Path.Combine(dir, "config.json"));
        var r = CliRunner.Run("discover", dir);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("model.safetensors: missing"));
        Assert.That(r.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(File.Exists(Path.Combine(dir, "discovery.json")), Is.False);
    }
}
