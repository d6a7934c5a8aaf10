import type { Connection } from 'mongoose';
import { loadConfig } from '../../bot/config.js';
import type { Property } from '../../domain/property.js';
import type { OutboxEntry } from '../../store/outbox.js';
import { Store } from '../../store/store.js';
import type { TicketIntake } from '../../store/ticket-repository.js';
import { closeTestDatabase, openTestDatabase, testServerUri } from '../support/database.js';
import { runNode, type RunResult } from '../support/processes.js';

export const sampleProperty: Property = loadConfig({}).property;

/** Roster member → the conversation their binding uses in these tests. */
export const STAFF_CONVERSATIONS = {
  's-desk-1': 'conv-desk1',
  's-head-1': 'conv-head',
  's-eng-1': 'conv-eng1',
  's-eng-2': 'conv-eng2',
  's-sec-1': 'conv-sec1',
  's-pm-1': 'conv-pm',
  's-agent-1': 'conv-agent1',
} as const;

const BIND_CODES: Record<keyof typeof STAFF_CONVERSATIONS, string> = {
  's-desk-1': 'DESK-4Q8M',
  's-head-1': 'HEAD-6W1R',
  's-eng-1': 'ENG-7F3K',
  's-eng-2': 'ENG-2P5X',
  's-sec-1': 'SEC-9D4L',
  's-pm-1': 'PM-8K2Z',
  's-agent-1': 'SVC-3H9T',
};

export interface JobTestBed {
  connection: Connection;
  store: Store;
  close(): Promise<void>;
}

/** A store on a database of its own, with the sample roster bound to one test conversation each. */
export async function openJobTestBed(label: string, property: Property = sampleProperty): Promise<JobTestBed> {
  const connection = await openTestDatabase(label);
  const store = await Store.open(connection, property);
  for (const [id, conversationKey] of Object.entries(STAFF_CONVERSATIONS)) {
    await store.staff.bind(BIND_CODES[id as keyof typeof STAFF_CONVERSATIONS], { channelId: 'msteams', userId: id, conversationKey });
  }
  return { connection, store, close: () => closeTestDatabase(connection) };
}

/** `propdesk callbacks …` run as a process of its own on the test bed's database. */
export function callbacksCli(bed: JobTestBed): (...args: string[]) => Promise<RunResult> {
  const env = { MONGODB_URI: `${testServerUri().replace(/\/$/, '')}/${bed.connection.db!.databaseName}` };
  return (...args) => runNode(['dist/bot/cli/main.js', 'callbacks', ...args], { env });
}

/** The system's callback events on a ticket written by `by` (rework, closing, survey-job …): they record what was superseded. */
export async function supersedeEvents(store: Store, ticketNumber: string, by: string) {
  return (await store.tickets.getByNumber(ticketNumber)).events.filter((e) => e.kind === 'callback' && e.by.kind === 'system' && e.by.id === by);
}

let counter = 0;
export function intake(at: Date, fields: Partial<TicketIntake> = {}): TicketIntake {
  counter += 1;
  return {
    intakeKey: `job-test:${counter}:${Math.random()}`,
    category: 'repair',
    source: 'chat',
    channel: 'msteams',
    text: '3栋2单元501厨房水管爆了',
    location: { building: '3', unit: '2', room: '501' },
    resident: { accountId: 'msteams:resident-1', conversationKey: 'conv-resident' },
    receiver: { kind: 'system', id: 'chat-intake', name: 'PropDesk' },
    at,
    ...fields,
  };
}

export async function outboxFor(store: Store, ticketNumber: string): Promise<OutboxEntry[]> {
  return store.outbox.entries.find({ ticketNumber }).sort({ _id: 1 }).lean();
}

export function messageKeyOf(store: Store, entry: OutboxEntry): string {
  return store.outbox.payloadOf<{ key: string }>(entry).key;
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;

/** Opens a ticket and takes it through dispatch, accept and resolve; returns its number. */
export async function resolvedTicket(store: Store, openedAt: Date, resolvedAt: Date, fields: Partial<TicketIntake> = {}): Promise<string> {
  const { ticket } = await store.tickets.open(intake(openedAt, fields));
  const staff = { kind: 'staff' as const, id: 's-agent-1' };
  await store.tickets.act(ticket.number, 'dispatch', { by: { kind: 'system', id: 'test' }, at: openedAt });
  await store.tickets.act(ticket.number, 'accept', { by: staff, at: openedAt, set: { assignee: staff } });
  await store.tickets.act(ticket.number, 'resolve', { by: staff, at: resolvedAt });
  return ticket.number;
}
