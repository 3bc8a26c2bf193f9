using System.Text.Json;
using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Cli;

public class FieldsCommandTests
{
    [Test]
    public void Json_lists_every_field_with_formula_parameters_and_invariance()
    {
        var r = CliRunner.Run("fields", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var fields = doc.RootElement.GetProperty("fields").EnumerateArray().ToList();
        Assert.That(fields.Select(f => f.GetProperty("name").GetString()), Is.EqualTo(FieldCatalog.All.Select(d => d.Name)));
        var ring = fields.Single(f => f.GetProperty("name").GetString() == "gaussian-ring");
        Assert.That(ring.GetProperty("dimension").GetInt32(), Is.EqualTo(2));
        Assert.That(ring.GetProperty("formula").GetString(), Is.EqualTo("exp(-(r - center)^2 / (2 std^2))"));
        Assert.That(ring.GetProperty("default_spec").GetString(), Is.EqualTo("gaussian-ring:center=0.6,std=0.08"));
        Assert.That(ring.GetProperty("invariant_under").EnumerateArray().Select(g => g.GetString()), Is.EqualTo(new[] { "so2" }));
        var std = ring.GetProperty("parameters")[1];
        Assert.That(std.GetProperty("name").GetString(), Is.EqualTo("std"));
        Assert.That(std.GetProperty("default").GetString(), Is.EqualTo("0.08"));
        Assert.That(std.GetProperty("kind").GetString(), Is.EqualTo("number"));
        var mix = fields.Single(f => f.GetProperty("name").GetString() == "mix");
        Assert.That(mix.GetProperty("dimension").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(mix.GetProperty("parameters")[2].GetProperty("default").GetString(), Is.EqualTo("(fourier:k=2)"));
        Assert.That(doc.RootElement.GetProperty("syntax").GetString(), Does.Contain("mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2)"));
    }

    [Test]
    public void Table_shows_every_field_and_the_spec_syntax()
    {
        var r = CliRunner.Run("fields");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        foreach (var d in FieldCatalog.All) Assert.That(r.Stdout, Does.Contain(d.Name).And.Contain(d.Formula));
        Assert.That(r.Stdout, Does.Contain("centers=0.3;0.7"));
        Assert.That(r.Stdout, Does.Contain("a=(bessel-j0:scale=10)"));
    }

    [Test]
    public void Dimension_filter_keeps_that_dimension_and_mix()
    {
        var r = CliRunner.Run("fields", "--dimension", "3", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.That(doc.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "radial", "broken", "linear", "cylinder", "changing", "mix" }));
        Assert.That(CliRunner.Run("fields", "--dimension", "4").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void A_spec_is_checked_and_expanded()
    {
        var r = CliRunner.Run("fields", "mix:alpha=0.3,a=(bessel-j0),b=(radial-angular:k=2)", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.That(doc.RootElement.GetProperty("spec").GetString(), Is.EqualTo("mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2)"));
        Assert.That(doc.RootElement.GetProperty("dimension").GetInt32(), Is.EqualTo(2));
        Assert.That(doc.RootElement.GetProperty("formula").GetString(), Is.EqualTo("(1 - 0.3) [J0(10 r)] + 0.3 [r cos(2 theta)]"));
        Assert.That(doc.RootElement.GetProperty("invariant_under").GetArrayLength(), Is.Zero);

        var text = CliRunner.Run("fields", "broken");
        Assert.That(text.Stdout, Does.Contain("broken:eps=0.05").And.Contain("so2z"));
    }

    [Test]
    public void A_bad_spec_is_one_line_and_exit_code_2()
    {
        var r = CliRunner.Run("fields", "gaussian-ring:std=-1");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.Stderr.TrimEnd(), Is.EqualTo("latsym: field 'gaussian-ring': std=-1 is out of range; std must be a finite number > 0"));
    }

    [Test]
    public void Help_explains_the_syntax()
    {
        var r = CliRunner.Run("fields", "--help");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Stdout, Does.Contain("--json").And.Contain("--dimension").And.Contain("parentheses"));
    }

    [Test]
    public void Plot_writes_a_png_of_the_catalogue_and_an_svg_of_one_spec()
    {
        var dir = CliRunner.TempDirectory();
        var png = Path.Combine(dir, "fields.png");
        var r = CliRunner.Run("fields", "--dimension", "3", "--plot", png);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout.Trim(), Is.EqualTo($"wrote {png}: 6 fields"));
        Assert.That(File.ReadAllBytes(png).Take(8), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));

        var svg = Path.Combine(dir, "one.svg");
        r = CliRunner.Run("fields", "mix:alpha=0.3,a=(bessel-j0),b=(radial-angular:k=2)", "--plot", svg, "--radius", "2");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(File.ReadAllText(svg), Does.Contain("<svg"));
        Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(2), "no temporary file left behind");
    }

    [Test]
    public void Plot_refuses_a_bad_file_name_or_domain_before_writing()
    {
        var dir = CliRunner.TempDirectory();
        var r = CliRunner.Run("fields", "--plot", Path.Combine(dir, "fields.jpg"));
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("fields.jpg").And.Contain(".png or .svg"));
        r = CliRunner.Run("fields", "--plot", Path.Combine(dir, "fields.png"), "--box", "0");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("--box 0"));
        Assert.That(Directory.GetFiles(dir), Is.Empty);
    }
}
