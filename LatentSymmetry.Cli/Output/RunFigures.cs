using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Cli.Output;

/// <summary>Draws a run's figures (loss_curves.png, slice.png) into its directory.</summary>
internal static class RunFigures
{
    public static void Write(string directory, TrainingResult result)
    {
        // Filled in with the ScottPlot renderers.
    }
}
