import neo4j from 'neo4j-driver';
import { ClaimgraphError } from '../../src/errors';
import { fromNeo4j, toNeo4jParams } from '../../src/store/neo4j-values';

const { types } = neo4j;
const i = (n: number | string) => neo4j.int(n);

describe('fromNeo4j', () => {
  it('turns a safe Integer into a number', () => {
    expect(fromNeo4j(i(42))).toBe(42);
    expect(fromNeo4j(i(-7))).toBe(-7);
    expect(fromNeo4j(i(Number.MAX_SAFE_INTEGER))).toBe(9007199254740991);
  });

  it('turns an Integer beyond the safe range into its decimal string', () => {
    expect(fromNeo4j(i('9007199254740993'))).toBe('9007199254740993');
    expect(fromNeo4j(i('-9223372036854775808'))).toBe('-9223372036854775808');
  });

  it('keeps primitives and maps null and undefined to null', () => {
    expect(fromNeo4j(true)).toBe(true);
    expect(fromNeo4j(false)).toBe(false);
    expect(fromNeo4j('text')).toBe('text');
    expect(fromNeo4j(1.5)).toBe(1.5);
    expect(fromNeo4j(null)).toBeNull();
    expect(fromNeo4j(undefined)).toBeNull();
  });

  it('turns every temporal type into its ISO string', () => {
    expect(fromNeo4j(new types.Date(i(2024), i(3), i(9)))).toBe('2024-03-09');
    expect(fromNeo4j(new types.DateTime(i(2024), i(3), i(9), i(13), i(5), i(7), i(120000000), i(3600)))).toBe(
      '2024-03-09T13:05:07.120000000+01:00',
    );
    expect(fromNeo4j(new types.DateTime(i(2024), i(3), i(9), i(13), i(5), i(7), i(0), i(0)))).toBe('2024-03-09T13:05:07Z');
    expect(fromNeo4j(new types.LocalDateTime(i(2024), i(3), i(9), i(13), i(5), i(7), i(5)))).toBe(
      '2024-03-09T13:05:07.000000005',
    );
    expect(fromNeo4j(new types.Time(i(13), i(5), i(7), i(0), i(-18000)))).toBe('13:05:07-05:00');
    expect(fromNeo4j(new types.LocalTime(i(8), i(0), i(30), i(250000000)))).toBe('08:00:30.250000000');
    expect(fromNeo4j(new types.Duration(i(14), i(3), i(3725), i(500000000)))).toBe('P14M3DT3725.500000000S');
  });

  it('turns a Node into its normalised properties only', () => {
    const node = new types.Node(i(1), ['Claim'], { id: 'c1', n: i(3) }, 'elem');
    expect(fromNeo4j(node)).toEqual({ id: 'c1', n: 3 });
  });

  it('turns a Relationship into its normalised properties only', () => {
    const rel = new types.Relationship(i(9), i(1), i(2), 'SUPPORTS', { weight: i(2), note: 'x' }, 'r9', 'e1', 'e2');
    expect(fromNeo4j(rel)).toEqual({ weight: 2, note: 'x' });
  });

  it('turns a Path into the list of its node maps, in order', () => {
    const a = new types.Node(i(1), ['Source'], { id: 's1' }, 'e1');
    const b = new types.Node(i(2), ['Statement'], { id: 'st1' }, 'e2');
    const c = new types.Node(i(3), ['Claim'], { id: 'c1' }, 'e3');
    const ab = new types.Relationship(i(10), i(1), i(2), 'MADE', {}, 'r10', 'e1', 'e2');
    const bc = new types.Relationship(i(11), i(2), i(3), 'ASSERTS', {}, 'r11', 'e2', 'e3');
    const path = new types.Path(a, c, [new types.PathSegment(a, ab, b), new types.PathSegment(b, bc, c)]);
    expect(fromNeo4j(path)).toEqual([{ id: 's1' }, { id: 'st1' }, { id: 'c1' }]);
    expect(fromNeo4j(new types.Path(a, a, []))).toEqual([{ id: 's1' }]);
  });

  it('turns a Point into srid and coordinates, with z only for 3D points', () => {
    expect(fromNeo4j(new types.Point(i(4326), 1.5, 2.5))).toStrictEqual({ srid: 4326, x: 1.5, y: 2.5 });
    expect(fromNeo4j(new types.Point(i(9157), 1, 2, 3))).toStrictEqual({ srid: 9157, x: 1, y: 2, z: 3 });
  });

  it('turns bytes into base64', () => {
    expect(fromNeo4j(new Int8Array([1, 2, 3, -1]))).toBe('AQID/w==');
    expect(fromNeo4j(new Uint8Array([104, 105]))).toBe('aGk=');
    // A view on part of a larger buffer encodes only its own bytes.
    expect(fromNeo4j(new Uint8Array([0, 104, 105, 0]).subarray(1, 3))).toBe('aGk=');
  });

  it('normalises nested lists and maps', () => {
    const value = {
      ids: [i(1), i('9007199254740993'), null],
      nested: { when: new types.Date(i(2020), i(1), i(31)), list: [[i(2)], { deep: i(3) }], missing: undefined },
    };
    expect(fromNeo4j(value)).toStrictEqual({
      ids: [1, '9007199254740993', null],
      nested: { when: '2020-01-31', list: [[2], { deep: 3 }], missing: null },
    });
  });

  it('refuses a value of an unknown type instead of copying it', () => {
    class Strange {
      field = 1;
    }
    expect(() => fromNeo4j(new Strange())).toThrow(ClaimgraphError);
    expect(() => fromNeo4j(new Strange())).toThrow('Neo4j returned a value of an unsupported type (Strange).');
    expect(() => fromNeo4j(() => 1)).toThrow('unsupported type (function)');
  });
});

describe('toNeo4jParams', () => {
  it('turns integers into neo4j Integers, recursively', () => {
    const out = toNeo4jParams({ first: 10, ids: [1, 2], filter: { min: 3, inner: [{ n: 4 }] } });
    expect(out).toEqual({
      first: i(10),
      ids: [i(1), i(2)],
      filter: { min: i(3), inner: [{ n: i(4) }] },
    });
    expect(neo4j.isInt(out.first)).toBe(true);
    const ids = out.ids as unknown[];
    expect(neo4j.isInt(ids[0])).toBe(true);
    const filter = out.filter as { inner: Array<{ n: unknown }> };
    expect(neo4j.isInt(filter.inner[0]?.n)).toBe(true);
    expect((out.first as ReturnType<typeof neo4j.int>).toNumber()).toBe(10);
  });

  it('leaves floats, strings, booleans and nulls untouched', () => {
    const out = toNeo4jParams({ score: 1.5, id: 'c1', numeric: '7', flag: true, none: null, list: [0.25, 'x'] });
    expect(out).toStrictEqual({ score: 1.5, id: 'c1', numeric: '7', flag: true, none: null, list: [0.25, 'x'] });
    expect(neo4j.isInt(out.score)).toBe(false);
  });

  it('leaves an integer beyond the 64-bit range as a number rather than clamp it', () => {
    const out = toNeo4jParams({ huge: 1e20 });
    expect(out.huge).toBe(1e20);
  });

  it('does not change the caller\'s object', () => {
    const params = { first: 5, nested: { n: 1 } };
    toNeo4jParams(params);
    expect(params).toStrictEqual({ first: 5, nested: { n: 1 } });
  });
});
