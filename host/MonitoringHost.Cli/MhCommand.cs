using System.CommandLine;
using MonitoringHost.Cli.Commands;

namespace MonitoringHost.Cli;

/// <summary>The <c>mh</c> command tree. Output goes to the given writers so tests can read it.</summary>
public static class MhCommand
{
    public static int Invoke(string[] args, TextWriter output, TextWriter error) => Invoke(args, output, error, Console.In);

    /// <summary>As <see cref="Invoke(string[], TextWriter, TextWriter)"/>, with secrets read from <paramref name="input"/>.</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        var root = new RootCommand("MonitoringHost: run and manage management packs agentlessly.");
        var mp = new Command("mp", "Work with management packs.");
        mp.Subcommands.Add(ValidateCommand.Create(output, error));
        foreach (var command in ManagementPackCommands.Create(output, error))
        {
            mp.Subcommands.Add(command);
        }

        root.Subcommands.Add(mp);
        var workflows = new Command("workflows", "Work with the workflows packs define.");
        workflows.Subcommands.Add(EffectiveCommand.Create(output, error));
        root.Subcommands.Add(workflows);
        root.Subcommands.Add(ServeCommand.Create(output, error));
        root.Subcommands.Add(KeysCommand.Create(output, error));
        root.Subcommands.Add(ObjectCommand.Create(output, error));
        root.Subcommands.Add(AlertCommand.Create(output, error));
        root.Subcommands.Add(MaintenanceCommand.Create(output, error));
        root.Subcommands.Add(DiscoveryCommand.Create(output, error));
        root.Subcommands.Add(EventsCommand.Create(output, error));
        root.Subcommands.Add(ConnectorCommand.Create(output, error));
        root.Subcommands.Add(RunAsCommand.Create(output, error, input));
        root.Subcommands.Add(ComputerCommand.Create(output, error));

        var parsed = root.Parse(args);
        var exitCode = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });

        // A command line that does not parse is a usage error (2), whatever System.CommandLine returns for it.
        return parsed.Errors.Count > 0 ? Api.ExitCodes.Usage : exitCode;
    }
}
