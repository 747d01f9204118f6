using Warden.Cli;
using Warden.Cli.SignalHost;

return await WardenCli.RunAsync(args, [new WaitForSignalCommand()]);
