using Broadcast.Host;

namespace Broadcast.BadInput.Tests;

/// <summary>
/// Bad settings at start, through the program's own entry point: the host does not start, and what it prints names
/// the setting. The shared host keeps serving meanwhile.
/// </summary>
[Collection(BadInputCases.Name)]
public sealed class BadConfigurationTests(BadInputFixture host)
{
    [Theory]
    [MemberData(nameof(ConfigCases.Names), MemberType = typeof(ConfigCases))]
    public Task Host_BadSetting_RefusesToStartNamingTheSetting(string name) => RefusesAsync(name);

    [Theory]
    [MemberData(nameof(ConfigCases.DatabaseFileNames), MemberType = typeof(ConfigCases))]
    public Task Host_UnusableDatabaseFile_RefusesToStartNamingTheSetting(string name) => RefusesAsync(name);

    private async Task RefusesAsync(string name)
    {
        var badCase = ConfigCases.ByName[name];
        var folder = Directory.CreateTempSubdirectory("broadcast-badconfig-");
        try
        {
            var settings = HostSettings.For(folder.FullName, new Uri("http://127.0.0.1:9/"), queues: null);
            settings["urls"] = "http://127.0.0.1:0";
            foreach (var (key, value) in badCase.Changes)
            {
                settings[key] = value;
            }

            var message = await StartFailureAsync([.. settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}")]);

            foreach (var setting in badCase.Mentions.Split('&'))
            {
                Assert.True(ProblemText.Mentions(message, setting), $"The start failure does not name '{setting}':\n{message}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        await host.AssertPromisesKeptAsync();
    }

    /// <summary>Runs the program's entry point; returns what it printed (or the exception it ended with) once it gave up starting.</summary>
    private static async Task<string> StartFailureAsync(string[] args)
    {
        var printed = new StringWriter();
        var original = Console.Error;
        Console.SetError(printed);
        try
        {
            var run = BroadcastHostApp.RunAsync(args);
            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.True(finished == run, "The host started (or hung) instead of refusing its configuration.");
            var exitCode = await run;
            Assert.True(exitCode != 0, $"The host exited with 0 instead of refusing its configuration:\n{printed}");
            return printed.ToString();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            // An exception that ends the program is a start failure too; its message is what the operator sees.
            return printed + e.ToString();
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
