import { ensureServerBinary } from '../store/embedded/ferretdb-binary.js';

/** Installs the embedded database server when it is missing (run by `npm start`, `npm test` and .ci/run). */
if (!process.env.MONGODB_URI) {
  try {
    const binary = ensureServerBinary();
    process.stdout.write(`propdesk: embedded database server: ${binary.kind} (${binary.path})\n`);
  } catch (err) {
    process.stderr.write(`propdesk: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
