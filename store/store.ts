import type { Connection } from 'mongoose';
import type { Property } from '../domain/property.js';
import { AuditLog } from './audit-log.js';
import { MongoBotStateStorage } from './bot-state-storage.js';
import { ConfidentialAccess, ExternalArchiveAccess } from './confidential-access.js';
import { ConversationReferences } from './conversation-references.js';
import { HouseholdRegistry } from './households.js';
import { ensureIndexes } from './indexes.js';
import { externalAccessRequestModel } from './models/external-access.js';
import { internalAccessDecisionModel, internalAccessRequestModel } from './models/internal-access.js';
import { InternalArchiveAccess } from './internal-archive-access.js';
import { Notices } from './notices.js';
import { MediaStore } from './media.js';
import { Outbox } from './outbox.js';
import { ResidentAccounts } from './resident-accounts.js';
import { Retention } from './retention.js';
import { Settings } from './settings.js';
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
  readonly externalAccess: ExternalArchiveAccess;
  readonly internalAccess: InternalArchiveAccess;
  readonly notices: Notices;
  readonly retention: Retention;
  /** Photos and voice messages received on a channel (WeChat), served to staff through signed links. */
  readonly media: MediaStore;
  readonly settings: Settings;

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
    this.externalAccess = new ExternalArchiveAccess(this.audit, externalAccessRequestModel(connection), this.staff, this.confidential);
    this.internalAccess = new InternalArchiveAccess(
      this.audit,
      internalAccessRequestModel(connection),
      internalAccessDecisionModel(connection),
      this.households.households,
      this.staff,
      this.confidential,
      this.outbox,
      property.timeZone,
    );
    this.notices = new Notices(connection, this.staff, this.households, this.residents, this.references, this.outbox);
    this.retention = new Retention(connection, this.households, this.residents, this.staff, this.audit, property.retentionYears);
    this.media = new MediaStore(connection);
    this.settings = new Settings(connection);
  }

  /** Creates the indexes and loads the roster from the property file. */
  static async open(connection: Connection, property: Property): Promise<Store> {
    await ensureIndexes(connection);
    const store = new Store(connection, property);
    await store.staff.syncRoster();
    return store;
  }
}
