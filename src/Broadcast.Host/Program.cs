using Broadcast.Host;

return args is ["demo", .. var demoArgs]
    ? await DemoCommand.RunAsync(demoArgs)
    : await BroadcastHostApp.RunAsync(args);
