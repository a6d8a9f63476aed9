namespace MonitoringHost.Storage;

/// <summary>A writer's turn (<see cref="InstanceStore.EnterWriteAsync"/>): disposing it lets the next writer in.</summary>
internal readonly struct WriteTurn(SemaphoreSlim? gate) : IDisposable
{
    public void Dispose() => gate?.Release();
}
