namespace Rtl.Tasks;

/// <summary>
/// A task whose every output row depends only on the same input row (arithmetic, filter, cross_max …).
/// A stage made only of such tasks may be split into chunks that run on several silos and are joined
/// back in order with the same result.
/// </summary>
public interface IRowLocalTask : IRtlTask;
