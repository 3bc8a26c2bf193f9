namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// What discovery reads: N points of R^n, the gradient of the function under study at each (float64), and, when
/// known, an estimate of each gradient's error (the model's gradient minus the field's, or the spread of two
/// finite-difference steps), from which the noise floor of the spectrum follows.
/// </summary>
public sealed class GradientSample
{
    /// <summary>A sample of <paramref name="points"/> and <paramref name="gradients"/> (rows of <paramref name="n"/>).</summary>
    /// <param name="points">N rows of n coordinates.</param>
    /// <param name="gradients">∇f at each point, N rows of n.</param>
    /// <param name="gradientErrors">Each gradient's error (same shape), or null when the gradients are exact (closed form).</param>
    /// <param name="n">Coordinates per point.</param>
    /// <param name="source">How the gradients were obtained, for the report (e.g. <c>the model in float64; error against the field radial</c>).</param>
    public GradientSample(double[] points, double[] gradients, double[]? gradientErrors, int n, string source)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(gradients);
        if (n < 1 || points.Length % n != 0) throw new ArgumentException($"{points.Length} coordinates do not make rows of {n}", nameof(points));
        if (gradients.Length != points.Length) throw new ArgumentException($"{gradients.Length} gradient values for {points.Length} coordinates", nameof(gradients));
        if (gradientErrors is not null && gradientErrors.Length != points.Length)
            throw new ArgumentException($"{gradientErrors.Length} gradient errors for {points.Length} coordinates", nameof(gradientErrors));
        for (int i = 0; i < gradients.Length; i++)
            if (!double.IsFinite(gradients[i]) || !double.IsFinite(points[i]))
                throw new ArgumentException($"point {i / n}: its coordinates or gradient are not finite", nameof(gradients));
        Points = points;
        Gradients = gradients;
        GradientErrors = gradientErrors;
        PointDimension = n;
        Source = source;
    }

    /// <summary>The points, rows of <see cref="PointDimension"/>.</summary>
    public double[] Points { get; }

    /// <summary>The gradients, rows of <see cref="PointDimension"/>.</summary>
    public double[] Gradients { get; }

    /// <summary>Each gradient's error estimate, or null when exact.</summary>
    public double[]? GradientErrors { get; }

    /// <summary>
    /// True when <see cref="GradientErrors"/> are the gradients minus a reference's (a model against its field), so the
    /// reference's gradients are the difference; false when they are an error estimate of the gradients themselves
    /// (finite differences), which are then their own reference.
    /// </summary>
    public bool ErrorIsDeviation { get; init; }

    /// <summary>n.</summary>
    public int PointDimension { get; }

    /// <summary>Number of points.</summary>
    public int Count => Points.Length / PointDimension;

    /// <summary>How the gradients were obtained.</summary>
    public string Source { get; }

    /// <summary>The rows <paramref name="indices"/> (a chart).</summary>
    public GradientSample Subset(IReadOnlyList<int> indices)
    {
        int n = PointDimension;
        var p = new double[indices.Count * n];
        var g = new double[p.Length];
        var e = GradientErrors is null ? null : new double[p.Length];
        for (int r = 0; r < indices.Count; r++)
        {
            Array.Copy(Points, indices[r] * n, p, r * n, n);
            Array.Copy(Gradients, indices[r] * n, g, r * n, n);
            if (e is not null) Array.Copy(GradientErrors!, indices[r] * n, e, r * n, n);
        }
        return new GradientSample(p, g, e, n, Source) { ErrorIsDeviation = ErrorIsDeviation };
    }
}
