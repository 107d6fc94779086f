import { useEffect, useState } from 'preact/hooks';
import { duplicates, merge, recordNames, rejectDuplicate, type DuplicateKind, type Page, type PossibleDuplicate } from '../api';
import { href, type Route } from '../router';
import { EditPanel, Loaded, SubmitState, useAsync, useSubmit, useTitle } from '../ui';

const REASON: Readonly<Record<PossibleDuplicate['reason'], string>> = {
  GENERIC_NAME: 'the same generic name',
  SIMILAR_NAME: 'the same name spelled another way',
  SIMILAR_TEXT: 'claims worded alike',
};

const routeOf = (kind: DuplicateKind, id: string): Route =>
  kind === 'CLAIM' ? { page: 'claim', id, statement: null } : kind === 'SOURCE' ? { page: 'source', id } : { page: 'entity', id };

function Pair({ pair, names, onDone }: { pair: PossibleDuplicate; names: Map<string, string>; onDone: () => void }) {
  const submit = useSubmit();
  const name = (id: string) => names.get(`${pair.kind}:${id}`) ?? id;
  const act = (work: () => Promise<unknown>, done: string) =>
    void submit.run(async () => {
      await work();
      onDone();
      return done;
    });
  return (
    <li class="pair">
      <p>
        <span class="kind-label">{pair.kind.toLowerCase()}s</span> <a href={href(routeOf(pair.kind, pair.a))}>{name(pair.a)}</a> and{' '}
        <a href={href(routeOf(pair.kind, pair.b))}>{name(pair.b)}</a>: {REASON[pair.reason]}
        {pair.key !== null && <> (“{pair.key}”)</>}
        {pair.score !== null && <> (alike {Math.round(pair.score * 100)}%)</>}
      </p>
      <EditPanel title="Confirm or reject">
        <div class="actions">
          <button type="button" disabled={submit.busy} onClick={() => act(() => merge(pair.kind, pair.a, pair.b), 'Merged.')}>
            Same: keep “{name(pair.a)}”
          </button>
          <button type="button" disabled={submit.busy} onClick={() => act(() => merge(pair.kind, pair.b, pair.a), 'Merged.')}>
            Same: keep “{name(pair.b)}”
          </button>
          <button type="button" disabled={submit.busy} onClick={() => act(() => rejectDuplicate(pair.kind, pair.a, pair.b), 'Rejected: not listed again.')}>
            Not the same
          </button>
        </div>
        <SubmitState state={submit} />
      </EditPanel>
    </li>
  );
}

export function DuplicatesPage() {
  const [after, setAfter] = useState<(string | null)[]>([null]);
  const cursor = after[after.length - 1] ?? null;
  const page = useAsync(async (): Promise<{ page: Page<PossibleDuplicate>; names: Map<string, string> }> => {
    const found = await duplicates(cursor);
    return { page: found, names: await recordNames(found.nodes.flatMap((d) => [{ kind: d.kind, id: d.a }, { kind: d.kind, id: d.b }])) };
  }, [cursor]);
  useTitle('Possible duplicates');
  useEffect(() => window.scrollTo(0, 0), [cursor]);
  return (
    <div class="page" data-page="duplicates" data-ready={page.data !== undefined ? 'true' : undefined}>
      <h1>Possible duplicates</h1>
      <p class="lede">
        Records that may be one, listed by imports and never merged alone. Confirming merges them (merging needs an admin key); rejecting keeps them apart for good.
      </p>
      <Loaded state={page} what="the pairs">
        {({ page: p, names }) => (
          <>
            <p>{p.totalCount === 0 ? 'No pair is waiting for an editor.' : `${p.totalCount} pairs wait for an editor.`}</p>
            <ul class="pairs">
              {p.nodes.map((d) => (
                <Pair key={`${d.kind}:${d.a}:${d.b}`} pair={d} names={names} onDone={page.reload} />
              ))}
            </ul>
            <p class="more">
              {after.length > 1 && (
                <button type="button" onClick={() => setAfter(after.slice(0, -1))}>
                  Previous pairs
                </button>
              )}{' '}
              {p.pageInfo.hasNextPage && (
                <button type="button" onClick={() => setAfter([...after, p.pageInfo.endCursor])}>
                  Next pairs
                </button>
              )}
            </p>
          </>
        )}
      </Loaded>
    </div>
  );
}
