using MonitoringHost.Cli;

return MhCommand.Invoke(args, Console.Out, Console.Error);
