import type { Connection } from 'mongoose';
import { claim } from './claims.js';
import { claimModel } from './models/support.js';

/** Time slots of scheduled jobs, claimed by a unique insert so that one process runs each slot. */
export class JobSlots {
  private readonly slots;

  constructor(connection: Connection) {
    this.slots = claimModel(connection, 'jobSlots');
  }

  claim(slotKey: string, jobName: string, at: Date): Promise<boolean> {
    return claim(this.slots, slotKey, jobName, at);
  }

  /** Gives a slot back after a failed run, so that the next tick or a rerun may try it again. */
  async release(slotKey: string): Promise<void> {
    await this.slots.deleteOne({ _id: slotKey });
  }
}
