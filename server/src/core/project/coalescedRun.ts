/**
 * Runs an async task one at a time: a call while it runs asks for one more run after it (however
 * many calls came), and gets the promise of the whole sequence. `pending` tells a long run that it
 * is already out of date, so it may stop early.
 */
export class CoalescedRun {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly task: () => Promise<void>) {}

  get pending(): boolean {
    return this.again;
  }

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.task();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
