using System.Text.RegularExpressions;
using Inburgering.Workflows.Audit;

namespace Inburgering.Host.Audit;

/// <summary>
/// Writes the audit log for the API: every change (any method but GET/HEAD/OPTIONS) and every read of a klantreis's
/// personal data (an instance with its variables or journal, a task with its shared data), with the caller, the path
/// and the status. The pages record their own reads and changes (they do not go through the API).
/// </summary>
internal sealed partial class ApiAuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, AuditLog audit)
    {
        await next(context);
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }
        var change = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var path = request.Path.Value ?? "";
        if (!change && !PersonalRead().IsMatch(path))
        {
            return;
        }
        var action = change ? $"api.{request.Method.ToUpperInvariant()}" : "api.gelezen";
        // The request is done; the log write must not be cancelled by a client that hung up.
        await audit.RecordAsync(context.User.ToAuditActor(), action, path, $"HTTP {context.Response.StatusCode}", CancellationToken.None);
    }

    // /api/instances/{id}, /api/instances/{id}/journal, /api/tasks/{id}
    [GeneratedRegex(@"^/api/(instances/[0-9a-fA-F-]{36}(/journal)?|tasks/[0-9a-fA-F-]{36})/?$", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalRead();
}
