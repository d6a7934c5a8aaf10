/** MongoDB (and FerretDB) report a unique-index violation with code 11000. */
export function isDuplicateKeyError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; writeErrors?: Array<{ code?: unknown }> } | null;
  if (!e) return false;
  if (e.code === 11000 || e.code === 11001) return true;
  if (Array.isArray(e.writeErrors) && e.writeErrors.some((w) => w.code === 11000)) return true;
  return typeof e.message === 'string' && /E11000|duplicate key/i.test(e.message);
}
