using LatentSymmetry.Core.Experiments.Survey;

namespace LatentSymmetry.Tests.Experiments;

/// <summary>survey.csv and survey_summary.csv from a table whose figures are computed here by hand.</summary>
public class SurveyTableTests
{
    [Test]
    public void The_files_list_every_run_and_summarise_the_finite_values_per_layer()
    {
        var table = new SurveyTable("Q", depth: 2);
        table.AddField("radius", invariant: true);
        table.AddField("x", invariant: false);
        table.AddRun("radius", 1, [0.5, 0.25]);
        table.AddRun("radius", 3, [1.5, double.NaN]);
        table.AddRun("x", 2, [2.0]);

        Assert.That(table.Csv(), Is.EqualTo(
            "field,invariant,seed,layer,Q\n" +
            "\"radius\",True,1,1,0.5\n\"radius\",True,1,-1,0.25\n\"radius\",True,3,1,1.5\n\"radius\",True,3,-1,nan\n\"x\",False,2,1,2.0\n"));
        var lines = table.SummaryCsv().Split('\n');
        Assert.That(lines[0], Is.EqualTo("field,invariant,layer,n,mean,ci95_half_width,median"));
        // Layer 1 of radius: 0.5 and 1.5, mean 1, s = sqrt(0.5), half width t(0.975, 1) s / sqrt(2) = 12.706204736174698 * 0.5.
        var radius1 = lines[1].Split(',');
        Assert.That(radius1[..4], Is.EqualTo(new[] { "\"radius\"", "True", "1", "2" }));
        Assert.That(double.Parse(radius1[4], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(1.0));
        Assert.That(double.Parse(radius1[5], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(12.706204736174698 * 0.5).Within(1e-9));
        Assert.That(lines[2], Does.StartWith("\"radius\",True,-1,1,0.25,"), "the NaN of seed 3 is left out");
        Assert.That(lines[4], Does.StartWith("\"x\",False,-1,0,"), "a layer no run has counts no value");
        Assert.That(table.Values("x", 1), Is.EqualTo(new[] { double.NaN }));
    }

    [Test]
    public void A_field_is_added_once_and_a_run_needs_its_field()
    {
        var table = new SurveyTable("Q", 3);
        table.AddField("radius", true);
        Assert.Throws<ArgumentException>(() => table.AddField("radius", true));
        Assert.Throws<ArgumentException>(() => table.AddRun("x", 1, [1.0]));
    }
}
