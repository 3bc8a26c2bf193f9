using LatentSymmetry.Core.Data;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Cli.Output;

/// <summary>Draws a run's figures, loss_curves.png and slice.png (scalar fields only), into its (staging) directory.</summary>
internal static class RunFigures
{
    const int SliceSize = 121;

    public static void Write(string directory, TrainingResult result)
    {
        new LossCurvesFigure(History(result)).Save(Path.Combine(directory, LossCurvesFigure.DefaultFileName));
        // The slice draws a scalar prediction against its field; a vector run has d of them, so it has loss curves only.
        // A sample file has no truth between its rows to draw beside the prediction: loss curves only, too.
        if (result.Options.VectorField is null && result.Options.DataSource is null) new FieldSliceFigure(Slice(result)).Save(Path.Combine(directory, FieldSliceFigure.DefaultFileName));
    }

    internal static LossHistory History(TrainingResult r)
    {
        int perEpoch = (r.Data.Train.Count + r.Options.BatchSize - 1) / r.Options.BatchSize;
        // Batch b of epoch e ends at e + (b + 1) / B on the epoch axis; per-epoch values sit at e + 1.
        List<EpochPoint> PerBatch(IReadOnlyList<double> values) =>
            values.Select((v, i) => new EpochPoint(i / perEpoch + (i % perEpoch + 1.0) / perEpoch, v)).ToList();
        var task = new LossHistory(
            PerBatch(r.BatchTaskLosses),
            EpochPoint.PerEpoch(r.History.Select(h => h.TrainTaskLoss).ToList()),
            EpochPoint.PerEpoch(r.History.Select(h => h.ValTaskLoss).ToList()),
            r.Options.SymmetryLayers.IsSet
                ? new SymmetryLossHistory(
                    PerBatch(r.BatchSymLosses),
                    EpochPoint.PerEpoch(r.History.Select(h => h.TrainSymLoss ?? double.NaN).ToList()),
                    EpochPoint.PerEpoch(r.History.Select(h => h.ValSymLoss ?? double.NaN).ToList()),
                    EpochPoint.PerEpoch(r.History.Select(h => h.Lambda).ToList()))
                : null);
        return task;
    }

    /// <summary>
    /// The z = 0 plane (3-D; the y = 0 plane, x-z, for a cone run, whose cone about +z would not cross z = 0) or the
    /// plane of the disk (2-D) over the data's domain [-E, E]^2 (E the box half-width or the disk's radius): row i is
    /// y_i (z_i), column j is x_j, both linspace(-E, E, n). On the disk, cells further than a cell's diagonal outside
    /// the annulus the data were drawn from are left blank (NaN); the figure draws the edge itself. The training
    /// region, when not the whole domain, is given as the rays bounding it in the plane.
    /// </summary>
    internal static FieldSlice Slice(TrainingResult r) =>
        Slice(r.Options, r.Data.Domain, r.Data.Field ?? r.Options.TargetField, r.Model); // the CLI trains on a field of its options

    /// <summary>The slice of <paramref name="model"/> against <paramref name="field"/> over <paramref name="domain"/>, as <see cref="Slice(TrainingResult)"/> (a saved run's, for the report).</summary>
    internal static FieldSlice Slice(TrainingOptions options, SamplingDomain domain, Core.Fields.IScalarField field, Core.Models.Module<float> model)
    {
        int n = SliceSize, d = domain.Dimension;
        double extent = domain.Extent;
        double inner = options.InnerRadius;
        TrainRegion region = options.TrainRegion;
        bool cone = region.Kind == TrainRegionKind.Cone && d == 3;
        // Cells the disk's edge crosses need values, so the smooth edge drawn over them has colour on its inside.
        double reach = n > 1 ? Math.Sqrt(2) * 2 * extent / (n - 1) : 0;
        var points = new float[d * n * n];
        var truth = new double[n * n];
        var outside = new bool[n * n];
        Span<double> point = stackalloc double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double x = -extent + 2 * extent * j / (n - 1), y = -extent + 2 * extent * i / (n - 1);
                int p = i * n + j;
                int vertical = cone ? 2 : 1;
                points[d * p] = (float)x;
                points[d * p + vertical] = (float)y;
                point.Clear();
                point[0] = points[d * p];
                point[vertical] = points[d * p + vertical];
                double radius = Math.Sqrt(x * x + y * y);
                outside[p] = d == 2 && (radius > extent + reach || radius < inner - reach);
                truth[p] = outside[p] ? double.NaN : field.Evaluate(point);
            }
        var prediction = new Evaluator<float>().Predict(model, points).Select((v, p) => outside[p] ? double.NaN : v).ToList();
        return new FieldSlice(n, extent, prediction, truth)
        {
            Plane = d == 3 ? (cone ? "y = 0" : "z = 0") : null,
            VerticalLabel = cone ? "z" : "y",
            ValueLabel = field.Name == "radial" ? "f" : $"f ({field.Name})",
            Disk = d == 2 ? (extent, inner) : null,
            RegionEdges = RegionEdges(region, d),
            RegionLabel = $"training region ({region})",
        };
    }

    /// <summary>
    /// The rays bounding <paramref name="region"/> in the slice's plane, in degrees from the horizontal axis: a sector
    /// of D degrees about +x at ±D/2, a cone of half-angle D about +z (vertical in the x-z plane) at 90 ± D; none for
    /// the whole domain or a region that is all of it.
    /// </summary>
    internal static double[] RegionEdges(TrainRegion region, int dimension) => region.Kind switch
    {
        TrainRegionKind.Sector when region.Degrees < 360 => [region.Degrees / 2, -region.Degrees / 2],
        TrainRegionKind.Cone when dimension == 3 && region.Degrees < 180 => [90 - region.Degrees, 90 + region.Degrees],
        _ => [],
    };
}
