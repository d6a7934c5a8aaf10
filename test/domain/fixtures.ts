import { parseProperty, type Property } from '../../domain/property.js';

/** A valid property file body; tests spread their changes over it. */
export function rawProperty(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: 'HY01',
    name: '恒宇花园',
    kind: 'residential',
    timeZone: 'Asia/Shanghai',
    dutyPhone: '0551-62880000',
    departments: [
      { id: 'service', name: '客户服务部' },
      { id: 'engineering', name: '工程维修部' },
      { id: 'security', name: '安全管理部' },
      { id: 'management', name: '项目部' },
    ],
    staff: [{ id: 's-eng-1', name: '王师傅', department: 'engineering', role: 'technician', bindCode: 'ENG-7F3K' }],
    callbackRates: { complaint: 1, repair: 0.3, other: 0.1 },
    calendar: { extraHolidays: [], extraWorkdays: [] },
    ...changes,
  };
}

export function property(changes: Record<string, unknown> = {}): Property {
  return parseProperty(rawProperty(changes));
}

/** An instant given as ISO-8601 with an offset, e.g. at('2026-09-30T15:00:00+08:00'). */
export function at(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test instant ${iso}`);
  return date;
}
