namespace LatentSymmetry.Tests.Cli;

/// <summary>
/// Every command and option given a bad value: the exit code, one line on stderr naming the option (or file)
/// and value in the user's words (no .NET type names, no stack trace), and nothing written.
/// </summary>
public class BadInputTests : TempDirectoryTests
{
    static readonly string[] TinyTrain = ["train", "--epochs", "2", "--samples", "200", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32", "--headless"];
    static readonly string[] TinyGrid = ["benchmark", "--num-hidden-layers", "2", "--hidden-dim", "8", "--epochs", "2", "--samples", "200", "--batch-size", "32", "--lambdas", "0,1", "--learning-rates", "3e-4"];

    /// <summary>(command line after the tiny defaults, exit code, what the one line must contain). {dir} is a fresh directory.</summary>
    static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Train(string[] args, string message) => new TestCaseData(With(TinyTrain, ["--output", "{dir}/run", .. args]), 2, message).SetName($"train {string.Join(' ', args)}");
        TestCaseData Grid(string[] args, string message) => new TestCaseData(With(TinyGrid, ["--results-dir", "{dir}/results", .. args]), 2, message).SetName($"benchmark {string.Join(' ', args)}");
        TestCaseData Cmd(string[] args, string message) => new TestCaseData(args, 2, message).SetName(string.Join(' ', args));

        // train: every option
        yield return Train(["--epochs", "-1"], "epochs must be at least 1, got -1");
        yield return Train(["--epochs", "0"], "epochs must be at least 1, got 0");
        yield return Train(["--epochs", "abc"], "--epochs: 'abc' is not a whole number");
        yield return Train(["--epochs", "2147483647"], "--epochs 2147483647 makes the run need about");
        yield return Train(["--hidden-dim", "0"], "hidden-dim must be at least 1");
        yield return Train(["--hidden-dim", "100000000"], "--hidden-dim 100000000 makes the run need about");
        yield return Train(["--num-hidden-layers", "-2"], "num-hidden-layers must be at least 1");
        yield return Train(["--batch-size", "0"], "batch-size must be at least 1");
        yield return Train(["--batch-size", "1e3"], "--batch-size: '1e3' is not a whole number");
        yield return Train(["--samples", "-5"], "samples must be at least 5");
        yield return Train(["--samples", "2147483647"], "--samples 2147483647 makes the run need about");
        yield return Train(["--symmetry-layer", "3"], "symmetry-layer");
        yield return Train(["--symmetry-layer", "0"], "symmetry-layer");
        yield return Train(["--symmetry-layer", "output"], "symmetry-layer");
        yield return Train(["--symmetry-layer", "1,1"], "--symmetry-layer: '1,1': layer 1 is listed twice");
        yield return Train(["--symmetry-layer", "1,3"], "--symmetry-layer: in '1,3': '3' is not a symmetry layer of a network with 2 hidden layers");
        yield return Train(["--symmetry-layer", "none,2"], "--symmetry-layer: 'none,2': none cannot be combined with layers");
        yield return Train(["--symmetry-layer", "1,,2"], "--symmetry-layer: '1,,2' has an empty item");
        yield return Train(["--learning-rate", "x"], "--learning-rate: 'x' is not a number");
        yield return Train(["--learning-rate", "-1"], "learning-rate must be a finite number > 0, got -1");
        yield return Train(["--learning-rate", "NaN"], "learning-rate must be a finite number > 0, got NaN");
        yield return Train(["--learning-rate", "inf"], "--learning-rate: 'inf' is not a finite number");
        yield return Train(["--learning-rate", "-inf"], "--learning-rate: '-inf' is not a finite number");
        yield return Train(["--weight-decay", "-0.1"], "weight-decay must be a finite number >= 0");
        yield return Train(["--weight-decay", "inf"], "--weight-decay: 'inf' is not a finite number");
        yield return Train(["--lambda-sym-max", "-0.5"], "lambda-sym-max must be a finite number >= 0");
        yield return Train(["--lambda-sym-max", "NaN"], "lambda-sym-max must be a finite number >= 0, got NaN");
        yield return Train(["--box", "0"], "box must be a finite number > 0");
        yield return Train(["--box", "inf"], "--box: 'inf' is not a finite number");
        yield return Train(["--run-seed", "1.5"], "--run-seed: '1.5' is not a whole number");
        yield return Train(["--run-seed", "99999999999"], "--run-seed: '99999999999' is not a whole number in range");
        yield return Train(["--epoch", "3"], "'--epoch'");
        yield return Train(["--epochs", "3", "--epochs", "4"], "--epochs given 2 times ('3', '4'); give it once");
        // A comma in a single number was read as a thousands separator (issue 19, row 1: 0,5 recorded as 5).
        yield return Train(["--lambda-sym-max", "0,5"], "--lambda-sym-max: '0,5' is not a number (one value: write decimals with a point");
        yield return Train(["--learning-rate", "1,5"], "--learning-rate: '1,5' is not a number");
        yield return Train(["--weight-decay", "1,0"], "--weight-decay: '1,0' is not a number");
        yield return Train(["--box", "1,5"], "--box: '1,5' is not a number");
        yield return Train(["--epochs", "1,000"], "--epochs: '1,000' is not a whole number");
        // train: the symmetry lab's options
        yield return Train(["--group", "o3"], "--group: 'o3' is not a group; valid: so3, so2, so2z");
        yield return Train(["--group"], "'--group'");
        yield return Train(["--field", "nosuchfield"], "--field: unknown field 'nosuchfield'");
        yield return Train(["--field", "fourier:k=x"], "--field: field 'fourier': k=x: 'x' is not a number");
        yield return Train(["--field", "gaussian-ring"], "takes 2-D points but group so3 acts on 3-D points");
        // Issue 19, row 6: a field that is not finite was trained on and reported as "DIVERGED in epoch 1".
        yield return Train(["--group", "so2", "--field", "bessel-j0:scale=1e300"], "--field: field 'bessel-j0:scale=1E+300' is NaN at (");
        yield return Train(["--group", "so2", "--field", "fourier:offset=1e308"], "is 1e+308, beyond float32's range at (");
        yield return Grid(["--group", "so2", "--field", "fourier:offset=1e308"], "--field: field 'fourier:k=2,offset=1E+308' is 1e+308, beyond float32's range");
        yield return Train(["--model", "cnn"], "--model: 'cnn' is not a model; valid: mlp, invariant");
        yield return Train(["--train-region", "cone:200"], "--train-region: 'cone:200'");
        yield return Train(["--train-region", "ball"], "--train-region: 'ball' is not a region");
        yield return Train(["--train-region", "cone:0"], "--train-region cone:0 keeps 0 training");
        yield return Train(["--radius", "-1"], "--radius must be a finite number > 0, got -1");
        yield return Train(["--radius", "inf"], "--radius: 'inf' is not a finite number");
        yield return Train(["--group", "so2", "--inner-radius", "2"], "--inner-radius must be in [0, radius 1), got 2");
        yield return Train(["--group", "so2", "--inner-radius", "-0.5"], "--inner-radius must be in [0, radius 1), got -0.5");
        yield return new TestCaseData((string[])[.. TinyTrain, "--output", ""], 2, "--output: empty path").SetName("train --output ''");
        yield return new TestCaseData((string[])[.. TinyTrain, "--output", "{dir}/header-only.csv/run"], 2, "/header-only.csv' is a file, not a directory").SetName("train --output AFILE/run");
        yield return new TestCaseData((string[])[.. TinyTrain, "--output"], 2, "--output").SetName("train --output (no value)");

        // benchmark: every option
        yield return Grid(["--seeds", "5-1"], "--seeds: invalid seed range '5-1'");
        yield return Grid(["--seeds", "x"], "--seeds: invalid seed 'x'");
        yield return Grid(["--seeds", "1,,2"], "--seeds: empty item in '1,,2'");
        yield return Grid(["--lambdas", "0,,1"], "--lambdas: empty item in '0,,1'");
        yield return Grid(["--lambdas", "-1"], "--lambdas: '-1' is not a finite number >= 0");
        yield return Grid(["--lambdas", "inf"], "--lambdas: 'inf' is not a finite number >= 0");
        yield return Grid(["--lambdas", "0", "--lambdas"], "--lambdas: no value given");
        yield return Grid(["--layers", "7"], "--layers: ");
        yield return Grid(["--layers", "1,,2"], "--layers: empty item in '1,,2'");
        yield return Grid(["--penalties", "l1"], "--penalties: 'l1' is not a penalty; valid: raw, normalized, pca, pca-normalized");
        yield return Grid(["--penalties", "raw,raw"], "--penalties: 'raw' is listed twice");
        yield return Grid(["--penalties", "raw,,pca"], "--penalties: empty item in 'raw,,pca'");
        yield return Grid(["--learning-rates", "0"], "--learning-rates: '0' is not a finite number > 0");
        yield return Grid(["--learning-rates", "1e-4,"], "--learning-rates: empty item in '1e-4,'");
        yield return Grid(["--jobs", "0"], "--jobs must be at least 1");
        yield return Grid(["--jobs", "1.5"], "--jobs: '1.5' is not a whole number");
        yield return Grid(["--shard", "3/2"], "--shard: invalid shard '3/2'");
        yield return Grid(["--shard", "x"], "--shard: invalid shard 'x'");
        yield return Grid(["--epochs", "2147483647"], "--epochs 2147483647 makes the run need about");
        yield return new TestCaseData((string[])[.. TinyGrid, "--results-dir", ""], 2, "--results-dir: empty path").SetName("benchmark --results-dir ''");

        // benchmark: the symmetry lab's options
        // Issue 19, row 17: one list rule everywhere, an item given twice refused as --penalties refused it.
        yield return Grid(["--baselines", "augment,augment"], "--baselines: 'augment' is listed twice");
        yield return Grid(["--seeds", "1,1"], "--seeds: '1' is listed twice");
        yield return Grid(["--lambdas", "0,1 1"], "--lambdas: '1' is listed twice");
        yield return Cmd(["evaluate", "{dir}", "--metrics", "SL,,Q"], "--metrics: empty item in 'SL,,Q'");
        yield return Cmd(["evaluate", "{dir}", "--metrics", "SL,Q,sl"], "--metrics: 'sl' is listed twice");
        yield return Grid(["--seeds", "1", "--headless"], "unknown option '--headless'; see 'latsym benchmark --help'");
        yield return Grid(["--baselines", "dropout"], "--baselines: 'dropout' is not a baseline; valid: augment, invariant, relaxed, equivariant, vn");
        yield return Grid(["--baselines", "augment,,invariant"], "--baselines: empty item in 'augment,,invariant'");
        yield return Grid(["--baselines"], "'--baselines'");
        yield return Grid(["--baselines", "augment", "--baselines"], "--baselines: no value given");
        yield return Grid(["--group", "o3"], "--group: 'o3' is not a group");
        yield return Grid(["--field", "nosuchfield"], "--field: unknown field 'nosuchfield'");
        yield return Grid(["--train-region", "sector:400"], "--train-region: 'sector:400'");
        yield return Grid(["--radius", "0"], "--radius must be a finite number > 0, got 0");
        yield return Grid(["--group", "so2", "--inner-radius", "1"], "--inner-radius must be in [0, radius 1), got 1");
        yield return Grid(["--model", "invariant"], "'--model'");

        // profile
        yield return Cmd(["profile", "gemm", "--m", "0"], "--m must be positive, got 0");
        yield return Cmd(["profile", "gemm", "--m", "x"], "--m: 'x' is not a whole number");
        yield return Cmd(["profile", "gemm", "--m", "100000", "--n", "100000", "--k", "100000"], "--m 100000 --n 100000 --k 100000: A (m x k) would hold");
        yield return Cmd(["profile", "gemm", "--form", "tt"], "'tt'");
        yield return Cmd(["profile", "step", "--hidden-dim", "-3"], "hidden-dim must be at least 1");
        yield return Cmd(["profile", "step", "--group", "o3"], "--group: 'o3' is not a group");
        yield return Cmd(["profile", "step", "--model", "cnn"], "--model: 'cnn' is not a model");
        yield return Cmd(["profile", "rotation", "--batch-size", "0"], "--batch-size must be positive, got 0");

        // fields
        yield return Cmd(["fields", "nosuch"], "unknown field 'nosuch'");
        yield return Cmd(["fields", "mix:alpha=2"], "field 'mix': alpha=2 is out of range");
        yield return Cmd(["fields", "bessel-j0:scale=1e300"], "SPEC: field 'bessel-j0:scale=1E+300' is NaN at (");
        yield return Cmd(["fields", "fourier:offset=1e308"], "in the domain train samples (uniform on the disk r <= 1)");
        yield return Cmd(["fields", "--dimension", "4"], "--dimension: Argument '4' not recognized");
        yield return Cmd(["fields", "--plot", "{dir}/f.jpg"], "--plot '");
        yield return Cmd(["fields", "--plot", "{dir}/f.png", "--radius", "-1"], "--radius -1 must be a finite number > 0");
        yield return Cmd(["fields", "--plot", "{dir}/f.png", "--radius", "1,5"], "--radius: '1,5' is not a number");

        // analyze and compare
        yield return Cmd(["analyze", "{dir}/nope.csv"], "nope.csv': no such file or directory");
        yield return Cmd(["analyze", "{dir}/*.txt"], "matches no file");
        yield return Cmd(["analyze", "{dir}/header-only.csv"], "no result rows in");
        yield return Cmd(["analyze", "{dir}/layers=6x128_lr=3e-4_seed=1.csv", "--format", "xml"], "'xml'");
        yield return Cmd(["compare", "{dir}/header-only.csv"], "no result rows in");
        yield return Cmd(["compare", "{dir}/layers=6x128_lr=3e-4_seed=1.csv", "--layers", "n9"], "--layers 'n9': layer 9 has no results");
        yield return Cmd(["compare", "{dir}/layers=6x128_lr=3e-4_seed=1.csv", "--layers", "x"], "--layers 'x'");
        yield return Cmd(["compare", "{dir}/layers=6x128_lr=3e-4_seed=1.csv", "--output", ""], "--output: empty path");
        yield return Cmd(["compare", "{dir}/layers=6x128_lr=3e-4_seed=1.csv", "--output", "{dir}/c.jpg"], "--output '");
        yield return Cmd(["compare", "{dir}/layers=6x128_lr=3e-4_seed=1.csv", "--output", "{dir}/c.png", "--format", "svg"], "--format svg");
        // Issue 19, row 23: a read-only figure was silently replaced (the rename needs only the directory's permission).
        yield return Cmd(["compare", "{dir}/layers=6x128_lr=3e-4_seed=1.csv", "--output", "{dir}/readonly.png"], "--output '{dir}/readonly.png' exists and is read-only; nothing is overwritten");
        yield return Cmd(["fields", "--plot", "{dir}/readonly.png"], "--plot '{dir}/readonly.png' exists and is read-only");

        // the root
        // Issue 19, row 18: "(and 1 more)" counted the missing command that the unknown word stood for.
        yield return Cmd(["frobnicate"], "Unrecognized command or argument 'frobnicate'; see 'latsym --help'");
        // Issue 19, row 8: an option the command lacks, after a list or an argument, was taken as its value.
        yield return Cmd(["analyze", "{dir}/header-only.csv", "--typo"], "unknown option '--typo'; see 'latsym analyze --help'");
        yield return Cmd(["train", "--x"], "unknown option '--x'; see 'latsym train --help'");
        yield return Cmd(["benchmark", "--epochs", "2", "--typo"], "unknown option '--typo'; see 'latsym benchmark --help'");
    }

    /// <summary>The tiny command line with <paramref name="args"/> appended, minus the tiny values of options that <paramref name="args"/> sets.</summary>
    static string[] With(string[] tiny, string[] args)
    {
        var result = new List<string> { tiny[0] };
        for (int i = 1; i < tiny.Length; i++)
        {
            bool valued = i + 1 < tiny.Length && !tiny[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (!args.Contains(tiny[i])) result.AddRange(valued ? [tiny[i], tiny[i + 1]] : [tiny[i]]);
            if (valued) i++;
        }
        return [.. result, .. args];
    }

    [SetUp]
    public void WriteResultFiles()
    {
        File.WriteAllText(Path.Combine(Dir, "header-only.csv"), "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n");
        File.WriteAllText(Path.Combine(Dir, "layers=6x128_lr=3e-4_seed=1.csv"),
            "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n0.0003,0.0,,0.01,0.0\n0.0003,1.0,1,0.02,0.1\n0.0003,1.0,-1,0.03,0.2\n");
        var readOnly = Path.Combine(Dir, "readonly.png");
        File.WriteAllText(readOnly, "not to be replaced");
        if (OperatingSystem.IsWindows()) File.SetAttributes(readOnly, FileAttributes.ReadOnly);
        else File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    [TestCaseSource(nameof(Cases))]
    public void Bad_input_is_one_line_naming_it_with_its_exit_code_and_nothing_written(string[] args, int exitCode, string message)
    {
        var before = Directory.EnumerateFileSystemEntries(Dir).Order().ToList();
        var r = CliRunner.Run([.. args.Select(a => a.Replace("{dir}", Dir, StringComparison.Ordinal))]);
        Assert.That(r.ExitCode, Is.EqualTo(exitCode), r.Stderr);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), "exactly one line on stderr");
        Assert.That(lines[0], Does.StartWith("latsym: ").And.Contain(message.Replace("{dir}", Dir, StringComparison.Ordinal)));
        Assert.That(lines[0], Does.Not.Contain("System.").And.Not.Contain("   at "), "no .NET type names or stack traces");
        Assert.That(Directory.EnumerateFileSystemEntries(Dir).Order(), Is.EqualTo(before), "nothing written");
        Assert.That(File.ReadAllText(Path.Combine(Dir, "readonly.png")), Is.EqualTo("not to be replaced"));
    }
}
