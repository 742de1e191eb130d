using System.Text.Json.Serialization;
using Azure.Core.Serialization;
using Broadcast.Durable;
using Broadcast.Sessions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Broadcast.Functions;

/// <summary>What the Functions app adds to the session registration the embedded host uses too.</summary>
public static class BroadcastFunctionsExtensions
{
    /// <summary>
    /// Registers what <see cref="AddBroadcastFunctionServices"/> does and the HTTP API's middleware (the API key check
    /// and the mapping of exceptions to problems).
    /// </summary>
    public static FunctionsApplicationBuilder AddBroadcastFunctions(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddBroadcastFunctionServices(builder.Configuration);
        builder.UseMiddleware<ApiMiddleware>();
        return builder;
    }

    /// <summary>
    /// Registers the per-invocation orchestration client, the JSON conventions of both hosts, the HTTP API's options,
    /// body reader and problem details, the queue message processor, and the provider that carries failure codes through Durable Task.
    /// </summary>
    public static IServiceCollection AddBroadcastFunctionServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // Orchestration inputs, outputs, events and custom status in the same JSON as the embedded engine writes,
        // so the session service reads statuses and results alike on both hosts.
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(DurableJson.Options));

        // The HTTP API's JSON, as the embedded host configures it: web names, enums as strings, unknown fields refused.
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.AddProblemDetails();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new JsonBodyReader(
            sp.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions,
            sp.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes));
        services.AddSingleton(sp => new QueueMessageProcessor(
            sp.GetRequiredService<SessionService>(), sp.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions));

        services.AddSingleton<IOrchestrationClient, InvocationOrchestrationClient>();
        services.AddSingleton<IExceptionPropertiesProvider, FailureCodePropertiesProvider>();
        return services;
    }
}
