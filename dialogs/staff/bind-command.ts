/** `bind ENG-7F3K`, `绑定 ENG-7F3K`, `bind team SVC-3H9T` (a department channel). */
const BIND = /^\s*(?:bind|绑定)(?:\s+(team|group|团队|部门))?\s*[:：]?\s*([A-Za-z0-9-]{4,})\s*$/i;

export interface BindRequest {
  code: string;
  kind: 'personal' | 'department';
}

export function parseBindCommand(text: string | undefined): BindRequest | null {
  const match = text ? BIND.exec(text) : null;
  if (!match) return null;
  return { code: match[2]!.toUpperCase(), kind: match[1] ? 'department' : 'personal' };
}

export function looksLikeBindCommand(text: string | undefined): boolean {
  return Boolean(text && /^\s*(?:bind\b|绑定)/i.test(text));
}
