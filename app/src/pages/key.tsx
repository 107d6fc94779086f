import { useState } from 'preact/hooks';
import { checkKey } from '../api';
import { getKey, setKey, useHasKey } from '../key';
import { ErrorNote, HOW_TO_GET_A_KEY, useTitle } from '../ui';

export function KeyPage() {
  const hasKey = useHasKey();
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [status, setStatus] = useState('');
  useTitle('Editor key');
  return (
    <div class="page" data-page="key">
      <h1>Editor key</h1>
      <p class="lede">
        Without a key the explorer is read-only. With an editor’s key you can record statements, link claims, rate sources, assess claims and decide on possible
        duplicates. The key is kept for this browser session only (sessionStorage) and sent with each request as <code>Authorization: Bearer …</code>.
      </p>
      {hasKey ? (
        <>
          <p>An editor key is kept for this session.</p>
          <button
            type="button"
            onClick={() => {
              setKey(null);
              setStatus('The key is forgotten: the explorer is read-only again.');
            }}
          >
            Forget the key
          </button>
        </>
      ) : (
        <>
          <p>{HOW_TO_GET_A_KEY}</p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const key = value.trim();
              setError(undefined);
              setKey(key);
              // The server refuses a key it does not know even for a read: check before keeping it.
              checkKey().then(
                () => {
                  setValue('');
                  setStatus('Key kept for this session.');
                },
                (err: unknown) => {
                  if (getKey() === key) setKey(null);
                  setError(err);
                },
              );
            }}
          >
            <label for="key-input">API key</label>
            <input id="key-input" type="password" autocomplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} required />
            <button type="submit">Use this key</button>
          </form>
        </>
      )}
      <ErrorNote error={error} />
      <p role="status">{status}</p>
    </div>
  );
}
