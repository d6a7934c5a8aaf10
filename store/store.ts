import type { Connection } from 'mongoose';
import type { Property } from '../domain/property.js';
import { AuditLog } from './audit-log.js';
import { MongoBotStateStorage } from './bot-state-storage.js';
import { ConfidentialAccess } from './confidential-access.js';
import { ConversationReferences } from './conversation-references.js';
import { HouseholdRegistry } from './households.js';
import { ensureIndexes } from './indexes.js';
import { Outbox } from './outbox.js';
import { ResidentAccounts } from './resident-accounts.js';
import { StaffDirectory } from './staff-directory.js';
import { TicketRepository } from './ticket-repository.js';

/** Everything PropDesk keeps, on one connection. */
export class Store {
  readonly tickets: TicketRepository;
  readonly staff: StaffDirectory;
  readonly households: HouseholdRegistry;
  readonly residents: ResidentAccounts;
  readonly references: ConversationReferences;
  readonly audit: AuditLog;
  readonly confidential: ConfidentialAccess;
  readonly botState: MongoBotStateStorage;
  readonly outbox: Outbox;

  private constructor(
    readonly connection: Connection,
    readonly property: Property,
  ) {
    this.tickets = new TicketRepository(connection, property);
    this.staff = new StaffDirectory(connection, property);
    this.households = new HouseholdRegistry(connection, property.code);
    this.residents = new ResidentAccounts(connection, this.households);
    this.references = new ConversationReferences(connection);
    this.audit = new AuditLog(connection);
    this.confidential = new ConfidentialAccess(this.audit, this.households.households, this.residents.accounts, this.tickets.tickets);
    this.botState = new MongoBotStateStorage(connection);
    this.outbox = new Outbox(connection);
  }

  /** Creates the indexes and loads the roster from the property file. */
  static async open(connection: Connection, property: Property): Promise<Store> {
    await ensureIndexes(connection);
    const store = new Store(connection, property);
    await store.staff.syncRoster();
    return store;
  }
}
