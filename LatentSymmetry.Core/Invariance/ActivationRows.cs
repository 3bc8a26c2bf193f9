using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// A layer's activations at the test points as a float64 row-major copy (rows = points): the measures
/// accumulate in double whatever precision the network ran in, so a float32 run and its float64 replay
/// are measured alike.
/// </summary>
internal sealed class ActivationRows
{
    public ActivationRows(int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        Data = new double[rows * cols];
    }

    public int Rows { get; }

    public int Cols { get; }

    public double[] Data { get; }

    public Span<double> Row(int i) => Data.AsSpan(i * Cols, Cols);

    public static ActivationRows From<T>(Variable<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rows = new ActivationRows(t.Rows, t.Cols);
        var source = t.Span;
        for (int i = 0; i < source.Length; i++) rows.Data[i] = double.CreateTruncating(source[i]);
        return rows;
    }

    /// <summary>The column means.</summary>
    public double[] ColumnMeans()
    {
        var mean = new double[Cols];
        for (int i = 0; i < Rows; i++) System.Numerics.Tensors.TensorPrimitives.Add(mean, Row(i), mean);
        System.Numerics.Tensors.TensorPrimitives.Divide(mean, Rows, mean);
        return mean;
    }

    /// <summary>A copy with <paramref name="mean"/> subtracted from every row.</summary>
    public ActivationRows Centred(ReadOnlySpan<double> mean)
    {
        var c = new ActivationRows(Rows, Cols);
        for (int i = 0; i < Rows; i++) System.Numerics.Tensors.TensorPrimitives.Subtract(Row(i), mean, c.Row(i));
        return c;
    }

    /// <summary>
    /// Σ x_i², added in index order. TensorPrimitives' reductions add in an order that depends on the
    /// vector width, and the measures are reported bit for bit on every machine.
    /// </summary>
    public static double SumOfSquares(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += v * v;
        return s;
    }

    /// <summary>Σ x_i, added in index order.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (double v in x) s += v;
        return s;
    }

    /// <summary>‖row_i‖² for every row.</summary>
    public double[] RowSquaredNorms()
    {
        var norms = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            norms[i] = SumOfSquares(Row(i));
        }
        return norms;
    }
}
