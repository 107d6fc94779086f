import { useEffect, useState } from 'preact/hooks';
import { useKeyFrom } from './api';
import { getKey, STORAGE } from './stored-key';

export { getKey } from './stored-key';

/*
 * The editor's API key lives in sessionStorage: entered once, kept while the
 * browser session lasts, gone when it ends, never in a URL or a cookie. The
 * API module reads it for every request (Authorization: Bearer <key>).
 */

const listeners = new Set<() => void>();

export function setKey(key: string | null): void {
  if (key === null) sessionStorage.removeItem(STORAGE);
  else sessionStorage.setItem(STORAGE, key);
  for (const listener of listeners) listener();
}

useKeyFrom(getKey);

/** Whether an editor key is kept, re-rendering when it is set or forgotten. */
export function useHasKey(): boolean {
  const [has, setHas] = useState(getKey() !== null);
  useEffect(() => {
    const update = () => setHas(getKey() !== null);
    listeners.add(update);
    return () => void listeners.delete(update);
  }, []);
  return has;
}
