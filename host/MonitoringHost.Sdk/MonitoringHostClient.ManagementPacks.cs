using System.Net.Http.Headers;
using MonitoringHost.Sdk.Contracts;

namespace MonitoringHost.Sdk;

public sealed partial class MonitoringHostClient
{
    /// <summary>
    /// Imports management packs (<c>POST /management-packs</c>): one file as <c>application/xml</c>, several as
    /// <c>multipart/form-data</c>, all or nothing. With <paramref name="validateOnly"/> the server only checks them.
    /// A pack that parses but does not validate is refused with 422 and every problem (file, line, element).
    /// </summary>
    /// <param name="files">The pack files (XML).</param>
    /// <param name="validateOnly">Check without importing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The packs imported (or found valid).</returns>
    public async Task<IReadOnlyList<ManagementPackImported>> ImportManagementPacksAsync(IReadOnlyList<string> files, bool validateOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfZero(files.Count);
        var path = Query("management-packs", ("validateOnly", validateOnly ? true : null));
        if (files.Count == 1)
        {
            using var single = new ByteArrayContent(await File.ReadAllBytesAsync(files[0], cancellationToken).ConfigureAwait(false));
            single.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            return [await SendAsync<ManagementPackImported>(HttpMethod.Post, path, single, cancellationToken).ConfigureAwait(false)];
        }

        using var form = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var part = new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            form.Add(part, "file", Path.GetFileName(file));
        }

        // Several packs are answered with a JSON array, one entry per pack in the order of the form.
        return await SendAsync<List<ManagementPackImported>>(HttpMethod.Post, path, form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The packs the server has (<c>GET /management-packs</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every pack.</returns>
    public async Task<IReadOnlyList<ManagementPackInfo>> ListManagementPacksAsync(CancellationToken cancellationToken = default)
    {
        var packs = new List<ManagementPackInfo>();
        await foreach (var pack in WalkAsync((cursor, token) => GetAsync<ListPage<ManagementPackInfo>>(Query("management-packs", ("cursor", cursor)), token), cancellationToken).ConfigureAwait(false))
        {
            packs.Add(pack);
        }

        return packs;
    }

    /// <summary>One pack (<c>GET /management-packs/{name}</c>).</summary>
    /// <param name="name">The pack's name (its ID in the manifest).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pack.</returns>
    public Task<ManagementPackInfo> GetManagementPackAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync<ManagementPackInfo>($"management-packs/{Escape(name)}", cancellationToken);

    /// <summary>A pack's XML as it was imported (<c>GET /management-packs/{name}</c>, <c>Accept: application/xml</c>).</summary>
    /// <param name="name">The pack's name (its ID in the manifest).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The file's bytes exactly as imported (its encoding and byte order mark kept).</returns>
    public async Task<byte[]> ExportManagementPackAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"management-packs/{Escape(name)}", null, cancellationToken, accept: "application/xml").ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a pack (<c>DELETE /management-packs/{name}</c>): its workflows, and the objects only it defined; 409 if another pack references it.</summary>
    /// <param name="name">The pack's name (its ID in the manifest).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Once it is removed.</returns>
    public async Task RemoveManagementPackAsync(string name, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"management-packs/{Escape(name)}", null, cancellationToken).ConfigureAwait(false);
    }
}
