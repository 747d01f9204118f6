using Warden.Cli;

return await WardenCli.RunAsync(args, WardenCommands.All);
