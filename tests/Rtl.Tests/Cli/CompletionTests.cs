using System.Diagnostics;
using Rtl.Silo.Cli;
using Xunit;

namespace Rtl.Tests.Cli;

/// <summary>
/// Tab completion: what rtl's <c>[suggest]</c> directive offers, and the script <c>rtl completion bash</c> prints,
/// checked by bash itself and run as bash runs it on a Tab.
/// </summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("rtl ru", "run")]
    [InlineData("rtl run --in", "--input")]
    [InlineData("rtl run --storage ", "postgres sqlite")]
    [InlineData("rtl pipeline sh", "show")]
    [InlineData("rtl completion ", "bash zsh")]
    [InlineData("rtl --data-dir /tmp/x rest", "restart")]
    public void Suggest_offers_what_may_come_next(string typed, string offered)
    {
        // As the scripts filter: words that begin with what is typed; options once a '-' is typed.
        var word = typed.Split(' ')[^1];
        var suggested = Suggest(typed).Where(s => s.StartsWith(word, StringComparison.Ordinal) && (word.StartsWith('-') || !s.StartsWith('-')));

        Assert.Equal(offered.Split(' '), suggested.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Suggest_after_a_verb_offers_its_own_options_and_not_another_verbs()
    {
        var run = Suggest("rtl run --");

        Assert.Contains("--embedded", run);
        Assert.Contains("--data-dir", run);
        Assert.DoesNotContain("--window", run);
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    public void The_completion_script_is_printed_and_valid_for_its_shell(string shell)
    {
        var script = EveryVerbTests.Invoke(["completion", shell]);
        if (shell == "zsh" && !File.Exists("/usr/bin/zsh") && !File.Exists("/bin/zsh"))
        {
            Assert.Contains("compdef _rtl_complete rtl", script);
            return;
        }

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, script);
            var (exit, output) = Run(shell, "-n", file);
            Assert.True(exit == 0, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("rtl ru", "run")]
    [InlineData("rtl run --in", "--input")]
    [InlineData("rtl run --storage ", "postgres sqlite")]
    public void The_bash_script_completes_through_rtl_as_bash_does_on_a_tab(string typed, string offered)
    {
        // rtl as the user's shell finds it: a command named rtl that runs this build.
        var bin = Directory.CreateTempSubdirectory("rtl-completion-").FullName;
        try
        {
            var rtl = Path.Combine(bin, "rtl");
            File.WriteAllText(rtl, $"#!/bin/sh\nexec dotnet '{typeof(RtlCommand).Assembly.Location}' \"$@\"\n");
            File.WriteAllText(Path.Combine(bin, "rtl.bash"), CompletionScripts.For("bash"));
            var tab = $"""
                chmod +x '{rtl}'
                source '{bin}/rtl.bash'
                COMP_LINE='{typed}'; COMP_POINT=${"{"}#COMP_LINE{"}"}
                read -ra COMP_WORDS <<< "$COMP_LINE"; COMP_WORDS[0]='{rtl}'
                [[ "$COMP_LINE" == *' ' ]] && COMP_WORDS+=('')
                COMP_CWORD=$(( ${"{"}#COMP_WORDS[@]{"}"} - 1 ))
                _rtl_complete
                printf '%s\n' "${"{"}COMPREPLY[@]{"}"}"
                """;

            var (exit, output) = Run("bash", "-c", tab);

            Assert.True(exit == 0, output);
            Assert.Equal(offered.Split(' '), output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }

    private static string[] Suggest(string typed) =>
        EveryVerbTests.Invoke([$"[suggest:{typed.Length}]", typed]).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (int Exit, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
