import type { Model } from 'mongoose';
import { resolutionRound } from '../domain/callback-rounds.js';
import type { TicketStatus } from '../domain/vocabulary.js';
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

/** One ticket's status and event kinds (by `_id`), enough to tell its round; null when there is no such ticket. */
export async function roundAndStatusOf(tickets: Model<TicketDocument>, number: string): Promise<{ status: TicketStatus; events: { kind: string }[] } | null> {
  const ticket = await tickets.findById(number, { status: 1, 'events.kind': 1 }).lean();
  return ticket ? { status: ticket.status, events: ticket.events ?? [] } : null;
}

/** Of `numbers`, the tickets closed or cancelled, with that status (read `$in` chunk by chunk, the status only). */
export async function closedOrCancelledAmong(tickets: Model<TicketDocument>, numbers: readonly string[]): Promise<Map<string, 'closed' | 'cancelled'>> {
  const settled = new Map<string, 'closed' | 'cancelled'>();
  for (const chunk of inChunks([...new Set(numbers)])) {
    const found = await tickets.find({ _id: { $in: chunk }, status: { $in: ['closed', 'cancelled'] } }, { number: 1, status: 1 }).lean();
    for (const ticket of found) settled.set(ticket.number, ticket.status as 'closed' | 'cancelled');
  }
  return settled;
}
