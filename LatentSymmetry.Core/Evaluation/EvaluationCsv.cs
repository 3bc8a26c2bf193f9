using System.Globalization;
using System.Text;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.IO;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// The companion CSV of <c>benchmark --evaluate</c>: one row per (cell, layer) with the cell's key columns, the
/// seed, the layer's measures and the run's orbit ratio and invariance errors. It lives in
/// <c>{results}/evaluate/</c> under the name of the cell's result file, so analyze's scan of the results never
/// mistakes it for a result file. Appends take an exclusive file lock and are flushed to disk, so several
/// jobs and shards share it; a cell interrupted between its companion rows and its result row is run again
/// and appears twice: readers keep the last rows of a key.
/// </summary>
public static class EvaluationCsv
{
    /// <summary>The header.</summary>
    public const string Header = "learning_rate,lambda_sym_max,symmetry_layer,seed,variant,layer,SL,Q_h,Q,RSL,MI,test_task_loss,orbit_ratio,invariance_error_float32,invariance_error_float64";

    /// <summary>The measures in the file's columns: the original project's five, fixed by the format (a new measure of the catalogue does not change it).</summary>
    public static IReadOnlyList<LayerMeasure> Measures { get; } = [LayerMeasures.SL, LayerMeasures.Qh, LayerMeasures.Q, LayerMeasures.Rsl, LayerMeasures.MI];

    /// <summary>The companion file of the result file <paramref name="resultFileName"/> in <paramref name="resultsDirectory"/>.</summary>
    public static string PathFor(string resultsDirectory, string resultFileName) => Path.Combine(resultsDirectory, "evaluate", resultFileName);

    /// <summary>The rows of one evaluated cell.</summary>
    public static string Rows(GridCell cell, RunEvaluation e)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder();
        foreach (var layer in e.Layers)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{PythonFloat.Format(cell.LearningRate)},{PythonFloat.Format(cell.LambdaMax)},{SymmetryLayerText.Format(cell.SymmetryLayer)},{cell.Seed},{cell.Variant ?? ""},{layer.Layer}");
            foreach (var measure in Measures) sb.Append(',').Append(N(layer.Get(measure).Value));
            sb.Append(',').Append(N(e.TestTaskLoss)).Append(',').Append(N(e.OrbitRatio)).Append(',').Append(N(e.InvarianceErrorFloat32)).Append(',').Append(N(e.InvarianceErrorFloat64)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="rows"/> to <paramref name="path"/> (created with its header), under an exclusive lock, flushed.</summary>
    public static void Append(string path, string rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = FileLock.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, TimeSpan.FromMinutes(2));
        var text = stream.Length == 0 ? Header + "\n" + rows : rows;
        long end = stream.Seek(0, SeekOrigin.End);
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // A write cut short by a full disk keeps only the rows written before it.
            ResultStore.TruncateQuietly(stream, end);
            throw;
        }
    }

    static string N(double v) => double.IsFinite(v) ? PythonFloat.Format(v) : "";
}
