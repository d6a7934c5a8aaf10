const TICKET_NUMBER = /\b([A-Z][A-Z0-9]{1,9}-\d{8}-\d{4})\b/i;

/** A ticket number such as HY01-20261126-0007 anywhere in the text (any case), upper-cased. */
export function findTicketNumber(text: string | undefined): string | null {
  const match = text ? TICKET_NUMBER.exec(text) : null;
  return match ? match[1]!.toUpperCase() : null;
}

/** The text with the ticket number taken out, e.g. the note in "补充 HY01-20261126-0007 下午在家". */
export function withoutTicketNumber(text: string): string {
  return text.replace(TICKET_NUMBER, ' ').replace(/\s+/g, ' ').trim();
}
