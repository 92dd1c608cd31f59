using System.Net;

namespace Inburgering.Host.Tests.Security;

/// <summary>
/// What a browser does in a sign-in, and no more: a cookie jar and redirects followed one by one. Every hop is recorded,
/// and a redirect off this machine is never followed (it is returned instead), so a test can show that a foreign
/// return URL was not taken and no request ever leaves the loopback. Cookies are kept per host, not per port, as a
/// browser does; the Host's and the provider's cookie names do not clash.
/// </summary>
public sealed class TestBrowser : IDisposable
{
    private readonly HttpClient _client;

    public TestBrowser()
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = false }, disposeHandler: true)
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every URL requested, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>Chooses the provider's user for the next sign-in (the test provider reads this cookie).</summary>
    public void ChooseUser(Uri provider, string user) => Cookies.Add(provider, new Cookie(OidcTestProvider.UserCookie, user));

    /// <summary>GET and follow redirects on this machine; the last response (its request's URL in <c>RequestMessage</c>).</summary>
    public async Task<HttpResponseMessage> GetAsync(Uri url)
    {
        for (var hop = 0; hop < 15; hop++)
        {
            Visited.Add(url);
            var response = await _client.GetAsync(url);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect)
                || response.Headers.Location is not { } location)
            {
                return response;
            }
            var next = new Uri(url, location);
            if (!next.IsLoopback)
            {
                return response;
            }
            response.Dispose();
            url = next;
        }
        throw new InvalidOperationException("More than 15 redirects: " + string.Join(" → ", Visited));
    }

    /// <summary>POST a form, then follow the redirects as <see cref="GetAsync"/> does; the last response.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(Uri url, IReadOnlyDictionary<string, string> fields)
    {
        Visited.Add(url);
        using var form = new FormUrlEncodedContent(fields);
        var response = await _client.PostAsync(url, form);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            || response.Headers.Location is not { } location || !new Uri(url, location).IsLoopback)
        {
            return response;
        }
        response.Dispose();
        return await GetAsync(new Uri(url, location));
    }

    /// <summary>GET without following redirects.</summary>
    public Task<HttpResponseMessage> GetOnceAsync(Uri url)
    {
        Visited.Add(url);
        return _client.GetAsync(url);
    }

    public void Dispose() => _client.Dispose();
}
