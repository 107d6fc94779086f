import { anchor, segments, selectorFor } from '../../app/src/anchor';
import { loadSeedBundle } from '../../src/analysis/seed';

/* Text-quote selectors (W3C Web Annotation): finding the words again in a text edited a little since, and cutting nested highlights into flat runs. */

const TEXT = 'He said no. Then she said no, twice. Later he said no again.';

it('anchors the exact words with their prefix and suffix, telling repeated words apart', () => {
  const second = TEXT.indexOf('no', 15);
  expect(anchor(TEXT, { exact: 'no', prefix: 'she said ', suffix: ', twice' })).toEqual({ start: second, end: second + 2 });
  expect(anchor(TEXT, selectorFor(TEXT, second, second + 2))).toEqual({ start: second, end: second + 2 });
});

it('still anchors after the context was edited, at the occurrence whose context agrees most', () => {
  const edited = TEXT.replace('Then she said', 'Then, later, she said');
  const at = edited.indexOf('no, twice');
  expect(anchor(edited, { exact: 'no', prefix: 'Then she said ', suffix: ', twice.' })).toEqual({ start: at, end: at + 2 });
});

it('falls back to the exact words alone, then to the words with their spacing read loosely, else finds nothing', () => {
  expect(anchor(TEXT, { exact: 'Later he', prefix: 'gone', suffix: 'gone' })).toEqual({ start: TEXT.indexOf('Later he'), end: TEXT.indexOf('Later he') + 8 });
  const reflowed = 'He said\nno.';
  expect(anchor(reflowed, { exact: 'said no' })).toEqual({ start: 3, end: 10 });
  expect(anchor(TEXT, { exact: 'yes' })).toBeNull();
  expect(anchor(TEXT, { exact: '' })).toBeNull();
});

it('anchors every appearance of the seed report in its text', () => {
  const bundle = loadSeedBundle();
  const doc = bundle.documents.find((d) => d.id === 'doc-dumayr-report')!;
  const selectors = bundle.statements.flatMap((s) => s.appearances.filter((a) => a.document === doc.id).map((a) => a.selector));
  expect(selectors.length).toBe(43);
  for (const selector of selectors) {
    const range = anchor(doc.text!, selector!);
    expect([selector!.exact, range === null ? null : doc.text!.slice(range.start, range.end)]).toEqual([selector!.exact, selector!.exact]);
  }
});

it('cuts overlapping and nested spans into flat runs, each knowing its spans outermost first', () => {
  const outer = { start: 0, end: 10, items: ['outer'] };
  const inner = { start: 2, end: 4, items: ['inner'] };
  const overlap = { start: 8, end: 12, items: ['overlap'] };
  const runs = segments(14, [outer, inner, overlap]).map((s) => [s.start, s.end, s.covering.map((c) => c.items[0])]);
  expect(runs).toEqual([
    [0, 2, ['outer']],
    [2, 4, ['outer', 'inner']],
    [4, 8, ['outer']],
    [8, 10, ['outer', 'overlap']],
    [10, 12, ['overlap']],
    [12, 14, []],
  ]);
});
