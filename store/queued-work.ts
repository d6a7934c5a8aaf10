/** Raised when something is queued for the next outbox run (a ticket to dispatch, a message to send). */
export class QueuedWork {
  private raised = false;

  raise(): void {
    this.raised = true;
  }

  /** Whether anything was queued since the last call. */
  take(): boolean {
    const raised = this.raised;
    this.raised = false;
    return raised;
  }
}
