using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.IO;
namespace LatentSymmetry.Core.Experiments;

/// <summary>
/// Identifies a cell within one result file: (learning_rate, lambda_sym_max, symmetry_layer). Equality is exact on the
/// doubles (files round-trip them exactly); negative zero is folded into zero.
/// </summary>
public readonly record struct CellKey
{
    /// <summary>Creates a key; <paramref name="symmetryLayer"/> is null for the baseline.</summary>
    public CellKey(double learningRate, double lambdaMax, SymmetryLayer symmetryLayer)
    {
        // +0.0 and -0.0 compare equal but must also hash equal; fold them.
        LearningRate = learningRate == 0 ? 0 : learningRate;
        LambdaMax = lambdaMax == 0 ? 0 : lambdaMax;
        SymmetryLayer = symmetryLayer;
    }

    /// <summary>The optimiser's learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>The final weight of the symmetry loss (lambda_sym_max).</summary>
    public double LambdaMax { get; }

    /// <summary>The penalised layer (1..L, or -1 for the output); null for the baseline run.</summary>
    public SymmetryLayer SymmetryLayer { get; }

    /// <summary>True for the run without symmetry loss.</summary>
    public bool IsBaseline => !SymmetryLayer.IsSet;

    /// <summary>Readable form, e.g. <c>lr=0.0003 lambda=0.1 layer=3</c>.</summary>
    public override string ToString() =>
        $"lr={PythonFloat.Format(LearningRate)} lambda={PythonFloat.Format(LambdaMax)} layer={SymmetryLayer}";
}
