import type { Model } from 'mongoose';
import { resolutionRound } from '../domain/callback-rounds.js';
import { inChunks } from './in-chunks.js';
import type { TicketDocument } from './models/ticket.js';

/** The current resolution round of each of `numbers` on file (read `$in` chunk by chunk, the event kinds only). */
export async function resolutionRoundsOf(tickets: Model<TicketDocument>, numbers: readonly string[]): Promise<Map<string, number>> {
  const rounds = new Map<string, number>();
  for (const chunk of inChunks([...new Set(numbers)])) {
    for (const ticket of await tickets.find({ _id: { $in: chunk } }, { number: 1, 'events.kind': 1 }).lean()) rounds.set(ticket.number, resolutionRound(ticket));
  }
  return rounds;
}

/** The current resolution round of one ticket (its event kinds only, by `_id`); null when there is no such ticket. */
export async function resolutionRoundOf(tickets: Model<TicketDocument>, number: string): Promise<number | null> {
  const ticket = await tickets.findById(number, { 'events.kind': 1 }).lean();
  return ticket ? resolutionRound(ticket) : null;
}
