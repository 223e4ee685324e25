namespace Rtl.Silo.Cli;

/// <summary>
/// <c>rtl VERB [POSITIONAL…] [--option value | --option=value | --flag]</c>. Options may appear anywhere.
/// </summary>
public sealed class CommandLine
{
    private static readonly HashSet<string> Flags =
        ["embedded", "no-wait", "wait", "debug", "profile", "help", "chunking", "version", "no-dashboard"];

    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);
    private readonly List<(string Name, string Value)> given = [];

    public CommandLine(IReadOnlyList<string> args)
    {
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h")
            {
                flags.Add("help");
            }
            else if (arg.Length > 1 && arg[0] == '-' && arg[1] != '-')
            {
                // No short options but -h: `-i FILE` would otherwise be two stray positionals, silently ignored.
                throw new UsageException($"unknown option '{arg}' (options are spelled --name)");
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var body = arg[2..];
                var equals = body.IndexOf('=');
                if (equals > 0)
                {
                    options[body[..equals]] = body[(equals + 1)..];
                    given.Add((body[..equals], body[(equals + 1)..]));
                }
                else if (Flags.Contains(body))
                {
                    flags.Add(body);
                }
                else if (i + 1 < args.Count)
                {
                    options[body] = args[++i];
                    given.Add((body, options[body]));
                }
                else
                {
                    throw new UsageException($"option --{body} needs a value");
                }
            }
            else
            {
                positionals.Add(arg);
            }
        }

        Verb = positionals.Count > 0 ? positionals[0] : "help";
        Positionals = positionals.Skip(1).ToArray();
    }

    public string Verb { get; }

    public IReadOnlyList<string> Positionals { get; }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Option(string name) => options.GetValueOrDefault(name);

    /// <summary>Every value of an option given more than once (<c>--sink A --sink B</c>), in order.</summary>
    public IReadOnlyList<string> Options(string name) => given.Where(g => g.Name == name).Select(g => g.Value).ToArray();

    /// <summary>The options and flags as given, to pass on to another command line (<c>rtl restart</c>'s relaunch).</summary>
    public IReadOnlyList<string> Arguments() =>
        [.. given.Select(g => $"--{g.Name}={g.Value}"), .. flags.Select(f => $"--{f}")];

    public int? IntOption(string name) =>
        Option(name) is { } text
            ? int.TryParse(text, out var value) ? value : throw new UsageException($"--{name} expects a number, got '{text}'")
            : null;

    public string Positional(int index, string what) =>
        index < Positionals.Count ? Positionals[index] : throw new UsageException($"missing {what}");

    /// <summary>Options the verb does not take (<see cref="CliVerbs"/>) are typos: name them.</summary>
    public void RejectUnknown()
    {
        var unknown = options.Keys.Concat(flags).Except(CliVerbs.Options(Verb)).ToArray();
        if (unknown.Length > 0)
        {
            throw new UsageException($"unknown option {string.Join(", ", unknown.Select(u => "--" + u))} for 'rtl {Verb}'");
        }
    }

    /// <summary>Positionals past the <paramref name="allowed"/> ones: `rtl run p.json in.csv` meant `--input in.csv`.</summary>
    public void RejectExtra(int allowed)
    {
        if (Positionals.Count > allowed)
        {
            throw new UsageException($"unexpected argument '{Positionals[allowed]}' for 'rtl {Verb}'"
                + (Verb is "run" or "submit" ? " (an input table goes after --input)" : ""));
        }
    }
}

/// <summary>The command line itself is wrong; printed with a hint to <c>rtl help</c>, exit code 2.</summary>
/// <remarks>CLI-only, but serializable like every Rtl exception so the round-trip test covers all of them.</remarks>
[GenerateSerializer]
public sealed class UsageException(string message) : Exception(message);
