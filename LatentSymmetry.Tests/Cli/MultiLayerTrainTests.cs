using System.Text.Json;

namespace LatentSymmetry.Tests.Cli;

/// <summary><c>latsym train --symmetry-layer 1,-1</c> end to end: the run's files, its report, and evaluate reading it back.</summary>
public class MultiLayerTrainTests
{
    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "300", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32", "--headless"];

    [Test]
    public void A_run_of_two_layers_records_the_list_and_evaluate_marks_both()
    {
        var root = CliRunner.TempDirectory();
        try
        {
            var dir = Path.Combine(root, "run");
            var r = CliRunner.Run([.. Tiny, "--output", dir, "--symmetry-layer", "-1,1"]);
            Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
            Assert.That(r.Stdout, Does.Contain("symmetry layer   1, -1 (output) (penalty summed)"));
            Assert.That(r.Stdout, Does.Match(@"test sym loss    \S+ \(sum of layer 1 \S+, layer -1 \S+\)"));
            using (var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config.json"))))
                Assert.That(config.RootElement.GetProperty("symmetry_layer").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 1, -1 }));
            using (var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json"))))
            {
                var byLayer = metrics.RootElement.GetProperty("test_sym_loss_by_layer");
                double sum = byLayer.GetProperty("1").GetDouble() + byLayer.GetProperty("-1").GetDouble();
                Assert.That(metrics.RootElement.GetProperty("test_sym_loss").GetDouble(), Is.EqualTo(sum).Within(1e-4).Percent); // float32 sums, double terms
            }

            // history.csv: the sums as before, then each layer's terms, which add up to them.
            var history = File.ReadAllLines(Path.Combine(dir, "history.csv"));
            Assert.That(history[0], Is.EqualTo("epoch,lambda,train_task_loss,train_sym_loss,val_task_loss,val_sym_loss,elapsed_seconds," +
                "train_sym_loss_layer1,train_sym_loss_layer-1,val_sym_loss_layer1,val_sym_loss_layer-1"));
            foreach (var line in history.Skip(1))
            {
                var f = line.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                Assert.That(f[7] + f[8], Is.EqualTo(f[3]).Within(1e-4).Percent, line);
                Assert.That(f[9] + f[10], Is.EqualTo(f[5]).Within(1e-4).Percent, line);
            }

            var e = CliRunner.Run("evaluate", dir, "--json", "--metrics", "Q_h", "--no-reference");
            Assert.That(e.ExitCode, Is.EqualTo(0), e.Stderr);
            using (var report = JsonDocument.Parse(e.Stdout))
                Assert.That(report.RootElement.GetProperty("penalised_layer").EnumerateArray().Select(k => k.GetInt32()), Is.EqualTo(new[] { 1, -1 }));
            Assert.That(File.Exists(Path.Combine(dir, "profile.png")), Is.True);
            var table = CliRunner.Run("evaluate", dir, "--metrics", "Q_h", "--no-reference");
            Assert.That(table.Stdout, Does.Contain("* the penalised layers (the penalty is their sum)"));
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
