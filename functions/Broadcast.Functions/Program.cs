using Broadcast.Functions;
using Broadcast.Sessions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

IlvbCertificateFile.Apply(builder.Configuration);
builder.Services.AddBroadcastSessions(builder.Configuration);
builder.AddBroadcastFunctions();

await builder.Build().RunAsync();
