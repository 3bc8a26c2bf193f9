namespace LatentSymmetry.Cli.Commands;

/// <summary>Expands the FILES arguments of analyze and compare: files, directories (their *.csv) and globs (* and ? in the file name).</summary>
internal static class ResultFileSelection
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (var arg in arguments)
        {
            if (Directory.Exists(arg))
            {
                files.AddRange(Directory.EnumerateFiles(arg, "*.csv").Order(StringComparer.Ordinal));
                continue;
            }
            var name = Path.GetFileName(arg);
            if (name.Contains('*') || name.Contains('?'))
            {
                var dir = Path.GetDirectoryName(arg);
                dir = string.IsNullOrEmpty(dir) ? "." : dir;
                if (!Directory.Exists(dir)) throw new UsageException($"'{arg}': directory '{dir}' does not exist");
                var matched = Directory.EnumerateFiles(dir, name).Order(StringComparer.Ordinal).ToList();
                if (matched.Count == 0) throw new UsageException($"'{arg}' matches no file");
                files.AddRange(matched.Select(m => dir == "." && !arg.StartsWith("./", StringComparison.Ordinal) ? Path.GetFileName(m) : m));
                continue;
            }
            if (!File.Exists(arg)) throw new UsageException($"'{arg}': no such file or directory");
            files.Add(arg);
        }
        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) throw new UsageException("no result files selected (the directories hold no .csv files)");
        return distinct;
    }
}
