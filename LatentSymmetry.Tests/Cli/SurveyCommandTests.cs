using LatentSymmetry.Cli.Commands;

namespace LatentSymmetry.Tests.Cli;

public class SurveyCommandTests : TempDirectoryTests
{
    static readonly string[] Tiny = ["survey", "--epochs", "2", "--samples", "300", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32"];

    [TestCase("gaussian-ring,x", new[] { "gaussian-ring", "x" })]
    [TestCase("multi-ring:centers=0.3;0.7,std=0.08,x", new[] { "multi-ring:centers=0.3;0.7,std=0.08", "x" })]
    [TestCase("mix:alpha=0.3,a=(fourier:k=2,offset=1),b=(x), radius", new[] { "mix:alpha=0.3,a=(fourier:k=2,offset=1),b=(x)", "radius" })]
    public void Field_lists_split_between_specs_not_inside_them(string text, string[] expected) =>
        Assert.That(FieldList.Split(text), Is.EqualTo(expected));

    [Test]
    public void Two_surveys_on_one_output_share_the_runs_and_write_what_one_alone_writes()
    {
        // Issue 19, row 16: the second survey died on "'runs/radius_seed1' is being written by another latsym process".
        string[] args = ["survey", "--fields", "radius,gaussian-ring", "--seeds", "1-3", "--epochs", "12", "--samples", "1500",
            "--num-hidden-layers", "2", "--hidden-dim", "16", "--output", "shared"];
        using var first = LatsymProcess.Start(Dir, args);
        Assert.That(first.WaitUntil(() => Directory.Exists(Path.Combine(Dir, "shared", "runs"))
            && Directory.GetDirectories(Path.Combine(Dir, "shared", "runs"), ".*partial*").Length > 0, TimeSpan.FromSeconds(60)), "the first survey started a run");
        using var second = LatsymProcess.Start(Dir, args);
        Assert.That(second.WaitForExit(TimeSpan.FromSeconds(180)), Is.EqualTo(0), second.Stderr);
        Assert.That(first.WaitForExit(TimeSpan.FromSeconds(180)), Is.EqualTo(0), first.Stderr);
        Assert.That(second.Stderr, Does.Not.Contain("being written"));
        var alone = CliRunner.Run([.. args[..^1], Path.Combine(Dir, "alone")]);
        Assert.That(alone.ExitCode, Is.EqualTo(0), alone.Stderr);
        Assert.That(File.ReadAllText(Path.Combine(Dir, "shared", "survey.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(Dir, "alone", "survey.csv"))));
    }

    [Test]
    public void A_3d_survey_without_a_mix_sweep_does_not_read_the_disk_mix_defaults()
    {
        // The default --mix-a and --mix-b are disk fields; a survey of 3-D fields that sweeps no mix must not parse them.
        var output = Path.Combine(Dir, "s3");
        var r = CliRunner.Run([.. Tiny, "--group", "so3", "--fields", "radial,broken", "--seeds", "1", "--output", output]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(File.ReadAllLines(Path.Combine(output, "survey.csv")).Skip(1).Count(), Is.EqualTo(2 * 3), "2 fields x 1 seed x 3 layers");
        // With a sweep the parts are read and checked against the group: a disk field in 3-D names its option.
        var mixed = CliRunner.Run([.. Tiny, "--group", "so3", "--fields", "radial", "--seeds", "1", "--mix-alpha", "0.5", "--output", Path.Combine(Dir, "s4")]);
        Assert.That(mixed.ExitCode, Is.EqualTo(2));
        Assert.That(mixed.Stderr, Does.Contain("--mix-a"));
    }

    [Test]
    public void A_survey_trains_evaluates_and_writes_its_table_and_figures_then_resumes_without_training()
    {
        var output = Path.Combine(Dir, "s");
        var r = CliRunner.Run([.. Tiny, "--fields", "gaussian-ring,x", "--seeds", "1-2", "--mix-alpha", "0,1", "--output", output]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        foreach (var f in new[] { "survey.csv", "survey_summary.csv", "survey.png", "mix.png" })
            Assert.That(new FileInfo(Path.Combine(output, f)).Length, Is.GreaterThan(0), f);
        Assert.That(Directory.GetDirectories(Path.Combine(output, "runs")), Has.Length.EqualTo(8), "4 fields x 2 seeds");
        var csv = File.ReadAllLines(Path.Combine(output, "survey.csv"));
        Assert.That(csv[0], Is.EqualTo("field,invariant,seed,layer,Q"));
        // Issue 19: survey.csv numbered seeds from 0 (seed_index) while the run folders say seed1, seed2.
        Assert.That(csv.Skip(1).Select(l => l.Split(',')[^3]).Distinct().Order(), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(csv.Length - 1, Is.EqualTo(4 * 2 * 3), "fields x seeds x layers");
        Assert.That(csv.Count(l => l.StartsWith("\"x\",False", StringComparison.Ordinal)), Is.EqualTo(6));
        Assert.That(csv.Count(l => l.StartsWith("\"gaussian-ring:center=0.6,std=0.08\",True", StringComparison.Ordinal)), Is.EqualTo(6));
        Assert.That(r.Stdout, Does.Contain("wrote survey.csv"));

        // Resuming: every run is read back, none retrained (their files keep their times).
        var stamps = Directory.GetFiles(Path.Combine(output, "runs"), "model.safetensors", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var again = CliRunner.Run([.. Tiny, "--fields", "gaussian-ring,x", "--seeds", "1-2", "--mix-alpha", "0,1", "--output", output]);
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Stderr);
        Assert.That(again.Stdout, Is.EqualTo(r.Stdout));
        foreach (var (f, t) in stamps) Assert.That(File.GetLastWriteTimeUtc(f), Is.EqualTo(t), f);
    }

    [Test]
    public void A_survey_of_the_invariant_model_trains_it_and_its_output_is_invariant_on_the_disk()
    {
        var output = Path.Combine(Dir, "inv");
        var r = CliRunner.Run([.. Tiny, "--fields", "gaussian-ring", "--seeds", "1", "--model", "invariant", "--metric", "Q_h", "--output", output]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        var run = Directory.GetDirectories(Path.Combine(output, "runs")).Single();
        Assert.That(File.ReadAllText(Path.Combine(run, "config.json")), Does.Contain("\"model\": \"invariant\""));
        // The invariant model sees only r^2: every layer is invariant, Q_h at float32 rounding, where a plain MLP's is near 1.
        var values = File.ReadAllLines(Path.Combine(output, "survey.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(values, Is.All.LessThan(1e-6));
    }

    [Test]
    public void Two_shards_share_the_runs_and_together_give_the_whole_table()
    {
        var output = Path.Combine(Dir, "s");
        string[] common = [.. Tiny, "--fields", "radius,y", "--seeds", "1-2", "--output", output];
        var first = CliRunner.Run([.. common, "--shard", "1/2"]);
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Stderr);
        Assert.That(first.Stderr, Does.Contain("2 of 4 runs belong to other shards"));
        Assert.That(Directory.GetDirectories(Path.Combine(output, "runs")), Has.Length.EqualTo(2));
        var second = CliRunner.Run([.. common, "--shard", "2/2"]);
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Stderr);
        Assert.That(second.Stderr, Does.Not.Contain("other shards"));
        Assert.That(Directory.GetDirectories(Path.Combine(output, "runs")), Has.Length.EqualTo(4));
        Assert.That(File.ReadAllLines(Path.Combine(output, "survey.csv")).Length - 1, Is.EqualTo(2 * 2 * 3));
    }

    [Test]
    public void A_diverged_run_is_a_warning_and_stays_out_of_the_means()
    {
        var output = Path.Combine(Dir, "s");
        var r = CliRunner.Run([.. Tiny, "--fields", "x", "--seeds", "1", "--learning-rate", "1e9", "--output", output]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stderr, Does.Contain("warning").And.Contain("diverged"));
        Assert.That(File.ReadAllLines(Path.Combine(output, "survey.csv")), Has.Length.EqualTo(1), "header only");
    }

    [Test]
    public void A_long_field_spec_gets_a_short_run_name_and_is_recorded_whole()
    {
        // Issue 19, row 5: "path too long", and runs/.latsym.lock left behind.
        var spec = "x";
        for (int i = 0; i < 12; i++) spec = $"mix:alpha=0.5,a=({spec}),b=y";
        var output = Path.Combine(Dir, "s");
        var r = CliRunner.Run([.. Tiny, "--seeds", "1", "--fields", spec, "--output", output]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        var run = Directory.GetDirectories(Path.Combine(output, "runs")).Single();
        Assert.That(Path.GetFileName(run).Length, Is.LessThan(150));
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json")));
        Assert.That(LatentSymmetry.Core.Fields.FieldCatalog.Parse(config.RootElement.GetProperty("field").GetString()!).Spec,
            Is.EqualTo(LatentSymmetry.Core.Fields.FieldCatalog.Parse(spec).Spec));
    }

    [TestCase("--fields", "nosuchfield", "--fields")]
    [TestCase("--fields", "radial", "--fields")] // a 3-D field on the disk
    [TestCase("--fields", "radius,bessel-j0:scale=1e300", "--fields: field 'bessel-j0:scale=1E+300' is NaN")]
    [TestCase("--fields", "radius,,x", "--fields: empty item in 'radius,,x'")]
    [TestCase("--fields", "radius,radius", "--fields: 'radius' is listed twice")]
    [TestCase("--fields", "gaussian-ring,gaussian-ring:center=0.6", "--fields: 'gaussian-ring:center=0.6,std=0.08' is listed twice")]
    [TestCase("--mix-alpha", "0,,1", "--mix-alpha: empty item in '0,,1'")]
    [TestCase("--mix-alpha", "0.5,0.5", "--mix-alpha: '0.5' is listed twice")]
    [TestCase("--mix-b", "mix:", "--mix-b: field 'mix': empty parameter")]
    [TestCase("--mix-a", "radial", "--mix-a: radial takes 3-D points")]
    [TestCase("--seeds", "1,,2", "--seeds: empty item in '1,,2'")]
    [TestCase("--metric", "XY", "--metric")]
    [TestCase("--metric", "Q,MI", "--metric")]
    [TestCase("--seeds", "5-1", "--seeds")]
    [TestCase("--mix-alpha", "2", "--mix-alpha")]
    [TestCase("--shard", "3/2", "shard")]
    public void Bad_input_is_a_one_line_error(string option, string value, string mentions)
    {
        var r = CliRunner.Run([.. Tiny, "--output", Path.Combine(Dir, "s"), option, value]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), r.Stderr);
        Assert.That(r.Stderr, Does.StartWith("latsym: ").And.Contain(mentions));
    }

    [Test]
    public void A_mix_part_with_alphas_is_named_by_its_own_option()
    {
        // Issue 19, row 7: with --mix-alpha, a bad --mix-b was reported as --fields.
        var r = CliRunner.Run([.. Tiny, "--output", Path.Combine(Dir, "s"), "--fields", "radius", "--mix-alpha", "0.5", "--mix-b", "nosuch"]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr, Does.StartWith("latsym: --mix-b: unknown field 'nosuch'"));
    }

    [TestCase(new[] { "--symmetry-layer", "2" }, "latsym: warning: --symmetry-layer 2 has no effect with the survey's --lambda-sym-max 0 (no penalty is applied); give --lambda-sym-max")]
    [TestCase(new[] { "--lambda-sym-max", "2" }, "latsym: warning: --lambda-sym-max 2 has no effect with --symmetry-layer none (no penalty is applied)")]
    [TestCase(new[] { "--mix-b", "radius" }, "latsym: warning: --mix-b has no effect without --mix-alpha (no mix is surveyed)")]
    public void Options_without_effect_are_warned_about_as_train_does(string[] options, string warning)
    {
        var r = CliRunner.Run([.. Tiny, "--seeds", "1", "--fields", "radius", "--output", Path.Combine(Dir, "s"), .. options]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stderr.Split('\n').Where(l => l.Contains("warning", StringComparison.Ordinal)), Is.EqualTo(new[] { warning }));
    }
}
