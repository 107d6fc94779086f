import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, pickClaims, pickSources, type ClaimRef, type ClaimStatus, type Conflict, type Position, type Reliability, type SourceRef } from './api';
import { countText, POSITION_LABEL, RELIABILITY_LABEL, sourceNature, STATUS_LABEL } from './format';
import { useHasKey } from './key';
import { href } from './router';

// ---------------------------------------------------------------- data

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `deps` change (a newer run wins over a slower older one).
 * `answered`, when given, may hold the first run's answer already (one asked
 * ahead of the app): the first render then shows it, and nothing is loaded.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[], answered?: () => T | undefined): Async<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>(() => {
    const data = answered?.();
    return { data, error: undefined, loading: data === undefined };
  });
  const [tick, setTick] = useState(0);
  const shown = useRef<readonly unknown[]>(deps);
  const loaded = useRef(state.data !== undefined);
  useEffect(() => {
    if (loaded.current) {
      loaded.current = false;
      return;
    }
    let live = true;
    // A reload keeps what is shown until the new answer comes; another record (new deps) does not.
    const same = deps.length === shown.current.length && deps.every((d, i) => Object.is(d, shown.current[i]));
    shown.current = deps;
    setState((s) => ({ data: same ? s.data : undefined, error: undefined, loading: true }));
    load().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: unknown) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

/** Sets the window title while a page shows. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title === undefined ? 'claimgraph explorer' : `${title} · claimgraph explorer`;
  }, [title]);
}

// ---------------------------------------------------------------- states

export const Loading = ({ what }: { what: string }) => (
  <p class="loading" role="status">
    Loading {what}…
  </p>
);

/** The API's own message (and each problem with the input), read out when it appears. */
export function ErrorNote({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const api = error instanceof ApiError ? error : null;
  return (
    <div class="error" role="alert">
      <p>
        <strong>{api?.code === 'NOT_FOUND' ? 'Not found' : api !== null && ['UNAUTHENTICATED', 'FORBIDDEN'].includes(api.code) ? 'Refused' : 'Error'}:</strong>{' '}
        {error instanceof Error ? error.message : String(error)}
      </p>
      {api !== null && api.problems.length > 0 && (
        <ul>
          {api.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Shows a page's load: its data when there, else loading or the error. */
export function Loaded<T>({ state, what, children }: { state: Async<T>; what: string; children: (data: T) => ComponentChildren }) {
  if (state.error !== undefined) return <ErrorNote error={state.error} />;
  if (state.data === undefined) return <Loading what={what} />;
  return <>{children(state.data)}</>;
}

// ---------------------------------------------------------------- labels

export const StatusBadge = ({ status }: { status: ClaimStatus }) => <span class={`badge status-${status.toLowerCase()}`}>{STATUS_LABEL[status]}</span>;

export const GradeBadge = ({ grade, label }: { grade: number; label: string }) => (
  <span class={`badge grade grade-${grade}`}>
    Credibility {grade}: {label}
  </span>
);

export const ReliabilityBadge = ({ grade }: { grade: Reliability }) => (
  <span class={`badge reliability reliability-${grade.toLowerCase()}`}>
    Reliability {grade}: {RELIABILITY_LABEL[grade]}
  </span>
);

export const PositionTag = ({ position }: { position: Position }) => <span class={`tag pos-${position.toLowerCase()}`}>{POSITION_LABEL[position]}</span>;

/** A source by name, linked, with what it is when that matters: anonymous, a counted group. */
export function SourceName({ source }: { source: SourceRef }) {
  const nature = sourceNature(source);
  return (
    <span class="source-name">
      <a href={href({ page: 'source', id: source.recordId })}>{source.name}</a>
      {(source.anonymous || source.count !== null) && <span class="nature"> ({nature})</span>}
    </span>
  );
}

export const ClaimLink = ({ claim }: { claim: ClaimRef }) => <a href={href({ page: 'claim', id: claim.recordId, statement: null })}>{claim.text}</a>;

/** The words of a statement: a verbatim quote in quotation marks, else a paraphrase marked as such. */
export function Words({ quote, paraphrase }: { quote: string | null; paraphrase: string | null }) {
  if (quote !== null) return <q class="quote">{quote}</q>;
  if (paraphrase !== null)
    return (
      <span class="paraphrase">
        <span class="sr-label">Paraphrase: </span>
        {paraphrase}
      </span>
    );
  return <span class="muted">(no words recorded)</span>;
}

// ---------------------------------------------------------------- conflicts
// Shown by the claim page and the source page. Here rather than in a module of their own, so that
// the claim page's first render needs one chunk beside the entry script, not two (esbuild gives
// code shared by a different set of pages a chunk of its own, and each is one more request).
function ConflictSources({ list }: { list: { totalCount: number; nodes: SourceRef[] } }) {
  const more = list.totalCount - list.nodes.length;
  return (
    <>
      {list.nodes.map((s, i) => (
        <span key={s.recordId}>
          {i > 0 && ', '}
          <SourceName source={s} />
        </span>
      ))}
      {more > 0 && ` and ${more} more`}
    </>
  );
}

const datedOrNot = (s: { dated: { value: string } | null } | null) => (s?.dated ? s.dated.value : 'undated');

/** One conflict in words: who stands on each side, and on what. */
export function ConflictItem({ conflict: c }: { conflict: Conflict }) {
  if (c.kind === 'REVISION') {
    return (
      <li class="conflict">
        <span class="tag kind">Revision</span> <ConflictSources list={c.sourcesConnection} /> changed its account: it {c.earlier ? POSITION_LABEL[c.earlier.position] : '?'} “
        <ClaimLink claim={c.claim} />” ({datedOrNot(c.earlier)}), then <ConflictSources list={c.opposingSourcesConnection} />{' '}
        {c.later ? POSITION_LABEL[c.later.position] : '?'}
        {c.opposingClaim.recordId === c.claim.recordId ? ' the same claim' : <> “<ClaimLink claim={c.opposingClaim} />”</>} ({datedOrNot(c.later)}).
      </li>
    );
  }
  if (c.kind === 'DENIAL') {
    return (
      <li class="conflict">
        <span class="tag kind">Denial</span> “<ClaimLink claim={c.claim} />” is asserted by <ConflictSources list={c.sourcesConnection} /> and denied or doubted by{' '}
        <ConflictSources list={c.opposingSourcesConnection} />.
      </li>
    );
  }
  return (
    <li class="conflict">
      <span class="tag kind">Contradicting claims</span> “<ClaimLink claim={c.claim} />”, asserted by <ConflictSources list={c.sourcesConnection} />, against “
      <ClaimLink claim={c.opposingClaim} />”, asserted by <ConflictSources list={c.opposingSourcesConnection} />.
      {c.reason !== null && (
        <span class="why">
          {' '}
          Linked by {c.linkedBy}: {c.reason}
        </span>
      )}
    </li>
  );
}

export function Conflicts({ conflicts, none }: { conflicts: { totalCount: number; nodes: Conflict[] }; none: string }) {
  if (conflicts.totalCount === 0) return <p>{none}</p>;
  return (
    <>
      {conflicts.totalCount > conflicts.nodes.length && (
        <p>
          The first {conflicts.nodes.length} of {conflicts.totalCount} conflicts.
        </p>
      )}
      <ul class="conflicts">
        {conflicts.nodes.map((c) => (
          <ConflictItem key={`${c.kind}:${c.claim.recordId}:${c.opposingClaim.recordId}:${c.earlier?.recordId ?? ''}`} conflict={c} />
        ))}
      </ul>
    </>
  );
}

// ---------------------------------------------------------------- editing

/** How to get a key, from README "Running in production". */
export const HOW_TO_GET_A_KEY = (
  <>
    Ask the server’s administrator for an editor key: they create one with <code>claimgraph key create --role editor --editor YOUR-NAME</code> and add the line
    it prints to <code>CLAIMGRAPH_API_KEYS</code> or <code>CLAIMGRAPH_API_KEYS_FILE</code> (README, “Running in production”). Then{' '}
    <a href={href({ page: 'key' })}>enter it here</a>.
  </>
);

/**
 * An editing form, folded away: the app is read-only until an editor key is
 * entered, and says how to get one. The form still sends without a key, so
 * that the API's own refusal is what the visitor reads. It is built the
 * first time the panel is opened, and kept: a folded form's controls cost
 * every page that shows one its styling and layout (a claim page has two),
 * for nothing on the screen. Its state lives in the component that renders
 * the panel, so folding it loses nothing.
 */
export function EditPanel({ title, children }: { title: string; children: ComponentChildren }) {
  const hasKey = useHasKey();
  const [opened, setOpened] = useState(false);
  return (
    <details class="edit-panel" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{title}</summary>
      {opened && !hasKey && <p class="notice">You have no editor key, so the server will refuse this change. {HOW_TO_GET_A_KEY}</p>}
      {opened && children}
    </details>
  );
}

/** A mutation's state: sending, the API's refusal, or what was done. */
export function useSubmit(): {
  busy: boolean;
  error: unknown;
  done: string | null;
  run: (work: () => Promise<string>) => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setDone(null);
    try {
      setDone(await work());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

export function SubmitState({ state }: { state: { busy: boolean; error: unknown; done: string | null } }) {
  return (
    <>
      <ErrorNote error={state.error} />
      <p role="status" class={state.done === null ? 'sr-only' : 'done'}>
        {state.busy ? 'Sending…' : (state.done ?? '')}
      </p>
    </>
  );
}

let pickerIds = 0;

/** What a picker picked: a stored record, or the words of a new one. */
export type Picked = { id: string; label: string } | { created: string } | null;

/**
 * Finds a claim or a source by search and picks one (radio buttons, so the
 * keyboard works as in any form); with `allowNew`, the words typed can be
 * picked as a new record.
 */
export function Picker({ kind, label, onPick, allowNew = false }: { kind: 'claim' | 'source'; label: string; onPick: (picked: Picked) => void; allowNew?: boolean }) {
  const [id] = useState(() => `picker-${++pickerIds}`);
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ id: string; label: string }[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    window.clearTimeout(timer.current);
    if (text.trim() === '') {
      setFound([]);
      return;
    }
    // Searched once typing pauses, not at every key.
    timer.current = window.setTimeout(() => {
      const find =
        kind === 'claim'
          ? pickClaims(text).then((claims: ClaimRef[]) => claims.map((c) => ({ id: c.recordId, label: c.text })))
          : pickSources(text).then((sources: SourceRef[]) => sources.map((s) => ({ id: s.recordId, label: `${s.name} (${sourceNature(s)})` })));
      find.then(setFound, () => setFound([]));
    }, 200);
  }, [text, kind]);
  const choose = (value: string) => {
    setChosen(value);
    if (value === '+new') onPick({ created: text.trim() });
    else onPick(found.find((f) => f.id === value) ?? null);
  };
  return (
    <fieldset class="picker">
      <legend>{label}</legend>
      <label for={`${id}-q`}>{kind === 'claim' ? 'Find a claim by its words' : 'Find a source by name'}</label>
      <input id={`${id}-q`} type="search" value={text} autocomplete="off" onInput={(e) => setText(e.currentTarget.value)} />
      <div role="radiogroup" aria-label={`${label}: matches`}>
        {found.map((item) => (
          <label key={item.id} class="choice">
            <input type="radio" name={id} value={item.id} checked={chosen === item.id} onChange={() => choose(item.id)} />
            {item.label}
          </label>
        ))}
        {allowNew && text.trim() !== '' && (
          <label class="choice">
            <input type="radio" name={id} value="+new" checked={chosen === '+new'} onChange={() => choose('+new')} />
            New {kind}: “{text.trim()}”
          </label>
        )}
        {text.trim() !== '' && found.length === 0 && !allowNew && <p class="muted">No match yet.</p>}
      </div>
    </fieldset>
  );
}

/** "Show more" for a list loaded a page at a time, saying how much is shown. */
export function More({ shown, total, busy, onMore, what }: { shown: number; total: number; busy: boolean; onMore: () => void; what: string }) {
  return (
    <p class="more">
      Showing {countText(shown)} of {countText(total)} {what}.{' '}
      {shown < total && (
        <button type="button" onClick={onMore} disabled={busy}>
          {busy ? 'Loading…' : `Show more ${what}`}
        </button>
      )}
    </p>
  );
}
