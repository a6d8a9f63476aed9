namespace MonitoringHost.Runtime.Modules.Performance;

/// <summary>The last <see cref="Capacity"/> values of one counter instance, oldest first, with their running sum.</summary>
internal sealed class SampleWindow(int capacity)
{
    private readonly Queue<double> _values = new(capacity);
    private int _sinceRecount;

    public int Capacity { get; } = capacity;

    public int Count => _values.Count;

    public bool IsFull => _values.Count == Capacity;

    public double Sum { get; private set; }

    public double Oldest => _values.Peek();

    /// <summary>Adds <paramref name="value"/>, dropping the oldest value when the window is full.</summary>
    public void Add(double value)
    {
        if (IsFull)
        {
            Sum -= _values.Dequeue();
        }

        _values.Enqueue(value);

        // Re-adding from scratch now and then keeps rounding from piling up over months of subtract-and-add.
        Sum = _values.Count == Capacity && ++_sinceRecount >= 1024 ? Recount() : Sum + value;
    }

    private double Recount()
    {
        _sinceRecount = 0;
        return _values.Sum();
    }
}
