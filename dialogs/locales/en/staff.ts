import type { staffZhCN } from '../zh-CN/staff.js';

export const staffEn: Record<keyof typeof staffZhCN, string> = {
  bindDone: 'Bound: {{name}} ({{department}} · {{role}}). Dispatch cards will reach you here.',
  bindTeamDone: 'This channel now receives the dispatch cards of {{department}} (bound by {{name}}).',
  bindUnknownCode: 'That bind code is not valid. Please check it, or ask the customer-service head for yours.',
  bindUsage: 'To bind, send: bind <code>, e.g. "bind ENG-7F3K".',
  bindInactive: 'That bind code belongs to someone no longer on the roster. Please ask the customer-service head.',
  bindElsewhere: 'That bind code is already used by another account. Ask the customer-service head to move it.',
  staffHelp: 'Hello {{name}}. Commands: "my queue" lists your open tickets, "ticket <number>" shows one.',
};
