import type { Category, Severity } from '../../domain/index.js';
import type { TicketLocation } from '../../store/ticket-repository.js';
import type { Language } from '../language.js';

export interface DraftAttachment {
  contentType: string;
  url?: string;
  name?: string;
}

/** What an intake has gathered so far; kept in the dialog state between turns. */
export interface IntakeDraft {
  /** channel + conversation + the id of the activity that started the intake. */
  intakeKey: string;
  language: Language;
  text: string;
  category: Category | null;
  severity: Severity | null;
  location: TicketLocation | null;
  householdId: string | null;
  phone: string | null;
  /** The phone on the resident's account when the intake began; null when there was no account (absent in drafts saved before this field). */
  phoneOnFile?: { phone: string | null } | null;
  preferredTime: string | null;
  attachments: DraftAttachment[];
  /** The resident's answers after the first message, stored on the ticket history. */
  messages: string[];
  /** A recent ticket of the same resident that looks like the same request. */
  possibleDuplicate: { number: string; text: string; minutes: number } | null;
  /** Whether the first message left something to ask (then optional fields are asked too). */
  asked: boolean;
}
