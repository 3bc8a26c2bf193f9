using System.CommandLine;
using System.Globalization;
using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Cli.Commands;

/// <summary>The settings of <c>--model relaxed</c> (<see cref="RelaxedModelKind"/>): its branch and the branch's penalty.</summary>
internal sealed class RelaxCliOptions
{
    public readonly Option<string?> Branch = new("--relax-branch")
    {
        Description = "Branch of --model relaxed, added to the invariant model: quadratic (a linear map of x, y, z, x^2, y^2, z^2, x*y, x*z, y*z " +
            "without bias, starting at zero; its coefficients are metrics.json's branch_coefficients) or mlp (an MLP of 2 hidden layers " +
            "of 32 on the coordinates, PyTorch's initialisation with its output layer's times 1e-3). Default: quadratic.",
        HelpName = "quadratic|mlp",
    };
    public readonly Option<string?> Penalty = new("--relax-penalty")
    {
        Description = "Penalty on the branch's parameters w, added to the objective as the loss term branch_penalty (history.csv train_branch_penalty): " +
            "l2 (sum of w^2) or l1 (sum of |w|). Default: l2.",
        HelpName = "l2|l1",
    };
    public readonly Option<double?> Weight = new("--relax-weight")
    {
        Description = "Weight W of the branch penalty (constant over the epochs; 0 measures it only). Default: " +
            RelaxedModelKind.DefaultWeight.ToString("R", CultureInfo.InvariantCulture) + ".",
        HelpName = "W",
    };

    /// <summary>The three options.</summary>
    public Option[] All => [Branch, Penalty, Weight];

    /// <summary>
    /// <paramref name="model"/> with the settings given (the relaxed kind's), or a <see cref="UsageException"/> for a bad
    /// value or a setting given with another model. <paramref name="given"/> says whether the command line gave an option.
    /// </summary>
    public ModelKind Apply(ParseResult p, ModelKind model, Func<Option, bool> given)
    {
        if (model is not RelaxedModelKind)
        {
            foreach (var option in All)
                if (given(option)) throw new UsageException($"{option.Name} needs --model relaxed (the model is {model.Name})");
            return model;
        }
        var d = RelaxedModelKind.Default;
        var branch = d.Branch;
        var penalty = d.Penalty;
        double weight = d.Weight;
        if (given(Branch) && !RelaxedModelKind.TryParseBranch(p.GetValue(Branch), out branch))
            throw new UsageException($"--relax-branch: '{p.GetValue(Branch)}' is not a branch; valid: quadratic, mlp");
        if (given(Penalty) && !RelaxedModelKind.TryParsePenalty(p.GetValue(Penalty), out penalty))
            throw new UsageException($"--relax-penalty: '{p.GetValue(Penalty)}' is not a penalty; valid: l2, l1");
        if (given(Weight)) weight = p.GetValue(Weight) ?? weight;
        if (!double.IsFinite(weight) || weight < 0)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--relax-weight must be a finite number >= 0, got {weight:R}"));
        return RelaxedModelKind.With(branch, penalty, weight);
    }
}
