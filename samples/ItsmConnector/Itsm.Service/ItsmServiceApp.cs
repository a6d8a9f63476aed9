using System.Text.Json;
using System.Text.Json.Serialization;

namespace Itsm.Service;

/// <summary>The ITSM service: a small incident tracker standing in for Service Manager.</summary>
public static class ItsmServiceApp
{
    /// <summary>The JSON of requests and answers: camelCase, statuses by name, unknown fields refused.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The application with its endpoints, listening where <paramref name="args"/> say (<c>--urls</c>).</summary>
    public static WebApplication Build(string[] args, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(new IncidentStore(time ?? TimeProvider.System));
        var app = builder.Build();
        IncidentEndpoints.Map(app);
        return app;
    }
}
