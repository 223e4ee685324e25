using System.CommandLine;

namespace Rtl.Silo.Cli;

/// <summary>
/// <c>rtl completion bash|zsh</c>: a script the shell sources (<c>source &lt;(rtl completion bash)</c>) that asks rtl
/// itself what may come next, through System.CommandLine's <c>[suggest:POSITION]</c> directive, so completion knows
/// every verb, option and option value <see cref="RtlCommand"/> defines and nothing has to be kept in step by hand.
/// Where rtl suggests nothing (a FILE, a pipeline, a name) the shell completes file names.
/// </summary>
public static class CompletionScripts
{
    public static readonly string[] Shells = ["bash", "zsh"];

    // Options are offered once a word starts with '-', as git's completion does: after `rtl run ` the pipeline file
    // is what comes next, so the files are offered instead of every option.
    private const string Bash = """
        # rtl completion for bash: source <(rtl completion bash)
        _rtl_complete() {
            local cur="${COMP_WORDS[COMP_CWORD]}" line
            local -a words=()
            COMPREPLY=()
            while IFS= read -r line; do
                [[ -z "$line" || "$line" != "$cur"* ]] && continue
                [[ "$line" == -* && "$cur" != -* ]] && continue
                words+=("$line")
            done < <("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
            COMPREPLY=("${words[@]}")
        }
        complete -o default -o bashdefault -F _rtl_complete rtl
        """;

    private const string Zsh = """
        # rtl completion for zsh: source <(rtl completion zsh)
        _rtl_complete() {
            local -a suggested offered
            suggested=("${(@f)$("${words[1]}" "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
            local word
            for word in $suggested; do
                [[ -n "$word" && "$word" == "$PREFIX"* ]] || continue
                [[ "$word" == -* && "$PREFIX" != -* ]] && continue
                offered+=("$word")
            done
            if (( ${#offered} )); then
                compadd -Q -- $offered
            else
                _files
            fi
        }
        compdef _rtl_complete rtl
        """;

    public static string For(string shell) => shell == "zsh" ? Zsh : Bash;

    public static Command Command()
    {
        var command = new Command("completion", "print a shell completion script: source <(rtl completion bash) in ~/.bashrc")
        {
            CliArguments.Shell,
        };
        command.SetAction(line => line.InvocationConfiguration.Output.WriteLine(For(line.GetRequiredValue(CliArguments.Shell))));
        return command;
    }
}
