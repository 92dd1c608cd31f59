namespace Inburgering.Workflows.Definitions.Validation;

/// <summary>Connections join existing activities by existing ports; ports the type needs connected are connected.</summary>
internal static class ConnectionRules
{
    public static void Check(ValidationContext ctx)
    {
        var seen = new HashSet<(string, string, string)>();
        foreach (var connection in ctx.Model.Connections)
        {
            var path = ctx.PathOf(connection);
            var fromKnown = ctx.NodesByKey.TryGetValue(connection.From, out var from);
            if (!fromKnown)
            {
                ctx.Add($"{path}.from", DefinitionErrorCodes.UnknownConnectionSource, $"The connection starts at '{connection.From}', but no activity has that key.");
            }
            if (!ctx.NodesByKey.ContainsKey(connection.To))
            {
                ctx.Add($"{path}.to", DefinitionErrorCodes.UnknownConnectionTarget, $"The connection goes to '{connection.To}', but no activity has that key.");
            }
            if (from is not null && ctx.TypeOf(from) is not null)
            {
                var ports = ctx.OutcomesOf(from);
                if (!ports.Any(p => p.Name == connection.Outcome))
                {
                    ctx.Add($"{path}.outcome", DefinitionErrorCodes.UnknownOutcome,
                        $"'{from.Key}' ({from.Type}) has no outcome '{connection.Outcome}'. Its outcomes are: {(ports.Count == 0 ? "none" : string.Join(", ", ports.Select(p => p.Name)))}.");
                }
            }
            if (!seen.Add((connection.From, connection.Outcome, connection.To)))
            {
                ctx.Add(path, DefinitionErrorCodes.DuplicateConnection, $"The connection {connection} appears twice.");
            }
        }

        var connected = ctx.Model.Connections.Select(c => (c.From, c.Outcome)).ToHashSet();
        foreach (var node in ctx.NodesByKey.Values.Where(n => ctx.TypeOf(n) is not null))
        {
            foreach (var port in ctx.OutcomesOf(node).Where(p => p.MustConnect && !connected.Contains((node.Key, p.Name))))
            {
                ctx.Add(ctx.PathOf(node), DefinitionErrorCodes.UnconnectedOutcome,
                    $"The outcome '{port.Name}' of '{node.Key}' ({node.Type}) is not connected; connect it to say what happens next.");
            }
        }
    }
}
