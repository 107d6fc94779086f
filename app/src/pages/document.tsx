import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { createClaim, createSource, documentHead, documentStatements, recordStatement, type PrintedStatement, type SourceKind, type Stance } from '../api';
import { anchor, segments, selectorFor, type Range } from '../anchor';
import { KIND_LABEL, plural, POSITION_LABEL, POSITIONS, STANCE_LABEL, STANCES } from '../format';
import { href } from '../router';
import { EditPanel, Loaded, Picker, PositionTag, SourceName, SubmitState, useAsync, useSubmit, useTitle, Words, type Picked } from '../ui';

type Span = Range & { items: PrintedStatement[] };

/** The statements anchored in the text, one span per distinct place (several speakers can share one). */
function anchorAll(text: string, documentId: string, statements: readonly PrintedStatement[]): { spans: Span[]; unanchored: PrintedStatement[] } {
  const byPlace = new Map<string, Span>();
  const unanchored: PrintedStatement[] = [];
  for (const s of statements) {
    const selector = s.appearances.find((a) => a.document.recordId === documentId)?.selector ?? null;
    const range = selector === null ? null : anchor(text, selector);
    if (range === null) {
      unanchored.push(s);
      continue;
    }
    const key = `${range.start}:${range.end}`;
    const span = byPlace.get(key) ?? { ...range, items: [] };
    span.items.push(s);
    byPlace.set(key, span);
  }
  return { spans: [...byPlace.values()], unanchored };
}

const short = (name: string) => (name.length > 26 ? `${name.slice(0, 24).trimEnd()}…` : name);

/** The chips after a span: one per statement, each a link to its claim that shows the claim on hover or focus. */
function Labels({ span }: { span: Span }) {
  return (
    <span class="anchor-labels" data-at={span.end}>
      {span.items.map((s) => (
        <span key={s.recordId} class="anchor-label">
          <a class={`chip pos-${s.position.toLowerCase()}`} href={href({ page: 'claim', id: s.claim.recordId, statement: s.recordId })} aria-describedby={`tip-${s.recordId}`}>
            {short(s.source.name)} · {POSITION_LABEL[s.position]}
          </a>
          <span role="tooltip" id={`tip-${s.recordId}`} class="tip">
            {s.source.name} {POSITION_LABEL[s.position]}: “{s.claim.text}”
          </span>
        </span>
      ))}
    </span>
  );
}

/**
 * The text in paragraphs, each statement's words highlighted where its
 * selector anchors them, coloured by the innermost statement's position.
 * Every run of text carries its offset (`data-start`), so a selection maps
 * back to the text's own characters.
 */
function AnnotatedText({ text, spans }: { text: string; spans: Span[] }) {
  const endingAt = new Map<number, Span[]>();
  for (const span of [...spans].sort((a, b) => a.end - a.start - (b.end - b.start))) endingAt.set(span.end, [...(endingAt.get(span.end) ?? []), span]);
  const paragraphs: JSX.Element[][] = [[]];
  const push = (el: JSX.Element) => paragraphs[paragraphs.length - 1]!.push(el);
  const labelsAt = (at: number) => (endingAt.get(at) ?? []).forEach((span) => push(<Labels key={`l${span.start}:${span.end}`} span={span} />));
  for (const seg of segments(text.length, spans)) {
    labelsAt(seg.start);
    let at = seg.start;
    for (const [i, line] of text.slice(seg.start, seg.end).split('\n').entries()) {
      if (i > 0) {
        paragraphs.push([]);
        at += 1;
      }
      if (line !== '') {
        const inner = seg.covering[seg.covering.length - 1];
        if (inner === undefined) {
          push(
            <span key={at} data-start={at}>
              {line}
            </span>,
          );
        } else {
          const first = inner.items[0]!;
          const who = seg.covering.flatMap((c) => c.items.map((s) => `${s.source.name} ${POSITION_LABEL[s.position]}: ${s.claim.text}`));
          push(
            <mark
              key={at}
              data-start={at}
              class={`hl pos-${first.position.toLowerCase()}${seg.covering.length > 1 ? ' nested' : ''}`}
              title={who.join('\n')}
              onClick={() => {
                // A click that ends a selection is the editor's, not a navigation.
                if (String(getSelection() ?? '') === '') location.hash = href({ page: 'claim', id: first.claim.recordId, statement: first.recordId });
              }}
            >
              {line}
            </mark>,
          );
        }
      }
      at += line.length;
    }
  }
  labelsAt(text.length);
  return (
    <>
      {paragraphs.map((children, i) => (
        <p key={i}>{children}</p>
      ))}
    </>
  );
}

/** The offset in the text of a point of a selection inside the annotated text, or null outside it. */
function offsetOf(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>('[data-start],[data-at]');
    if (!run) return null;
    return run.dataset.start !== undefined ? Number(run.dataset.start) + offset : Number(run.dataset.at);
  }
  if (!(node instanceof Element)) return null;
  // A point between an element's children: the start of the next run, or the end of the previous one.
  const next = node.childNodes[offset];
  const nextRun = next instanceof Element ? (next.matches('[data-start],[data-at]') ? next : next.querySelector('[data-start],[data-at]')) : null;
  if (nextRun instanceof HTMLElement) return Number(nextRun.dataset.start ?? nextRun.dataset.at);
  const runs = node.querySelectorAll<HTMLElement>('[data-start]');
  const last = runs[runs.length - 1];
  return last === undefined ? null : Number(last.dataset.start) + (last.textContent ?? '').length;
}

function RecordForm({ documentId, text, selection, onDone }: { documentId: string; text: string; selection: Range | null; onDone: () => void }) {
  const [words, setWords] = useState('');
  const [verbatim, setVerbatim] = useState(true);
  const [speaker, setSpeaker] = useState<Picked>(null);
  const [newKind, setNewKind] = useState<SourceKind>('PERSON');
  const [newAnonymous, setNewAnonymous] = useState(false);
  const [claim, setClaim] = useState<Picked>(null);
  const [stance, setStance] = useState<Stance>('ASSERTS');
  const [hedge, setHedge] = useState('');
  const [date, setDate] = useState('');
  const submit = useSubmit();
  useEffect(() => {
    if (selection !== null) setWords(text.slice(selection.start, selection.end));
  }, [selection, text]);
  return (
    <EditPanel title="Record a statement from the selected words">
      <p>Select words in the text above; they become the statement’s appearance in this document, anchored by their place in the text.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run(async () => {
            // The selection's own place when the words are still the selected ones, else their first occurrence.
            const start = selection !== null && text.slice(selection.start, selection.end) === words ? selection.start : text.indexOf(words);
            if (words.trim() === '' || start < 0) throw new Error('Select the words in the text first: they must be words of this document.');
            if (speaker === null) throw new Error('Pick who said it.');
            if (claim === null) throw new Error('Pick the claim, or type a new one.');
            const source = 'created' in speaker ? (await createSource({ name: speaker.created, kind: newKind, anonymous: newAnonymous })).recordId : speaker.id;
            const claimId = 'created' in claim ? (await createClaim(claim.created)).recordId : claim.id;
            const selector = selectorFor(text, start, start + words.length);
            const recorded = await recordStatement({
              source,
              claim: claimId,
              stance,
              ...(hedge.trim() === '' ? {} : { hedge: hedge.trim() }),
              ...(date.trim() === '' ? {} : { date: date.trim() }),
              appearances: [{ document: documentId, ...(verbatim ? { quote: words } : { paraphrase: words }), selector }],
            });
            onDone();
            const c = recorded.claim.corroboration;
            return `Statement recorded. Its claim now counts ${plural(c.assertingSources, 'asserting source')} (${c.independentSources} independent), ${c.hedgingSources} hedging, ${c.denyingSources} denying.`;
          });
        }}
      >
        <label for="rec-words">Words in this document</label>
        <textarea id="rec-words" value={words} onInput={(e) => setWords(e.currentTarget.value)} />
        <label class="choice">
          <input type="checkbox" checked={verbatim} onChange={(e) => setVerbatim(e.currentTarget.checked)} /> The speaker’s own words, verbatim (else the document’s
          paraphrase)
        </label>
        <Picker kind="source" label="Who said it" allowNew onPick={setSpeaker} />
        {speaker !== null && 'created' in speaker && (
          <fieldset>
            <legend>The new source</legend>
            <label for="rec-kind">Kind</label>
            <select id="rec-kind" value={newKind} onChange={(e) => setNewKind(e.currentTarget.value as SourceKind)}>
              {(['PERSON', 'ORGANIZATION', 'GROUP', 'UNKNOWN'] as const).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
            <label class="choice">
              <input type="checkbox" checked={newAnonymous} onChange={(e) => setNewAnonymous(e.currentTarget.checked)} /> Anonymous (identity withheld)
            </label>
          </fieldset>
        )}
        <Picker kind="claim" label="The claim it is on" allowNew onPick={setClaim} />
        <label for="rec-stance">Stance</label>
        <select id="rec-stance" value={stance} onChange={(e) => setStance(e.currentTarget.value as Stance)}>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {STANCE_LABEL[s]}
            </option>
          ))}
        </select>
        <label for="rec-hedge">Hedging words, verbatim (optional: “believes”, “may have”)</label>
        <input id="rec-hedge" value={hedge} onInput={(e) => setHedge(e.currentTarget.value)} />
        <label for="rec-date">When it was said (optional, ISO 8601: 2021-09-17)</label>
        <input id="rec-date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        <button type="submit" disabled={submit.busy}>
          Record the statement
        </button>
        <SubmitState state={submit} />
      </form>
    </EditPanel>
  );
}

export function DocumentPage({ id }: { id: string }) {
  const head = useAsync(() => documentHead(id), [id]);
  const printed = useAsync(() => documentStatements(id), [id]);
  const [selection, setSelection] = useState<Range | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  useTitle(head.data?.title);
  const readSelection = () => {
    const sel = getSelection();
    const box = textRef.current;
    if (sel === null || sel.isCollapsed || box === null || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start !== null && end !== null && end > start) setSelection({ start, end });
  };
  const ready = head.data !== undefined && printed.data !== undefined;
  return (
    <div class="page" data-page="document" data-ready={ready ? 'true' : undefined}>
      <Loaded state={head} what="the document">
        {(d) => (
          <>
            <p class="kind-label">Document</p>
            <h1>{d.title}</h1>
            <p class="meta">
              {d.publisher === null ? (
                'Publisher not known'
              ) : (
                <>
                  Published by <a href={href({ page: 'source', id: d.publisher.recordId })}>{d.publisher.name}</a>
                </>
              )}
              {' · '}
              {d.publishedAt ?? 'date not known'}
              {d.url !== null && <> · {d.url}</>}
            </p>
            {d.note !== null && <p class="note">{d.note}</p>}
            <Loaded state={printed} what="its statements">
              {(statements) => {
                const { spans, unanchored } = d.text === null ? { spans: [], unanchored: statements } : anchorAll(d.text, id, statements);
                return (
                  <>
                    <p class="count-line" data-statements={statements.length}>
                      This document prints <strong>{plural(statements.length, 'statement')}</strong>; {spans.reduce((n, s) => n + s.items.length, 0)} anchored in its text.
                    </p>
                    <ul class="legend" aria-label="Colours of the highlights">
                      {POSITIONS.map((p) => (
                        <li key={p}>
                          <PositionTag position={p} />
                        </li>
                      ))}
                    </ul>
                    {d.text === null ? (
                      <p>The text of this document is not kept.</p>
                    ) : (
                      <section aria-labelledby="text-h">
                        <h2 id="text-h">Text</h2>
                        <div class="doc-text" ref={textRef} onMouseUp={readSelection} onKeyUp={readSelection}>
                          <AnnotatedText text={d.text} spans={spans} />
                        </div>
                        <RecordForm documentId={id} text={d.text} selection={selection} onDone={printed.reload} />
                      </section>
                    )}
                    {unanchored.length > 0 && (
                      <section aria-labelledby="unanchored-h">
                        <h2 id="unanchored-h">Printed here, not anchored in the text</h2>
                        <ul>
                          {unanchored.map((s) => {
                            const a = s.appearances.find((x) => x.document.recordId === id);
                            return (
                              <li key={s.recordId}>
                                <SourceName source={s.source} /> <PositionTag position={s.position} />{' '}
                                <a href={href({ page: 'claim', id: s.claim.recordId, statement: s.recordId })}>{s.claim.text}</a>
                                {a !== undefined && (
                                  <>
                                    : <Words quote={a.quote} paraphrase={a.paraphrase} />
                                  </>
                                )}
                              </li>
                            );
                          })}
                        </ul>
                      </section>
                    )}
                  </>
                );
              }}
            </Loaded>
          </>
        )}
      </Loaded>
    </div>
  );
}
