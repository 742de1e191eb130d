using Broadcast.Functions;
using Broadcast.Ledger.AzureTables;
using Broadcast.Sessions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services.AddBroadcastSessions(builder.Configuration);
// The leak ledger in a table of the app's own storage account (AzureWebJobsStorage), unless Ledger:* names another.
builder.Services.AddTableLeakLedger(builder.Configuration.GetSection(TableLeakLedgerOptions.SectionName),
    o => TableStorageConnection.Apply(o, builder.Configuration));
// Instances share the sessions, so they share the anchors' stream locks too: a lease per anchor in the same account.
builder.Services.AddTableAnchorLeases();
builder.AddBroadcastFunctions();

await builder.Build().RunAsync();
