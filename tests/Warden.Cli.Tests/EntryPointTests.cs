using System.CommandLine;
using Spectre.Console;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests;

public sealed class EntryPointTests
{
    [Fact]
    public async Task Help_describes_warden_and_shows_examples()
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync(["--help"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("async/await production playbook", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task No_arguments_prints_the_same_help()
    {
        var (exitCode, output, _) = await CliRun.InvokeAsync([]);
        var (_, help, _) = await CliRun.InvokeAsync(["--help"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(help, output);
    }

    [Fact]
    public async Task Help_lists_exactly_the_registered_commands()
    {
        var (_, output, _) = await CliRun.InvokeAsync(["--help"], [new FakeCommand("alpha"), new FakeCommand("beta")]);

        Assert.Contains("Commands:", output, StringComparison.Ordinal);
        Assert.Contains("alpha", output, StringComparison.Ordinal);
        Assert.Contains("beta", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subcommand_help_shows_its_examples()
    {
        var (exitCode, output, _) = await CliRun.InvokeAsync(["alpha", "--help"], [new FakeCommand("alpha")]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("warden alpha --name x", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_package_version()
    {
        var (exitCode, output, _) = await CliRun.InvokeAsync(["--version"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(WardenCli.Version, output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task Unknown_command_is_bad_input_with_a_hint()
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync(["frobnicate"]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Empty(output);
        Assert.Contains("warden: Unrecognized command or argument 'frobnicate'", error, StringComparison.Ordinal);
        Assert.Contains("Run 'warden --help'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_option_on_a_subcommand_points_to_its_help()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["alpha", "--colour"], [new FakeCommand("alpha")]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("'--colour'", error, StringComparison.Ordinal);
        Assert.Contains("Run 'warden alpha --help'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_exception_becomes_one_line_and_exit_code_2()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["alpha", "--name", "bad"], [new FakeCommand("alpha")]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal("warden: --name 'bad' is not allowed; pass any other name.", error.Trim());
    }

    [Fact]
    public async Task Unexpected_exception_is_reported_as_an_internal_error()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["alpha", "--name", "crash"], [new FakeCommand("alpha")]);

        Assert.Equal(ExitCodes.InternalError, exitCode);
        Assert.Contains("unexpected error: InvalidOperationException: boom", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_receives_typed_settings_and_its_exit_code_is_returned()
    {
        var (exitCode, output, _) = await CliRun.InvokeAsync(["alpha", "--name", "Ada"], [new FakeCommand("alpha")]);

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.Equal("hello Ada", output.Trim());
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "", true)]
    [InlineData(true, "1", false)]
    [InlineData(false, null, false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR(bool isTerminal, string? noColor, bool expected) =>
        Assert.Equal(expected, CliConsole.UseColor(isTerminal, noColor));

    [Fact]
    public async Task Redirected_output_has_no_escape_codes()
    {
        var (_, output, _) = await CliRun.InvokeAsync(["alpha", "--name", "[red]Ada[/]"], [new FakeCommand("alpha")], isTerminal: false);

        Assert.DoesNotContain('\u001b', output);
        Assert.Equal("hello Ada", output.Trim());
    }

    /// <summary>A command used only to exercise the shell: settings, exit codes, errors.</summary>
    private sealed class FakeCommand(string name) : CliCommand<FakeCommand.Settings>
    {
        private readonly Option<string> _name = new("--name") { Description = "Who to greet.", DefaultValueFactory = _ => "world" };

        public override IReadOnlyList<string> Examples => [$"warden {name} --name x"];

        protected override Command Define() => new(name, "A test command.") { _name };

        protected override Settings Bind(ParseResult parseResult)
        {
            var value = parseResult.GetRequiredValue(_name);
            return value == "bad" ? throw new CliUsageException("--name 'bad' is not allowed; pass any other name.") : new Settings(value);
        }

        protected override Task<int> ExecuteAsync(CliContext context, Settings settings, CancellationToken cancellationToken)
        {
            if (settings.Name == "crash")
            {
                throw new InvalidOperationException("boom");
            }

            context.Out.MarkupLine($"hello {settings.Name}");
            return Task.FromResult(ExitCodes.Findings);
        }

        internal sealed record Settings(string Name);
    }
}
