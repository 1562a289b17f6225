using NeonPro.Web.Infrastructure;
using NeonPro.Web.Infrastructure.Cli;

// NeonPro: clinic management for Brazilian aesthetic clinics. Everything is registered by the areas
// themselves (Infrastructure/NeonProApp.cs reads as the table of contents).
var builder = WebApplication.CreateBuilder(NeonProApp.HostOptions(args));
builder.AddNeonPro();
var app = builder.Build();

// create-admin, seed-demo, db-script: run, print, exit without serving.
if (CommandLine.IsCommand(args)) return await CommandLine.RunAsync(app, args);

await app.UseNeonProAsync();
await app.RunAsync();
return 0;

public partial class Program;
