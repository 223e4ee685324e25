using System.CommandLine;

namespace Rtl.Silo.Cli;

/// <summary>The positional arguments <c>rtl</c>'s verbs take, defined once like <see cref="CliOptions"/>.</summary>
public static class CliArguments
{
    public static readonly Argument<string> Pipeline = new("PIPELINE.json|NAME") { Description = "a pipeline JSON file or the name of a stored pipeline" };
    public static readonly Argument<string> JobId = new("ID") { Description = "the job's id, as `rtl submit` and `rtl jobs` print it" };
    public static readonly Argument<string> PipelineName = new("NAME") { Description = "the stored pipeline's name" };
    public static readonly Argument<string> PipelineFile = new("FILE") { Description = "the pipeline's JSON file" };
    public static readonly Argument<string> StreamName = new("NAME") { Description = "the stream's name" };
    public static readonly Argument<string> Shell = ShellArgument();

    private static Argument<string> ShellArgument()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" };
        shell.CompletionSources.Add(CompletionScripts.Shells);
        shell.Validators.Add(r =>
        {
            if (!CompletionScripts.Shells.Contains(r.Tokens[0].Value))
            {
                r.AddError($"no completion for '{r.Tokens[0].Value}' (bash or zsh)");
            }
        });
        return shell;
    }
}
