using Broadcast.Durable.Storage;

namespace Broadcast.Durable.Dispatch;

/// <summary>
/// Runs an instance's next step at once with <paramref name="message"/>, never stored, and commits them together;
/// false, with nothing written, when the message must be stored instead.
/// </summary>
/// <param name="message">The message the step consumes.</param>
/// <param name="completes">The activity whose result the message is, or null.</param>
internal delegate Task<bool> InlineStep(InboxMessage message, ActivityWorkItem? completes);
