using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Symmetry;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Fields;
using Spectre.Console;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym fields</c>: the field catalogue (formula, parameters, defaults, dimension, invariance), or one spec checked and expanded.</summary>
internal static class FieldsCommand
{
    /// <summary>The spec syntax in a few lines: the help text and the end of the table show it.</summary>
    internal const string Syntax =
        "A field spec is NAME or NAME:PARAM=VALUE,PARAM=VALUE; parameters left out take their defaults. Numbers are " +
        "written 0.08 or 1e-3; a list is separated by ';' (multi-ring:centers=0.2;0.5;0.8). A field inside mix goes in " +
        "parentheses with its own parameters, and mixes nest: mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2) " +
        "or mix:a=(mix:alpha=0.2,a=(radius),b=(x)),b=(vortex). Quote a spec in the shell.";

    public static Command Create(TextWriter stdout)
    {
        var spec = new Argument<string?>("SPEC")
        {
            Description = "A field spec to check: prints its canonical form (every parameter written out), dimension, formula with the values, " +
                "and the groups it is invariant under; a bad spec is a one-line error (exit code 2). Without SPEC, the whole catalogue.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var dimension = new Option<int?>("--dimension", "-d") { Description = "List only the fields of this dimension (2: the disk, 3: space); mix is listed with both. Default: every field.", HelpName = "2|3" };
        dimension.AcceptOnlyFromAmong("2", "3");
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object instead of the table: {\"fields\": [{name, dimension (null for mix), formula, summary, default_spec, " +
                "parameters: [{name, kind, default, valid, meaning}], invariant_under, invariance_note}], \"syntax\"}; with SPEC, " +
                "{spec, name, dimension, formula, invariant_under}.",
        };
        var plot = new Option<string?>("--plot")
        {
            Description = "Also draw the listed fields (or SPEC) to FILE (.png or .svg), one heatmap each with its colour bar: disk fields on the " +
                "disk r <= --radius, 3-D fields on the y = 0 slice [-B, B]^2 of the box (the x-z plane, where broken differs from radial; --box); the title names the groups each is invariant under. " +
                "Prints 'wrote FILE' instead of the table (with --json, the JSON).",
            HelpName = "FILE",
        };
        var radius = new Option<double>("--radius") { Description = "With --plot: the disk's radius (as train's --radius).", DefaultValueFactory = _ => 1.0, HelpName = "R" };
        var box = new Option<double>("--box") { Description = "With --plot: the half-width of the 3-D fields' y = 0 slice (as train's --box).", DefaultValueFactory = _ => 5.0, HelpName = "B" };
        var command = new Command("fields",
            "List the scalar fields a run can learn (--field in train and benchmark): for each, its formula, parameters with their defaults " +
            "and valid values, its dimension, and the groups it is invariant under (so3 and so2z in 3-D, so2 on the disk; a field is " +
            "invariant under a group when every rotation in it leaves the value unchanged). In formulas R = |(x, y, z)|, r = |(x, y)| and " +
            "theta = atan2(y, x). The disk fields are those of the original project's later versions. " + Syntax)
        {
            spec, dimension, json, plot, radius, box,
        };
        command.SetAction(parse =>
        {
            bool asJson = parse.GetValue(json);
            IScalarField? one = null;
            if (parse.GetValue(spec) is string vectorText && VectorFieldCatalog.IsVectorSpec(vectorText))
            {
                IVectorField vector;
                try { vector = VectorFieldCatalog.Parse(vectorText); }
                catch (FieldSpecException e) { throw new UsageException(e.Message); }
                if (parse.GetValue(plot) is not null) throw new UsageException($"--plot draws scalar fields; {vector.Name} is a vector field");
                WriteOne(stdout, vector, asJson);
                return 0;
            }
            if (parse.GetValue(spec) is string text)
            {
                try { one = FieldCatalog.Parse(text); }
                catch (FieldSpecException e) { throw new UsageException(e.Message); }
                // Where train would sample it by default (the disk of radius 1, the box of half-width 5), or as --radius/--box say.
                var domain = one.Dimension == 2 ? SamplingDomain.Disk(Positive(parse.GetValue(radius), "--radius")) : SamplingDomain.Box(3, Positive(parse.GetValue(box), "--box"));
                FieldValueCheck.OnGrid(one, domain, "SPEC");
            }
            int? d = parse.GetValue(dimension);
            var listed = FieldCatalog.All.Where(f => d is null || f.Dimension is null || f.Dimension == d).ToList();
            var vectors = VectorFieldCatalog.All.Where(f => d is null || f.Dimension == 0 || f.Dimension == d).ToList();
            if (parse.GetValue(plot) is string path)
            {
                // The catalogue is drawn at its defaults (mix on the disk); a SPEC as given, titled with its full spec.
                IReadOnlyList<IScalarField> drawn = one is null ? listed.Select(f => FieldCatalog.Parse(f.Name)).ToList() : [one];
                var figure = new FieldGalleryFigure(drawn, Positive(parse.GetValue(radius), "--radius"), Positive(parse.GetValue(box), "--box"), titleWithSpec: one is not null);
                Save(figure, path);
                if (!asJson)
                {
                    stdout.WriteLine($"wrote {path}: {drawn.Count} field{(drawn.Count == 1 ? "" : "s")}");
                    return 0;
                }
            }
            if (one is not null) WriteOne(stdout, one, asJson);
            else if (asJson) stdout.WriteLine(Json(listed, vectors));
            else WriteTable(stdout, listed, vectors);
            return 0;
        });
        return command;
    }

    static double Positive(double value, string option) =>
        double.IsFinite(value) && value > 0 ? value : throw new UsageException($"{option} {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be a finite number > 0");

    static void Save(FieldGalleryFigure figure, string path)
    {
        FigureFormat format;
        try { format = FigureFile.FormatOf(path); }
        catch (ArgumentException) { throw new UsageException($"--plot '{path}': the file name must end in .png or .svg"); }
        ReplaceableFile.Check(path, "--plot");
        try { figure.Save(path, format); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--plot '{path}' cannot be written: {e.Message}");
        }
    }

    static void WriteOne(TextWriter stdout, IScalarField field, bool json)
    {
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                spec = field.Spec, name = field.Name, dimension = field.Dimension, formula = field.Formula, invariant_under = field.InvariantUnder.Select(g => g.Name),
            }, JsonOptions));
            return;
        }
        stdout.WriteLine($"spec:             {field.Spec}");
        stdout.WriteLine($"dimension:        {field.Dimension}");
        stdout.WriteLine($"formula:          {field.Formula}");
        stdout.WriteLine($"invariant under:  {Groups(field.InvariantUnder)}");
    }

    static void WriteOne(TextWriter stdout, IVectorField field, bool json)
    {
        var states = field as IPhaseSpaceField;
        if (json)
        {
            stdout.WriteLine(states is null
                ? JsonSerializer.Serialize(new
                {
                    spec = field.Spec, name = field.Name, kind = "vector", dimension = field.Dimension, formula = field.Formula,
                    equivariant_under = field.EquivariantUnder.Select(g => g.Name),
                }, JsonOptions)
                : JsonSerializer.Serialize(new
                {
                    spec = field.Spec, name = field.Name, kind = "vector", dimension = field.Dimension, formula = field.Formula,
                    equivariant_under = field.EquivariantUnder.Select(g => g.Name), representation = field.PointRepresentation.ToString(),
                    states = states.StatesDescription, conserved = states.ConservedQuantities.Select(q => q.Name),
                }, JsonOptions));
            return;
        }
        stdout.WriteLine($"spec:               {field.Spec}");
        stdout.WriteLine($"kind:               vector");
        stdout.WriteLine($"dimension:          {field.Dimension}");
        stdout.WriteLine($"formula:            {field.Formula}");
        stdout.WriteLine($"equivariant under:  {Groups(field.EquivariantUnder)}");
        if (states is null) return;
        // A phase-space field: how its points turn, which states it draws, what its flow keeps.
        stdout.WriteLine($"points:             states of {field.PointRepresentation.Vectors} vectors, turned as {field.PointRepresentation}");
        stdout.WriteLine($"states:             {states.StatesDescription}");
        stdout.WriteLine($"conserved:          {string.Join(", ", states.ConservedQuantities.Select(q => q.Name))}");
    }

    // Formulas hold '+' and quotes: keep them readable rather than \u-escaped (the output is not embedded in HTML).
    static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static string Json(IEnumerable<FieldDescription> fields, IEnumerable<VectorFieldDescription>? vectorFields = null) => JsonSerializer.Serialize(new
    {
        fields = fields.Select(f => new
        {
            name = f.Name,
            kind = "scalar",
            dimension = f.Dimension,
            formula = f.Formula,
            summary = f.Summary,
            default_spec = f.DefaultSpec,
            parameters = f.Parameters.Select(p => new { name = p.Name, kind = Kind(p.Kind), @default = p.Default, valid = p.Valid, meaning = p.Meaning }),
            invariant_under = f.InvariantUnder.Select(g => g.Name),
            invariance_note = f.InvarianceNote,
        }),
        vector_fields = (vectorFields ?? VectorFieldCatalog.All).Select(f => new
        {
            name = f.Name,
            kind = "vector",
            dimension = f.Dimension == 0 ? (int?)null : f.Dimension,
            formula = f.Formula,
            summary = f.Summary,
            parameters = f.Parameters.Select(p => new { name = p.Name, kind = Kind(p.Kind), @default = p.Default, valid = p.Valid, meaning = p.Meaning }),
            equivariant_under = f.EquivariantUnder.Select(g => g.Name),
            equivariance_note = f.EquivarianceNote,
        }),
        syntax = Syntax,
    }, JsonOptions);

    static void WriteTable(TextWriter writer, IReadOnlyList<FieldDescription> fields, IReadOnlyList<VectorFieldDescription> vectors)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = Terminal(writer) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Terminal(writer) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        // Redirected output keeps every formula on one line for grep.
        if (!Terminal(writer)) console.Profile.Width = 200;
        var table = new Table().AddColumns("field", "kind", "dim", "formula", "parameters (default; valid)", "invariant (scalar) / equivariant (vector) under");
        foreach (var f in fields)
        {
            var parameters = f.Parameters.Count == 0 ? "-" : string.Join("\n", f.Parameters.Select(p => $"{p.Name}={p.Default}; {Short(p)}"));
            var invariance = Groups(f.InvariantUnder) + (f.InvarianceNote is null ? "" : $" ({f.InvarianceNote})");
            table.AddRow(Markup.Escape(f.Name), "scalar", f.Dimension?.ToString() ?? "2|3", Markup.Escape(f.Formula), Markup.Escape(parameters), Markup.Escape(invariance));
        }
        foreach (var f in vectors)
        {
            var parameters = f.Dimension == 0 ? "FIELD: any scalar spec (grad:radial)"
                : f.Parameters.Count == 0 ? "-" : string.Join("\n", f.Parameters.Select(p => $"{p.Name}={p.Default}; {Short(p)}"));
            var equivariance = Groups(f.EquivariantUnder) + (f.EquivarianceNote is null ? "" : $" ({f.EquivarianceNote})");
            if (f.Dimension == 0) equivariance = f.EquivarianceNote!;
            table.AddRow(Markup.Escape(f.Name), "vector", f.Dimension == 0 ? "2|3" : f.Dimension.ToString(), Markup.Escape(f.Formula), Markup.Escape(parameters), Markup.Escape(equivariance));
        }
        console.Write(table);
        console.WriteLine("r = |(x, y)|, theta = atan2(y, x) in (-pi, pi], R = |(x, y, z)|. Defaults: radial in 3-D, gaussian-ring on the disk.");
        console.WriteLine(Syntax);
    }

    /// <summary>The valid values in table form: the number kinds are short, a field parameter takes any spec.</summary>
    static string Short(FieldParameter p) => p.Kind switch
    {
        FieldParameterKind.Field => "any field of the same dimension",
        _ => p.Valid,
    };

    static string Groups(IReadOnlyList<SymmetryGroup> groups) => groups.Count == 0 ? "none" : string.Join(", ", groups.Select(g => g.Name));

    static string Kind(FieldParameterKind kind) => kind switch
    {
        FieldParameterKind.Number => "number",
        FieldParameterKind.Integer => "integer",
        FieldParameterKind.NumberList => "number-list",
        _ => "field",
    };

    static bool Terminal(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
}
