using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Plots;

public class FieldGalleryFigureTests
{
    [Test]
    public void Disk_samples_are_the_field_inside_the_disk_and_blank_outside()
    {
        var x = FieldCatalog.Parse("x");
        // 5 samples per side of [-2, 2]^2: coordinates -2, -1, 0, 1, 2; row 0 is y = 2.
        var v = FieldGalleryFigure.Sample(x, 2, 5);
        Assert.That(v[2, 2], Is.EqualTo(0.0));
        Assert.That(v[2, 3], Is.EqualTo(1.0));
        Assert.That(v[2, 4], Is.EqualTo(2.0));
        Assert.That(v[0, 2], Is.EqualTo(0.0), "(0, 2) is on the rim, inside");
        Assert.That(v[0, 0], Is.NaN, "(-2, 2) is outside the disk");
        Assert.That(v[1, 1], Is.EqualTo(-1.0), "(-1, 1) is inside");
        var y = FieldGalleryFigure.Sample(FieldCatalog.Parse("y"), 2, 5);
        Assert.That(y[0, 2], Is.EqualTo(2.0));
        Assert.That(y[4, 2], Is.EqualTo(-2.0));
    }

    [Test]
    public void Three_dimensional_fields_are_drawn_on_the_x_z_plane()
    {
        var broken = FieldCatalog.Parse("broken:eps=1");
        var radial = FieldCatalog.Parse("radial");
        var v = FieldGalleryFigure.Sample(broken, 2, 5);
        // Row 0 is z = 2, column 4 is x = 2; every cell of the square is drawn.
        Assert.That(v[0, 4], Is.EqualTo(broken.Evaluate([2, 0, 2])));
        Assert.That(v[0, 4] - radial.Evaluate([2, 0, 2]), Is.EqualTo(4).Within(1e-12));
        Assert.That(v.Cast<double>().All(double.IsFinite));
    }

    [Test]
    public void The_grid_has_at_most_five_columns()
    {
        var all = FieldCatalog.All.Select(d => FieldCatalog.Parse(d.Name)).ToList();
        var figure = new FieldGalleryFigure(all, 1, 5, titleWithSpec: false);
        Assert.That((figure.Columns, figure.Rows), Is.EqualTo((5, (all.Count + 4) / 5)));
        var three = new FieldGalleryFigure(all.Take(3).ToList(), 1, 5, titleWithSpec: false);
        Assert.That((three.Columns, three.Rows), Is.EqualTo((3, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FieldGalleryFigure(all, 0, 5, titleWithSpec: false));
    }
}
