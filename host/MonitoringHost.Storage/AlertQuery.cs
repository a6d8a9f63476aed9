namespace MonitoringHost.Storage;

/// <summary>
/// A page of alerts, ordered by (last modified, id): open ones only or all, modified at or after
/// <see cref="ModifiedSince"/>, after <see cref="After"/>, at most <see cref="Limit"/>. An alert changed while a
/// client pages moves to the end and comes again.
/// </summary>
public sealed record AlertQuery(bool OpenOnly = false, DateTimeOffset? ModifiedSince = null, AlertCursor? After = null, int Limit = 100);
