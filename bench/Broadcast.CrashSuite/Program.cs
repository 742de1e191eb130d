using Broadcast.CrashSuite;

SuiteOptions options;
try
{
    options = SuiteOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SuiteOptions.Usage);
    return 2;
}

var folder = Directory.CreateTempSubdirectory("broadcast-crash-suite-").FullName;
// The whole run has a deadline: waiting for outcomes stops at --timeout-minutes; the rest may take little more.
using var cancel = new CancellationTokenSource(RunDeadline(options));
var interrupted = false;
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupted = true;
    cancel.Cancel();
};

try
{
    var violations = await new CrashRun(options, folder, TimeProvider.System).RunAsync(cancel.Token);
    Console.WriteLine();
    if (violations.Count > 0)
    {
        Console.WriteLine($"crash suite: FAILED with {violations.Count} violations (seed {options.Seed}); logs and database kept in {folder}");
        return 1;
    }

    Console.WriteLine($"crash suite: PASSED, every check held (seed {options.Seed})");
    if (options.Keep)
    {
        Console.WriteLine($"logs and database kept in {folder}");
    }
    else
    {
        Directory.Delete(folder, recursive: true);
    }

    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested && !interrupted)
{
    Console.WriteLine($"crash suite: FAILED: the run took longer than {RunDeadline(options).TotalMinutes:0} min (seed {options.Seed}); logs kept in {folder}");
    return 1;
}
catch (Exception e) when (e is InvalidOperationException or SuiteFailureException or Azure.RequestFailedException or HttpRequestException)
{
    Console.WriteLine($"crash suite: FAILED to run: {e.Message} (seed {options.Seed}); logs kept in {folder}");
    Console.Error.WriteLine(e);
    return 1;
}

static TimeSpan RunDeadline(SuiteOptions options) => options.Timeout + TimeSpan.FromMinutes(2);
