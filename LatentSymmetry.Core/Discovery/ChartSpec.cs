using System.Globalization;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// How <c>latsym discover --charts</c> splits the points into charts for local discovery: <c>shells:K</c> (K shells of
/// equal width in |x| from 0 to the largest |x|), <c>octants</c> (by the signs of the coordinates; quadrants on the
/// plane), <c>kmeans:K</c> (Lloyd's k-means, k-means++ start from a fixed seed) or <c>cone:DEG</c> (within DEG degrees
/// of +z, and the rest; 3-D only).
/// </summary>
public sealed class ChartSpec
{
    /// <summary>The kinds, as the help lists them.</summary>
    public const string ValidForms = "shells:K, octants, kmeans:K, cone:DEG";

    readonly string _kind;
    readonly double _value;

    ChartSpec(string kind, double value, string text)
    {
        _kind = kind;
        _value = value;
        Text = text;
    }

    /// <summary>The spec as given (canonical form).</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; false with a one-line <paramref name="error"/> (without the option's name) otherwise.</summary>
    public static bool TryParse(string text, out ChartSpec? spec, out string? error)
    {
        spec = null;
        error = null;
        var parts = (text ?? "").Trim().Split(':', 2);
        string kind = parts[0];
        string? arg = parts.Length > 1 ? parts[1] : null;
        switch (kind)
        {
            case "octants" when arg is null:
                spec = new ChartSpec(kind, 0, kind);
                return true;
            case "shells" or "kmeans":
                if (arg is null || !int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out int k) || k is < 1 or > 64)
                {
                    error = $"'{text}': {kind} needs a count K in 1..64, e.g. {kind}:3";
                    return false;
                }
                spec = new ChartSpec(kind, k, $"{kind}:{k}");
                return true;
            case "cone":
                if (arg is null || !double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out double deg) || !(deg > 0 && deg < 180))
                {
                    error = $"'{text}': cone needs a half-angle in degrees in (0, 180), e.g. cone:60";
                    return false;
                }
                spec = new ChartSpec(kind, deg, $"cone:{deg.ToString("R", CultureInfo.InvariantCulture)}");
                return true;
            default:
                error = $"'{text}' is not a chart spec; valid: {ValidForms}";
                return false;
        }
    }

    /// <summary>
    /// Splits <paramref name="points"/> (rows of <paramref name="n"/>) into charts, every chart listed even when empty
    /// (the caller warns about and skips those too small to discover in).
    /// </summary>
    /// <exception cref="ArgumentException">A cone on points that are not 3-D.</exception>
    public IReadOnlyList<Chart> Split(double[] points, int n)
    {
        ArgumentNullException.ThrowIfNull(points);
        int count = points.Length / n;
        return _kind switch
        {
            "shells" => Shells(points, n, count, (int)_value),
            "octants" => Octants(points, n, count),
            "kmeans" => KMeans(points, n, count, (int)_value),
            _ => Cone(points, n, count, _value),
        };
    }

    static double Norm(double[] p, int i, int n)
    {
        double s = 0;
        for (int a = 0; a < n; a++) s += p[i * n + a] * p[i * n + a];
        return Math.Sqrt(s);
    }

    static IReadOnlyList<Chart> Shells(double[] points, int n, int count, int k)
    {
        double largest = 0;
        for (int i = 0; i < count; i++) largest = Math.Max(largest, Norm(points, i, n));
        var members = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < count; i++)
            members[largest == 0 ? 0 : Math.Min(k - 1, (int)(Norm(points, i, n) / largest * k))].Add(i);
        return [.. members.Select((m, s) => new Chart(
            string.Create(CultureInfo.InvariantCulture, $"shell {s + 1}/{k} (|x| {largest * s / k:0.##}-{largest * (s + 1) / k:0.##})"), m))];
    }

    static IReadOnlyList<Chart> Octants(double[] points, int n, int count)
    {
        var names = new string[1 << n];
        for (int c = 0; c < names.Length; c++)
            names[c] = string.Concat(Enumerable.Range(0, n).Select(a => ((c >> a) & 1) == 0 ? "+" + "xyz"[a] : "-" + "xyz"[a]));
        var members = names.Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < count; i++)
        {
            int c = 0;
            for (int a = 0; a < n; a++) if (points[i * n + a] < 0) c |= 1 << a;
            members[c].Add(i);
        }
        return [.. names.Select((name, c) => new Chart(name, members[c]))];
    }

    static IReadOnlyList<Chart> Cone(double[] points, int n, int count, double degrees)
    {
        if (n != 3) throw new ArgumentException($"cone:{degrees} charts need 3-D points (a cone about +z), got {n}-D", nameof(points));
        double cos = Math.Cos(degrees * Math.PI / 180);
        var inside = new List<int>();
        var outside = new List<int>();
        // Within the cone: the angle to +z is at most DEG, i.e. z >= |x| cos(DEG) (the origin counts as inside).
        for (int i = 0; i < count; i++) (points[i * n + 2] >= Norm(points, i, n) * cos ? inside : outside).Add(i);
        string d = degrees.ToString("R", CultureInfo.InvariantCulture);
        return [new Chart($"inside cone:{d}", inside), new Chart($"outside cone:{d}", outside)];
    }

    // Lloyd's algorithm from a k-means++ start on a fixed seed, so the same points give the same charts; at most 100
    // rounds (it stops when no point changes cluster). The clusters are then numbered by their centres' |c|, inner first.
    static IReadOnlyList<Chart> KMeans(double[] points, int n, int count, int k)
    {
        var stream = new RandomStream(KMeansSeed);
        var centres = new double[k * n];
        var nearest = new double[count];
        Array.Fill(nearest, double.PositiveInfinity);
        int first = count == 0 ? 0 : stream.NextInt(count);
        for (int c = 0; c < k && count > 0; c++)
        {
            int pick = first;
            if (c > 0)
            {
                double total = 0;
                for (int i = 0; i < count; i++) total += nearest[i];
                double u = stream.NextDouble() * total;
                for (pick = 0; pick < count - 1 && (u -= nearest[pick]) > 0; pick++) { }
            }
            Array.Copy(points, pick * n, centres, c * n, n);
            for (int i = 0; i < count; i++) nearest[i] = Math.Min(nearest[i], Distance2(points, i, centres, c, n));
        }
        var label = new int[count];
        Array.Fill(label, -1);
        for (int round = 0; round < 100; round++)
        {
            bool changed = false;
            for (int i = 0; i < count; i++)
            {
                int best = 0;
                for (int c = 1; c < k; c++)
                    if (Distance2(points, i, centres, c, n) < Distance2(points, i, centres, best, n)) best = c;
                if (best != label[i]) { label[i] = best; changed = true; }
            }
            if (!changed) break;
            var sums = new double[k * n];
            var sizes = new int[k];
            for (int i = 0; i < count; i++)
            {
                sizes[label[i]]++;
                for (int a = 0; a < n; a++) sums[label[i] * n + a] += points[i * n + a];
            }
            for (int c = 0; c < k; c++)
                if (sizes[c] > 0)
                    for (int a = 0; a < n; a++) centres[c * n + a] = sums[c * n + a] / sizes[c];
        }
        var order = Enumerable.Range(0, k).OrderBy(c => Norm(centres, c, n)).ToArray();
        var charts = new Chart[k];
        for (int r = 0; r < k; r++)
        {
            int c = order[r];
            var centre = string.Join(", ", Enumerable.Range(0, n).Select(a => centres[c * n + a].ToString("0.##", CultureInfo.InvariantCulture)));
            charts[r] = new Chart($"cluster {r + 1}/{k} (centre {centre})", [.. Enumerable.Range(0, count).Where(i => label[i] == c)]);
        }
        return charts;
    }

    const int KMeansSeed = 20;

    static double Distance2(double[] p, int i, double[] centres, int c, int n)
    {
        double s = 0;
        for (int a = 0; a < n; a++)
        {
            double d = p[i * n + a] - centres[c * n + a];
            s += d * d;
        }
        return s;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Text;
}
