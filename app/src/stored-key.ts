/** Where the editor's key is kept for the browser session (key.ts; read without Preact by index.html's boot script too). */
export const STORAGE = 'claimgraph-editor-key';

/** The editor's key, if one is kept (none when storage is refused, as in some private windows). */
export function getKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE);
  } catch {
    return null;
  }
}
