import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import type { HouseholdInput, HouseholdMemberInput, HouseholdRegistry } from './households.js';

export const IMPORT_COLUMNS = ['building', 'unit', 'room', 'name', 'role', 'phone', 'moved_in'] as const;
const ROLES = ['owner', 'tenant', 'member'] as const;
const PLACE_PART = /^[^\s-]{1,10}$/;
const PHONE = /^\+?[\d\s-]{7,20}$/;

export interface ImportRowError {
  line: number;
  message: string;
}

export interface ImportPlan {
  households: HouseholdInput[];
  rowCount: number;
  errors: ImportRowError[];
}

interface RawRow {
  line: number;
  fields: Record<string, unknown>;
}

/** Reads and checks a whole file; `errors` names every bad row by its line in the file. */
export function planHouseholdImport(text: string, format: 'csv' | 'json', archiveNoFor: HouseholdRegistry['archiveNoFor']): ImportPlan {
  let rows: RawRow[];
  try {
    rows = format === 'csv' ? csvRows(text) : jsonRows(text);
  } catch (err) {
    return { households: [], rowCount: 0, errors: [{ line: (err as { line?: number }).line ?? 1, message: (err as Error).message }] };
  }
  const errors: ImportRowError[] = [];
  const byArchive = new Map<string, HouseholdInput>();
  const seen = new Set<string>();
  for (const row of rows) {
    const problems: string[] = [];
    const value = (name: string) => {
      const v = row.fields[name];
      return v === undefined || v === null ? '' : String(v).trim();
    };
    const building = value('building');
    const unit = value('unit');
    const room = value('room');
    const name = value('name');
    const role = value('role');
    const phone = value('phone');
    const movedIn = value('moved_in');
    if (!PLACE_PART.test(building)) problems.push(`building "${building}" is missing or malformed`);
    if (unit && !PLACE_PART.test(unit)) problems.push(`unit "${unit}" is malformed`);
    if (!PLACE_PART.test(room)) problems.push(`room "${room}" is missing or malformed`);
    if (!name || name.length > 40) problems.push('name is missing or longer than 40 characters');
    if (!(ROLES as readonly string[]).includes(role)) problems.push(`role "${role}" is not one of ${ROLES.join(', ')}`);
    if (phone && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 7)) problems.push(`phone "${phone}" is not a phone number`);
    const movedInDate = DateTime.fromISO(movedIn, { zone: 'Asia/Shanghai' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(movedIn) || !movedInDate.isValid) problems.push(`moved_in "${movedIn}" is not a date (YYYY-MM-DD)`);
    const unknown = Object.keys(row.fields).filter((key) => !(IMPORT_COLUMNS as readonly string[]).includes(key));
    if (unknown.length) problems.push(`unknown field ${unknown.join(', ')}`);
    if (problems.length === 0) {
      const location = { building, unit: unit || null, room };
      const archiveNo = archiveNoFor(location);
      const memberKey = `${archiveNo}/${name}`;
      if (seen.has(memberKey)) problems.push(`${name} is listed twice for ${archiveNo}`);
      seen.add(memberKey);
      const household = byArchive.get(archiveNo) ?? { ...location, members: [] };
      const member: HouseholdMemberInput = { name, role: role as HouseholdMemberInput['role'], movedIn: movedInDate.toJSDate(), ...(phone ? { phone } : {}) };
      household.members.push(member);
      byArchive.set(archiveNo, household);
    }
    if (problems.length) errors.push({ line: row.line, message: problems.join('; ') });
  }
  return { households: errors.length ? [] : [...byArchive.values()], rowCount: rows.length, errors };
}

export interface ImportResult {
  imported: number;
  unchanged: number;
}

/** Imports a clean plan; a plan with any error imports nothing. */
export async function importHouseholds(registry: HouseholdRegistry, plan: ImportPlan, by: string, at: Date): Promise<ImportResult> {
  if (plan.errors.length) throw new Error(`the file has ${plan.errors.length} bad row(s); nothing imported`);
  let imported = 0;
  let unchanged = 0;
  for (const household of plan.households) {
    const outcome = await registry.save(household, by, at);
    if (outcome.changed) imported += 1;
    else unchanged += 1;
  }
  return { imported, unchanged };
}

function csvRows(text: string): RawRow[] {
  const records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true, columns: false }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const [header, ...body] = records;
  const columns = (header?.record ?? []).map((c) => c.trim());
  const missing = IMPORT_COLUMNS.filter((c) => !columns.includes(c));
  const extra = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (missing.length || extra.length) {
    const message = `the header must be ${IMPORT_COLUMNS.join(',')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unknown ${extra.join(', ')}` : ''}`;
    throw Object.assign(new Error(message), { line: header?.info.lines ?? 1 });
  }
  return body.map(({ record, info }) => {
    const fields: Record<string, unknown> = Object.fromEntries(columns.map((column, i) => [column, record[i]]));
    if (record.length !== columns.length) fields[`(${record.length} columns, expected ${columns.length})`] = true;
    return { line: info.lines, fields };
  });
}

function jsonRows(text: string): RawRow[] {
  const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (!Array.isArray(data)) throw Object.assign(new Error('expected a JSON array of rows'), { line: 1 });
  const lines = elementLines(text);
  return data.map((item, i) => ({
    line: lines[i] ?? i + 1,
    fields: item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : { '(not an object)': true },
  }));
}

/** The line on which each element of a top-level JSON array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line += 1;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expectElement) {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}
