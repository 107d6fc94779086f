import { countText, plural } from '../../app/src/format';

/* Counts as the explorer writes them ("Showing 50 of 1,000 statements"), without the browser's number formatting (its first use in a page is slow). */

it('writes whole numbers with thousands separators, exactly as toLocaleString("en") does', () => {
  for (const n of [0, 1, 7, 12, 999, 1_000, 1_001, 12_345, 999_999, 1_000_000, 1_234_567_890, -1_500, Number.MAX_SAFE_INTEGER]) {
    expect([n, countText(n)]).toEqual([n, n.toLocaleString('en')]);
  }
});

it('writes anything but a whole number as JavaScript does, rather than a wrong grouping', () => {
  expect([countText(1234.5), countText(NaN), countText(Infinity)]).toEqual(['1234.5', 'NaN', 'Infinity']);
});

it('says one thing or many, with the count', () => {
  expect([plural(1, 'statement'), plural(1_000, 'statement'), plural(0, 'independent cluster'), plural(2, 'body', 'bodies')]).toEqual(['1 statement', '1,000 statements', '0 independent clusters', '2 bodies']);
});
