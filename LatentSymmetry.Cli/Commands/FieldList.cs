namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// Splits a comma-separated list of field specs whose own parameters are comma-separated too
/// ("gaussian-ring,multi-ring:centers=0.3;0.7,std=0.08,x"): a piece that is a parameter (k=v, no colon before
/// the '=') belongs to the spec before it, and commas inside parentheses (a mix's parts) never split. As for
/// every list (<see cref="ListOptionText"/>), an empty item is an error naming the option.
/// </summary>
internal static class FieldList
{
    public static List<string> Split(string text, string option = "--fields")
    {
        var pieces = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '(') depth++;
            else if (i < text.Length && text[i] == ')') depth--;
            else if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                var piece = text[start..i].Trim();
                int eq = piece.IndexOf('='), colon = piece.IndexOf(':');
                bool isParameter = eq > 0 && (colon < 0 || colon > eq);
                if (piece.Length == 0)
                    throw new UsageException(text.Trim().Length == 0 ? $"{option}: empty value; give field specs separated by commas" : $"{option}: empty item in '{text}'");
                if (isParameter && pieces.Count > 0) pieces[^1] += "," + piece;
                else pieces.Add(piece);
                start = i + 1;
            }
        }
        return pieces;
    }
}
