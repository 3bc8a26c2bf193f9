using System.Globalization;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Tests.Cli;

namespace LatentSymmetry.Tests.Data;

public class SampleFileTests : TempDirectoryTests
{
    const string ExpectedSha = "71968d0c45b7e8306b2026ad4f74bfac8d2b3f9f524ba0c24847595d5bb5042b";

    string Write(string name, string text)
    {
        string path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    // n rows of (x, y, z, f) with distinct values, f = 100 i, so every row can be recognised by its target.
    string Rows(int n, string name = "s.csv")
    {
        var lines = new List<string> { "x,y,z,f" };
        for (int i = 0; i < n; i++) lines.Add(string.Create(CultureInfo.InvariantCulture, $"{i + 1},{-0.5 * i},{0.25 * i},{100 * i}"));
        return Write(name, string.Join("\n", lines) + "\n");
    }

    [Test]
    public void Reads_columns_by_name_in_any_order_ignoring_case_spaces_and_other_columns()
    {
        // A byte-order mark, CRLF line ends, an empty line, quoted and spaced names, extra columns.
        var path = Write("a.csv", "\uFEFFid, F ,\"Y\",X,note\r\n7,1.5,-2,3e-1,a\r\n\r\n8,2,0.5,4,b\r\n9,-1,1,2,c\r\n10,0,1,1,d\r\n11,0.25,2,2,e\r\n");
        var file = SampleFile.Read(path);
        Assert.That(file.Dimension, Is.EqualTo(2));
        Assert.That(file.Count, Is.EqualTo(5));
        Assert.That(file.Points.Take(4), Is.EqualTo(new[] { 0.3, -2, 4, 0.5 }));
        Assert.That(file.Targets, Is.EqualTo(new[] { 1.5, 2, -1, 0, 0.25 }));
        Assert.That(file.Source.TargetColumn, Is.EqualTo("F"));
        Assert.That(file.Source.Path, Is.EqualTo(Path.GetFullPath(path)));
        Assert.That(file.MaxAbsCoordinate, Is.EqualTo(4));
        Assert.That(file.MaxRadius, Is.EqualTo(Math.Sqrt(4 * 4 + 0.5 * 0.5)));
    }

    [Test]
    public void The_hash_is_the_sha256_of_the_files_bytes()
    {
        // Python hashlib.sha256 of these bytes, computed outside .NET.
        var file = SampleFile.Read(Write("h.csv", "x,y,f\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n"));
        Assert.That(file.Source.Sha256, Is.EqualTo(ExpectedSha));
        Assert.That(file.Source.Rows, Is.EqualTo(5));
    }

    [TestCase(5, 3, 1, 1)]
    [TestCase(10, 6, 2, 2)]
    [TestCase(17, 10, 3, 4)]
    [TestCase(1000, 600, 200, 200)]
    public void Splits_60_20_20_into_disjoint_parts_that_cover_every_row(int n, int train, int validation, int test)
    {
        var data = SampleFile.Read(Rows(n)).Split<double>(12345, TrainRegion.Full, SamplingDomain.Box(3, n));
        Assert.That((data.Train.Count, data.Validation.Count, data.Test.Count, data.Count), Is.EqualTo((train, validation, test, n)));
        var rows = data.Train.SourceRows.ToArray().Concat(data.Validation.SourceRows.ToArray()).Concat(data.Test.SourceRows.ToArray()).ToList();
        Assert.That(rows.Order(), Is.EqualTo(Enumerable.Range(0, n)));
        // Each split row carries its own file row: f = 100 i, x = i + 1.
        for (int k = 0; k < data.Test.Count; k++)
        {
            int i = data.Test.SourceRows[k];
            Assert.That((data.Test.Targets[k], data.Test.Points[3 * k]), Is.EqualTo((100.0 * i, i + 1.0)));
        }
    }

    [Test]
    public void The_split_is_a_function_of_the_data_seed()
    {
        var file = SampleFile.Read(Rows(200));
        var domain = SamplingDomain.Box(3, 200);
        int[] Test(int seed) => file.Split<float>(seed, TrainRegion.Full, domain).Test.SourceRows.ToArray();
        Assert.That(Test(7), Is.EqualTo(Test(7)));
        Assert.That(SampleFile.Read(Rows(200, "copy.csv")).Split<float>(7, TrainRegion.Full, domain).Test.SourceRows.ToArray(), Is.EqualTo(Test(7)));
        Assert.That(Test(8), Is.Not.EqualTo(Test(7)));
        // The permutation is the data seed's stream's first: the same one a drawn data set takes after its points.
        var permutation = new Core.Seeding.RandomStream(7).Permutation(200);
        Assert.That(Test(7), Is.EqualTo(permutation[160..]));
    }

    [Test]
    public void A_region_filters_each_split_of_the_same_permutation()
    {
        // Even rows lie 5.7 degrees from +z, odd rows 5.7 degrees from -z: cone:60 keeps exactly the even ones.
        var lines = new List<string> { "x,y,z,f" };
        for (int i = 0; i < 300; i++) lines.Add(string.Create(CultureInfo.InvariantCulture, $"1,0,{(i % 2 == 0 ? 10 : -10)},{i}"));
        var file = SampleFile.Read(Write("cone.csv", string.Join("\n", lines)));
        var domain = SamplingDomain.Box(3, 10);
        var full = file.Split<double>(3, TrainRegion.Full, domain);
        var cone = file.Split<double>(3, TrainRegion.Cone(60), domain);
        Assert.That(cone.Region, Is.EqualTo(TrainRegion.Cone(60)));
        Assert.That(cone.Count, Is.EqualTo(300));
        foreach (var (f, c) in new[] { (full.Train, cone.Train), (full.Validation, cone.Validation), (full.Test, cone.Test) })
            Assert.That(c.SourceRows.ToArray(), Is.EqualTo(f.SourceRows.ToArray().Where(i => i % 2 == 0).ToArray()));
    }

    static IEnumerable<TestCaseData> Malformed()
    {
        TestCaseData Case(string text, string message, string name) => new TestCaseData(text, message).SetName($"A malformed file is one line naming it: {name}");
        const string ok = "1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n";
        yield return Case("", "s.csv: empty", "empty file");
        yield return Case("\n  \n", "s.csv: empty", "blank lines only");
        yield return Case("x,y,z,f\n", "s.csv: 0 data rows; a 60/20/20 split needs at least 5", "header only");
        yield return Case("x,y,z,f\n1,2,3,4\n1,2,3,4\n", "s.csv: 2 data rows", "too few rows");
        yield return Case("x,z,f\n" + "1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n", "s.csv:1: no column 'y' (the header names x, z, f", "missing input column");
        yield return Case("x,y,z,g\n" + ok + "1,2,3,4\n", "s.csv:1: no target column 'f' (the header names x, y, z, g", "missing target column");
        yield return Case("x,y,x,f\n" + ok + "1,2,3,4\n", "s.csv:1: column 'x' is named twice (columns 1 and 3)", "duplicate header");
        yield return Case("x,y,z,F,f\n" + "1,2,3,4,5\n", "s.csv:1: column 'f' is named twice (columns 4 and 5)", "duplicate header ignoring case");
        yield return Case("x,y,,f\n" + ok, "s.csv:1: column 3 of the header has no name", "empty header name");
        yield return Case("x,y,z,f\n1,2,3,4\n1,abc,3,4\n" + ok, "s.csv:3: column 'y' (field 2): 'abc' is not a number", "non-number");
        yield return Case("x,y,z,f\n1,2,3,4\n1,2,3,\n" + ok, "s.csv:3: column 'f' (field 4): '' is not a number", "empty field");
        yield return Case("x,y,z,f\n" + ok + "1,2,3,NaN\n", "s.csv:6: column 'f' (field 4): 'NaN' is not finite", "NaN target");
        yield return Case("x,y,z,f\n" + ok + "1,-Infinity,3,4\n", "s.csv:6: column 'y' (field 2): '-Infinity' is not finite", "infinite input");
        yield return Case("x,y,z,f\n" + ok + "1,2,1e999,4\n", "s.csv:6: column 'z' (field 3): '1e999' is not finite", "overflowing number");
        yield return Case("x,y,z,f\n" + ok + "1,2,3\n", "s.csv:6: 3 fields, the header has 4", "too few fields");
        yield return Case("x,y,z,f\n1,2,3,4,5\n" + ok, "s.csv:2: 5 fields, the header has 4", "too many fields");
        yield return Case("x;y;z;f\n1;2;3;4\n", "s.csv:1: no column 'x' (the header names x;y;z;f", "semicolons");
        yield return Case("x,y,z,f\n1,2,3,4\n1,2,3,\"4\"\n" + ok, "s.csv:3: column 'f' (field 4): '\"4\"' is not a number", "quoted number");
    }

    [TestCaseSource(nameof(Malformed))]
    public void Malformed_input_is_a_one_line_error_naming_file_line_and_column(string text, string message)
    {
        var path = Write("s.csv", text);
        var e = Assert.Throws<SampleFileException>(() => SampleFile.Read(path));
        Assert.That(e!.Message, Does.Contain(message));
        Assert.That(e.Message, Does.StartWith(path));
        Assert.That(e.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void A_decimal_comma_is_not_read_as_a_number_in_any_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var file = SampleFile.Read(Write("de.csv", "x,y,f\n1.5,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n"));
            Assert.That(file.Points[0], Is.EqualTo(1.5));
            var e = Assert.Throws<SampleFileException>(() => SampleFile.Read(Write("de2.csv", "x;y;f\n1,5;2;3\n")));
            Assert.That(e!.Message, Does.Contain("no column 'x'"));
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Test]
    public void A_target_column_may_be_named_but_not_as_an_input()
    {
        var path = Write("t.csv", "x,y,energy\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n1,2,3\n");
        Assert.That(SampleFile.Read(path, "Energy").Targets, Is.All.EqualTo(3));
        var e = Assert.Throws<SampleFileException>(() => SampleFile.Read(path, "y"));
        Assert.That(e!.Message, Does.Contain("the target column 'y' is an input column"));
        Assert.That(Assert.Throws<SampleFileException>(() => SampleFile.Read(Path.Combine(Dir, "none.csv")))!.Message, Does.EndWith("none.csv: no such file"));
    }

    [Test]
    public void Reread_refuses_a_file_that_moved_or_changed()
    {
        var path = Rows(20);
        var source = SampleFile.Read(path).Source;
        Assert.That(SampleFile.Reread(source).Targets, Has.Length.EqualTo(20));
        File.AppendAllText(path, "1,2,3,4\n");
        var changed = Assert.Throws<SampleFileException>(() => SampleFile.Reread(source));
        Assert.That(changed!.Message, Does.StartWith(path + ": changed since the run trained on it").And.Contain(source.Sha256));
        File.Delete(path);
        Assert.That(Assert.Throws<SampleFileException>(() => SampleFile.Reread(source))!.Message, Does.StartWith(path + ": no such file"));
    }
}
