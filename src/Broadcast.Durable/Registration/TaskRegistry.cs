using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Broadcast.Durable.Registration;

/// <summary>The orchestrators and activities known by name (names compare case-insensitively, as in Durable Task).</summary>
internal sealed class TaskRegistry
{
    private readonly Dictionary<string, Func<IServiceProvider, OrchestratorInvoker>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ActivityInvoker> _activities = new(StringComparer.OrdinalIgnoreCase);

    public bool HasOrchestrator(string name) => _orchestrators.ContainsKey(name);

    public OrchestratorInvoker? CreateOrchestrator(string name, IServiceProvider services) =>
        _orchestrators.TryGetValue(name, out var factory) ? factory(services) : null;

    public ActivityInvoker? FindActivity(string name) => _activities.GetValueOrDefault(name);

    public void AddOrchestratorType(string name, Type orchestratorType)
    {
        var (input, output) = FindGenericArguments(orchestratorType, typeof(IOrchestrator<,>), nameof(orchestratorType));
        var method = typeof(TaskRegistry).GetMethod(nameof(OrchestratorFactory), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(orchestratorType, input, output);
        AddOrchestrator(name, (Func<IServiceProvider, OrchestratorInvoker>)method.Invoke(null, null)!);
    }

    public void AddOrchestratorDelegate<TInput, TOutput>(string name, Func<IOrchestrationContext, TInput, Task<TOutput>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        AddOrchestrator(name, _ => async (context, input) =>
            DurableJson.Serialize(await run(context, DurableJson.Deserialize<TInput>(input)!)));
    }

    public void AddActivityType(string name, Type activityType)
    {
        var (input, output) = FindGenericArguments(activityType, typeof(IActivity<,>), nameof(activityType));
        var method = typeof(TaskRegistry).GetMethod(nameof(ActivityFactory), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(activityType, input, output);
        AddActivity(name, (ActivityInvoker)method.Invoke(null, null)!);
    }

    public void AddActivityDelegate<TInput, TOutput>(string name, Func<IActivityContext, TInput, CancellationToken, Task<TOutput>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        AddActivity(name, async (_, context, input, cancellationToken) =>
            DurableJson.Serialize(await run(context, DurableJson.Deserialize<TInput>(input)!, cancellationToken).ConfigureAwait(false)));
    }

    private void AddOrchestrator(string name, Func<IServiceProvider, OrchestratorInvoker> factory)
    {
        CheckName(name, "orchestrator");
        if (!_orchestrators.TryAdd(name, factory))
        {
            throw new ArgumentException($"An orchestrator named '{name}' is already registered.", nameof(name));
        }
    }

    private void AddActivity(string name, ActivityInvoker invoker)
    {
        CheckName(name, "activity");
        if (!_activities.TryAdd(name, invoker))
        {
            throw new ArgumentException($"An activity named '{name}' is already registered.", nameof(name));
        }
    }

    private static void CheckName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"An {what} needs a non-empty name.", nameof(name));
        }
    }

    private static (Type Input, Type Output) FindGenericArguments(Type type, Type openInterface, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsAbstract || type.IsInterface)
        {
            throw new ArgumentException($"'{type.FullName}' must be a concrete class.", parameterName);
        }

        var matches = type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface)
            .ToList();
        if (matches.Count != 1)
        {
            throw new ArgumentException(
                $"'{type.FullName}' must implement {openInterface.Name.Split('`')[0]}<TInput, TOutput> exactly once.", parameterName);
        }

        var arguments = matches[0].GetGenericArguments();
        return (arguments[0], arguments[1]);
    }

    private static Func<IServiceProvider, OrchestratorInvoker> OrchestratorFactory<TOrchestrator, TInput, TOutput>()
        where TOrchestrator : IOrchestrator<TInput, TOutput> =>
        services => async (context, input) =>
        {
            var orchestrator = ActivatorUtilities.CreateInstance<TOrchestrator>(services);
            return DurableJson.Serialize(await orchestrator.RunAsync(context, DurableJson.Deserialize<TInput>(input)!));
        };

    private static ActivityInvoker ActivityFactory<TActivity, TInput, TOutput>()
        where TActivity : IActivity<TInput, TOutput> =>
        async (services, context, input, cancellationToken) =>
        {
            var activity = ActivatorUtilities.CreateInstance<TActivity>(services);
            var output = await activity.RunAsync(context, DurableJson.Deserialize<TInput>(input)!, cancellationToken).ConfigureAwait(false);
            return DurableJson.Serialize(output);
        };
}
