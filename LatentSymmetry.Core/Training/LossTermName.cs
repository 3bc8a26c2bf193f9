namespace LatentSymmetry.Core.Training;

/// <summary>
/// The rule for a loss term's name, which becomes a history.csv column <c>train_NAME</c>: lower-case letters, digits
/// and '_', starting with a letter, and not one of the columns the task loss and the orbit penalty already have.
/// </summary>
static class LossTermName
{
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name[0] is >= 'a' and <= 'z' && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_')
        && name != "task_loss" && !name.StartsWith("sym_loss", StringComparison.Ordinal);
}
