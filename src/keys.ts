import { createHash, randomBytes } from 'node:crypto';
import { show } from './errors';
import { EDITOR_EXPECTED, editorProblem, ROLES, type Role } from './identity';

/*
 * API keys as the configuration holds them: a role, an editor identity and
 * the key's SHA-256 (the server never stores a key). Below every layer, so
 * that src/config.ts can parse them without importing the API.
 */

/** One configured key: a role, an editor identity, and the SHA-256 of the key. */
export interface ApiKeyEntry {
  role: Role;
  editor: string;
  /** 32 bytes. */
  hash: Buffer;
}

/** Generated keys start with this, so a key pasted where a hash belongs is recognised. */
export const KEY_PREFIX = 'cgk_';

export const hashKey = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/** A new random key: 32 bytes from the OS's CSPRNG, base64url. */
export const generateKey = (): string => `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;

/** The configuration line for a key: `role:editor:sha256-hex`. */
export const keyLine = (role: Role, editor: string, key: string): string => `${role}:${editor}:${hashKey(key).toString('hex')}`;

/**
 * Parses configuration entries `role:editor:sha256-hex` (blank entries and
 * `#` comments are skipped). The editor is everything between the first and
 * the last colon, so it may hold colons. A problem never echoes the third
 * field: it may be a key pasted by mistake.
 */
export function parseKeyEntries(lines: readonly string[], where: string): { entries: ApiKeyEntry[]; problems: string[] } {
  const entries: ApiKeyEntry[] = [];
  const problems: string[] = [];
  const expected = 'role:editor:sha256-hex (npx claimgraph key create prints one)';
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = `${where} ${index + 1}`;
    const first = line.indexOf(':');
    const last = line.lastIndexOf(':');
    if (first < 0 || last === first) {
      problems.push(`${at}: expected ${expected}, got ${line.length} characters with ${first < 0 ? 'no colon' : 'one colon'}`);
      return;
    }
    const role = line.slice(0, first).trim();
    const editor = line.slice(first + 1, last).trim();
    const hex = line.slice(last + 1).trim();
    if (!(ROLES as readonly string[]).includes(role)) problems.push(`${at}: expected a role of ${ROLES.join(', ')}, got ${show(role, 20)}`);
    const problem = editorProblem(editor);
    if (problem !== null) problems.push(`${at}: expected an editor of ${EDITOR_EXPECTED}, got ${problem}`);
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
      const looksLikeKey = hex.startsWith(KEY_PREFIX) ? ' (this looks like a key itself: put its SHA-256 here, never the key)' : '';
      problems.push(`${at}: expected the SHA-256 of the key as 64 hex digits, got ${hex.length} characters${looksLikeKey}`);
      return;
    }
    if ((ROLES as readonly string[]).includes(role) && problem === null) entries.push({ role: role as Role, editor, hash: Buffer.from(hex, 'hex') });
  });
  return { entries, problems };
}
