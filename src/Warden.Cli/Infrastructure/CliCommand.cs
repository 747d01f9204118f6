using System.CommandLine;

namespace Warden.Cli.Infrastructure;

/// <summary>
/// Base of a command with typed settings: <see cref="Define"/> declares the options, <see cref="Bind"/>
/// turns a parse into an immutable settings object (validating it), and <see cref="ExecuteAsync"/> does
/// the work with the run's cancellation token (cancelled by Ctrl-C or SIGTERM).
/// </summary>
/// <typeparam name="TSettings">The command's settings.</typeparam>
internal abstract class CliCommand<TSettings> : ICliCommand
{
    /// <inheritdoc />
    public abstract IReadOnlyList<string> Examples { get; }

    /// <inheritdoc />
    public virtual IReadOnlyList<ICliCommand> Subcommands => [];

    /// <inheritdoc />
    public Command Create(CliContext context)
    {
        var command = Define();
        command.SetAction((parseResult, cancellationToken) => ExecuteAsync(context, Bind(parseResult), cancellationToken));
        return command;
    }

    /// <summary>Declares the command: name, description, arguments and options.</summary>
    protected abstract Command Define();

    /// <summary>Reads and validates the settings; throws <see cref="CliUsageException"/> on bad values.</summary>
    protected abstract TSettings Bind(ParseResult parseResult);

    /// <summary>Runs the command and returns its exit code.</summary>
    protected abstract Task<int> ExecuteAsync(CliContext context, TSettings settings, CancellationToken cancellationToken);
}
