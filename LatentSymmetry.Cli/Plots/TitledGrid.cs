using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// A multiplot layout of a title band across the top (the first plot, <see cref="HeaderHeight"/> pixels high) above a
/// grid of equal cells filled row by row with the other plots.
/// </summary>
internal sealed class TitledGrid(int rows, int columns, float headerHeight) : IMultiplotLayout
{
    /// <summary>Rows of the grid under the title band.</summary>
    public int Rows { get; } = rows;

    /// <summary>Columns of the grid.</summary>
    public int Columns { get; } = columns;

    /// <summary>Height of the title band in pixels.</summary>
    public float HeaderHeight { get; } = headerHeight;

    /// <inheritdoc/>
    public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figureRect)
    {
        PixelRect[] rectangles = new PixelRect[subplots.Count];
        float top = figureRect.Top + HeaderHeight;
        float cellWidth = figureRect.Width / Columns, cellHeight = (figureRect.Height - HeaderHeight) / Rows;
        for (int i = 0; i < subplots.Count; i++)
        {
            if (i == 0)
            {
                rectangles[i] = new PixelRect(figureRect.Left, figureRect.Right, top, figureRect.Top);
                continue;
            }
            int row = (i - 1) / Columns, column = (i - 1) % Columns;
            float left = figureRect.Left + column * cellWidth, cellTop = top + row * cellHeight;
            rectangles[i] = new PixelRect(left, left + cellWidth, cellTop + cellHeight, cellTop);
        }
        return rectangles;
    }
}
