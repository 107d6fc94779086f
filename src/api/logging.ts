import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';
import { headerValue, type HeaderSource } from './identity';

/*
 * Structured logs: one JSON object per line on stdout (pino). Each request
 * gets one access-log line when it ends. What is never logged: request or
 * response bodies, headers (so no Authorization, no x-api-key), keys or their
 * hashes, the Neo4j password or URI. Editor identities are logged: they are
 * recorded in the graph anyway.
 */

export type { Logger };

/**
 * Paths pino censors should one of them ever be passed in by mistake (a
 * header object, a config): a second guard behind not logging them at all.
 */
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'password',
  '*.password',
  'key',
  '*.key',
  'keys',
  '*.keys',
];

export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'claimgraph' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  // Without a destination pino writes to stdout through an asynchronous
  // SonicBoom (sync: false, flushed on exit): a request never waits on a log write.
  return destination === undefined ? pino(options) : pino(options, destination);
}

/** A logger that writes nothing (tests, in-process servers). */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/** The request header that carries a request id, accepted from a proxy and echoed in the response. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The client's request id when it is a short token (letters, digits, `._:-`), else a new UUID. */
export function requestIdOf(headers: HeaderSource): string {
  const raw = headerValue(headers, REQUEST_ID_HEADER);
  // Sent twice, it names no one request: a new id is made.
  const given = (Array.isArray(raw) ? (raw.length === 1 ? raw[0] : undefined) : raw)?.trim();
  return given !== undefined && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}
