import { isUtf8 } from 'node:buffer';

/** Bytes that are not UTF-8: where the first bad sequence starts, and its first byte. */
export interface Utf8Problem {
  offset: number;
  byte: number;
}

/**
 * The first byte that does not begin a well-formed UTF-8 sequence (RFC 3629:
 * no overlong form, no surrogate, nothing past U+10FFFF), or null when all
 * of `bytes` is UTF-8. Node's decoder would put U+FFFD in its place and go
 * on, so that `Café` in Latin-1 became `Caf\uFFFD`, ids included.
 */
export function utf8Problem(bytes: Uint8Array): Utf8Problem | null {
  if (isUtf8(bytes)) return null; // native and fast: the usual case
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return { offset: i, byte: b };
    // The second byte's range is narrower after E0, ED, F0 and F4 (overlong forms, surrogates, past U+10FFFF).
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return { offset: i, byte: b };
    }
    i += need + 1;
  }
  return null;
}

/** "line L, column C" of a byte offset (columns count characters, from 1). */
export function lineAndColumn(bytes: Uint8Array, offset: number): string {
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, offset).toString('utf8');
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** What to tell a user about bytes that are not UTF-8. */
export function describeUtf8Problem(bytes: Uint8Array, p: Utf8Problem): string {
  const hex = `0x${p.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return `byte ${hex} at offset ${p.offset} (${lineAndColumn(bytes, p.offset)}) starts no valid UTF-8 sequence; save or send the bundle as UTF-8 (for example iconv -f latin1 -t utf-8)`;
}
