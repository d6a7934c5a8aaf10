import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { Logger } from 'pino';

/**
 * A loopback proxy in front of FerretDB on SQLite that lets one write command through at a time.
 *
 * SQLite has a single writer. When FerretDB's connections compete for it, the losers wait in
 * SQLite's busy handler, which sleeps in growing steps (up to 100 ms per retry) instead of queueing:
 * at 16 concurrent inserts that gives a p99 of ~130 ms and stalls over a second, for no more
 * throughput than one writer at a time (docs/storage-on-ferretdb.md). Queued here, in arrival order,
 * a write waits only for the writes ahead of it. Reads pass straight through (WAL readers do not
 * block). Messages are forwarded unchanged; only the wire-protocol frame headers and the command
 * name are read.
 */

const OP_MSG = 2013;
const OP_COMPRESSED = 2012;
const MORE_TO_COME = 0x2;
/** A write that gets no answer for this long gives the gate up (logged), so one stuck command cannot stop all writes. */
const HOLD_LIMIT_MS = 30_000;

const WRITE_COMMANDS = new Set([
  'insert',
  'update',
  'delete',
  'findandmodify',
  'create',
  'createindexes',
  'drop',
  'dropdatabase',
  'dropindexes',
  'renamecollection',
  'collmod',
]);

export interface SingleWriterProxy {
  /** mongodb:// address of the proxy, without a database name. */
  readonly uri: string;
  close(): Promise<void>;
}

/** FIFO gate: one holder at a time. */
class WriteGate {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

/** Splits a byte stream into wire-protocol messages (each starts with its int32 length). */
class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    while (this.buffered >= 4) {
      if (this.chunks[0]!.length < 4) this.chunks = [Buffer.concat(this.chunks)];
      const head = this.chunks[0]!;
      const length = head.readInt32LE(0);
      if (length < 16) throw new Error(`malformed wire message length ${length}`);
      if (this.buffered < length) break;
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      frames.push(all.subarray(0, length));
      const rest = all.subarray(length);
      this.chunks = rest.length > 0 ? [rest] : [];
      this.buffered = rest.length;
    }
    return frames;
  }
}

/** Follows the messages of a byte stream without keeping them: reports the `responseTo` of each one that ends. */
class ReplyWatcher {
  private readonly header = Buffer.alloc(12);
  private headerBytes = 0;
  private remaining = 0;
  private responseTo = 0;

  /** `responseTo` of every message that ended within `chunk`, in order. */
  push(chunk: Buffer): number[] {
    const ended: number[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.remaining -= take;
        offset += take;
        if (this.remaining === 0) ended.push(this.responseTo);
        continue;
      }
      const take = Math.min(12 - this.headerBytes, chunk.length - offset);
      chunk.copy(this.header, this.headerBytes, offset, offset + take);
      this.headerBytes += take;
      offset += take;
      if (this.headerBytes === 12) {
        this.headerBytes = 0;
        this.remaining = this.header.readInt32LE(0) - 12;
        this.responseTo = this.header.readInt32LE(8);
        if (this.remaining < 4) throw new Error('malformed wire message length');
      }
    }
    return ended;
  }
}

interface Request {
  write: boolean;
  expectsReply: boolean;
}

/** What a client message is: a write (by the command name of an OP_MSG body), and whether it expects a reply. */
export function describeRequest(frame: Buffer): Request {
  // a compressed message could be anything: let it wait like a write
  if (frame.length >= 16 && frame.readInt32LE(12) === OP_COMPRESSED) return { write: true, expectsReply: true };
  if (frame.length < 27 || frame.readInt32LE(12) !== OP_MSG) return { write: false, expectsReply: true };
  const expectsReply = (frame.readUInt32LE(16) & MORE_TO_COME) === 0;
  // header (16) + flagBits (4) + section kind (1) + document length (4) + element type (1) → element name
  if (frame[20] !== 0) return { write: true, expectsReply };
  const end = frame.indexOf(0, 26);
  const name = frame.toString('latin1', 26, end < 0 ? frame.length : end).toLowerCase();
  return { write: WRITE_COMMANDS.has(name), expectsReply };
}

function pipeConnection(client: Socket, upstreamHost: string, upstreamPort: number, gate: WriteGate, logger: Logger): void {
  const upstream = createConnection({ host: upstreamHost, port: upstreamPort });
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  const requests = new FrameReader();
  const replies = new ReplyWatcher();
  /** Messages held back, in order, behind a write that waits for the gate. */
  const queue: Buffer[] = [];
  let waitingForGate = false;
  let holding = false;
  /** requestID of the write holding the gate: only its answer lets the next write through. */
  let heldRequestId = 0;
  let holdTimer: NodeJS.Timeout | undefined;

  const letGo = (): void => {
    if (!holding) return;
    holding = false;
    clearTimeout(holdTimer);
    gate.release();
  };
  const drain = (): void => {
    while (queue.length > 0 && !waitingForGate && !holding) {
      const frame = queue.shift()!;
      const request = describeRequest(frame);
      if (!request.write) {
        upstream.write(frame);
        continue;
      }
      waitingForGate = true;
      void gate.acquire().then(() => {
        waitingForGate = false;
        if (upstream.destroyed) {
          gate.release();
          return;
        }
        upstream.write(frame);
        if (request.expectsReply) {
          holding = true;
          heldRequestId = frame.readInt32LE(4);
          holdTimer = setTimeout(() => {
            logger.warn({ holdLimitMs: HOLD_LIMIT_MS }, 'embedded database: a write got no answer in time; letting the next write through');
            letGo();
            drain();
          }, HOLD_LIMIT_MS);
        } else {
          gate.release();
        }
        drain();
      });
    }
  };
  const closeBoth = (): void => {
    letGo();
    client.destroy();
    upstream.destroy();
  };

  client.on('data', (chunk: Buffer) => {
    try {
      queue.push(...requests.push(chunk));
    } catch (err) {
      logger.warn({ err }, 'embedded database proxy: bad message from a client; closing its connection');
      closeBoth();
      return;
    }
    drain();
  });
  upstream.on('data', (chunk: Buffer) => {
    let ended: number[];
    try {
      ended = replies.push(chunk);
    } catch (err) {
      logger.warn({ err }, 'embedded database proxy: bad message from the server; closing the connection');
      closeBoth();
      return;
    }
    client.write(chunk);
    if (holding && ended.includes(heldRequestId)) {
      letGo();
      drain();
    }
  });
  client.on('close', closeBoth);
  upstream.on('close', closeBoth);
  client.on('error', closeBoth);
  upstream.on('error', closeBoth);
}

/** Starts the proxy on 127.0.0.1 (a free port) in front of `upstreamUri` (mongodb://host:port/). */
export async function startSingleWriterProxy(upstreamUri: string, logger: Logger): Promise<SingleWriterProxy> {
  const match = /^mongodb:\/\/([^:/]+):(\d+)\//.exec(upstreamUri);
  if (!match) throw new Error(`cannot proxy ${upstreamUri}`);
  const [, host, port] = match;
  const gate = new WriteGate();
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    pipeConnection(client, host!, Number(port), gate, logger);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => logger.warn({ err }, 'embedded database proxy: server error'));
  const { port: ownPort } = server.address() as { port: number };
  return {
    uri: `mongodb://127.0.0.1:${ownPort}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
