using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Broadcast.Functions.Tests;

/// <summary>
/// An HTTP request as the Functions ASP.NET Core integration hands it to an HTTP function, and the function's
/// <see cref="IResult"/> written as that integration writes it (against the request's context and the app's container).
/// </summary>
internal static class FunctionHttp
{
    public static HttpRequest Request(IServiceProvider services, string method, string path, string? json = null)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("broadcast.example", 80);
        context.Request.Path = path;
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Writes <paramref name="result"/> into the request's response; returns its status code and JSON body.</summary>
    public static async Task<(int Status, JsonElement Body)> WriteAsync(HttpRequest request, IResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteAsync(context);
        var body = (MemoryStream)context.Response.Body;
        var json = body.Length == 0 ? default : JsonDocument.Parse(body.ToArray()).RootElement.Clone();
        return (context.Response.StatusCode, json);
    }
}
