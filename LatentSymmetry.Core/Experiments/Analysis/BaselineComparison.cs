using LatentSymmetry.Core.Experiments.Statistics;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// A cell against the baseline across seeds, paired by file: the seeds where both have a finite task loss.
/// </summary>
/// <param name="Pairs">Seeds (files) with both a finite cell and a finite baseline task loss.</param>
/// <param name="CellMean">Mean cell task loss over the pairs.</param>
/// <param name="BaselineMean">Mean baseline task loss over the pairs.</param>
/// <param name="CellMedian">Median cell task loss over the pairs.</param>
/// <param name="BaselineMedian">Median baseline task loss over the pairs.</param>
/// <param name="Factor">BaselineMean / CellMean: above 1 means the cell's loss is lower.</param>
/// <param name="Test">Wilcoxon signed-rank test of cell − baseline, two-sided.</param>
/// <param name="BeatsBaseline">True when the test's p is below the analysis's alpha (0.05) and the cell's median is below the baseline's.</param>
public sealed record BaselineComparison(
    int Pairs,
    double CellMean,
    double BaselineMean,
    double CellMedian,
    double BaselineMedian,
    double Factor,
    WilcoxonResult Test,
    bool BeatsBaseline);
