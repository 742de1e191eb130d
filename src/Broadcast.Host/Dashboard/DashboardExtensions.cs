using Microsoft.Extensions.FileProviders;

namespace Broadcast.Host;

/// <summary>
/// The operator's dashboard at <c>/</c>: static HTML, JavaScript and CSS embedded in the host's assembly, so it is
/// served the same from <c>dotnet run</c>, a published folder or a test, whatever the content root.
/// </summary>
internal static class DashboardExtensions
{
    /// <summary>Resource names of the dashboard's files start with this (see the csproj's <c>LogicalName</c>).</summary>
    public const string ResourcePrefix = "Broadcast.Host.Dashboard";

    // Everything the page loads comes from the host itself; nothing inline, nothing from elsewhere.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Serves the dashboard's files. Call it before the API key check: the files hold no data, and the page asks
    /// for the key and sends it with every API call.
    /// </summary>
    public static IApplicationBuilder UseDashboard(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardExtensions).Assembly, ResourcePrefix);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Revalidate every time (the ETag makes that cheap), so a new host version is never mixed with old scripts.
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }
}
