using Itsm.Service;

// The ITSM service on its own: `dotnet run --project samples/ItsmConnector/Itsm.Service -- --urls http://127.0.0.1:5090`.
var app = ItsmServiceApp.Build(args);
await app.RunAsync().ConfigureAwait(false);
