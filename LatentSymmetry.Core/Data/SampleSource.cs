namespace LatentSymmetry.Core.Data;

/// <summary>
/// What a run trained on when its samples came from a file (<c>latsym train --data FILE.csv</c>): the file's full path,
/// the SHA-256 of its bytes, its number of data rows, the target column's name and the number of input columns (2: x, y;
/// 3: x, y, z). config.json records it, so a saved run re-reads the same file and refuses one that changed.
/// </summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes, lower-case hex.</param>
/// <param name="Rows">Data rows (the header not counted).</param>
/// <param name="TargetColumn">The header name of the target column.</param>
/// <param name="Dimension">Input columns: 2 (x, y) or 3 (x, y, z).</param>
public sealed record SampleSource(string Path, string Sha256, int Rows, string TargetColumn, int Dimension)
{
    /// <summary>The default name of the target column.</summary>
    public const string DefaultTargetColumn = "f";

    /// <summary>"data:NAME.csv": what config.json's <c>field</c>, run names and titles show in place of a field's spec.</summary>
    public string Label => "data:" + System.IO.Path.GetFileName(Path);
}
