import type { Conflict, SourceRef } from '../api';
import { POSITION_LABEL } from '../format';
import { ClaimLink, SourceName } from '../ui';

function Sources({ list }: { list: { totalCount: number; nodes: SourceRef[] } }) {
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

const when = (s: { dated: { value: string } | null } | null) => (s?.dated ? s.dated.value : 'undated');

/** One conflict in words: who stands on each side, and on what. */
export function ConflictItem({ conflict: c }: { conflict: Conflict }) {
  if (c.kind === 'REVISION') {
    return (
      <li class="conflict">
        <span class="tag kind">Revision</span> <Sources list={c.sourcesConnection} /> changed its account: it {c.earlier ? POSITION_LABEL[c.earlier.position] : '?'} “
        <ClaimLink claim={c.claim} />” ({when(c.earlier)}), then <Sources list={c.opposingSourcesConnection} />{' '}
        {c.later ? POSITION_LABEL[c.later.position] : '?'}
        {c.opposingClaim.recordId === c.claim.recordId ? ' the same claim' : <> “<ClaimLink claim={c.opposingClaim} />”</>} ({when(c.later)}).
      </li>
    );
  }
  if (c.kind === 'DENIAL') {
    return (
      <li class="conflict">
        <span class="tag kind">Denial</span> “<ClaimLink claim={c.claim} />” is asserted by <Sources list={c.sourcesConnection} /> and denied or doubted by{' '}
        <Sources list={c.opposingSourcesConnection} />.
      </li>
    );
  }
  return (
    <li class="conflict">
      <span class="tag kind">Contradicting claims</span> “<ClaimLink claim={c.claim} />”, asserted by <Sources list={c.sourcesConnection} />, against “
      <ClaimLink claim={c.opposingClaim} />”, asserted by <Sources list={c.opposingSourcesConnection} />.
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
