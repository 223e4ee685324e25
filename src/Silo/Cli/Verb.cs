using System.CommandLine;
using Rtl.Grains.Hosting;

namespace Rtl.Silo.Cli;

/// <summary>
/// An <c>rtl</c> verb: its arguments and options, and — unless it only groups actions (<c>rtl pipeline</c>) — the
/// command it runs with the options resolved (defaults, appsettings.json, environment, flags).
/// </summary>
internal sealed class Verb : Command
{
    public Verb(string name, string description, Func<ParseResult, RtlOptions, Task<int>>? run, params Symbol[] symbols)
        : base(name, description)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option: Options.Add(option); break;
                case Argument argument: Arguments.Add(argument); break;
                case Command command: Subcommands.Add(command); break;
            }
        }

        if (run is not null)
        {
            SetAction((line, _) => run(line, OptionsLoader.Load(line)));
        }
    }
}
