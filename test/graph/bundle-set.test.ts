import { checkReferences, throwProblems } from '../../src/graph/bundle';
import { checkBundle } from '../../src/graph/bundle';
import { checkBundleSet, checkShapesOfSet, orderByDependency, type BundleFile } from '../../src/graph/bundle-set';
import { ClaimgraphError } from '../../src/errors';
import type { Raw } from './minimal-bundle';

/*
 * A set of bundles checked as one (docs/BUNDLE.md, "A set of bundles").
 */

const v2 = (parts: Raw): Raw => ({ format: 'claimgraph-bundle', version: 2, ...parts });
const v1 = (parts: Raw): Raw => ({ format: 'claimgraph-bundle', version: 1, ...parts });
const person = (id: string, name = id): Raw => ({ id, name, kind: 'PERSON', anonymous: false });
const claim = (id: string): Raw => ({ id, text: `Claim ${id}.` });

// A case in three files: who speaks, what is claimed, what was said (which needs both).
/** A file whose JSON the tests may edit. */
type File = BundleFile & { json: Raw };

const people = (): File => ({ name: 'case/people.json', json: v2({ sources: [person('s1', 'Alice'), person('s2', 'Bob')] }) });
const claims = (): File => ({
  name: 'case/claims.json',
  json: v2({ claims: [claim('c1'), claim('c2')], links: [{ type: 'CONTRADICTS', from: 'c1', to: 'c2', linkedBy: 'ed', reason: 'r' }] }),
});
const said = (): File => ({
  name: 'case/said.json',
  json: v2({
    documents: [{ id: 'd1', title: 'Report', publisher: 's2' }],
    statements: [
      { id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS', appearances: [{ document: 'd1' }] },
      { id: 't2', source: 's2', claim: 'c2', stance: 'DENIES', hedge: 'doubts' },
    ],
  }),
});

describe('references across files', () => {
  test('resolve in the set, where a file alone has dangling references', () => {
    expect(checkBundle(said().json).problems.map((p) => p.path)).toEqual([
      '$.documents[0].publisher', '$.statements[0].source', '$.statements[0].claim', '$.statements[1].source', '$.statements[1].claim',
    ]);
    const { bundle, problems, notes } = checkBundleSet([said(), people(), claims()]);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(bundle.version).toBe(2);
    expect(bundle.sources.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(bundle.statements.map((s) => s.id)).toEqual(['t1', 't2']);
    expect(bundle.links).toHaveLength(1);
  });

  test('every problem names its file, at the path within that file', () => {
    const broken = said();
    broken.json.statements[1].claim = 'c9';
    broken.json.statements[0].stance = 'CLAIMS';
    const { problems } = checkBundleSet([people(), claims(), broken]);
    expect(problems).toEqual([
      { path: '$.statements[0].stance', id: 't1', file: 'case/said.json', expected: 'one of ASSERTS, DENIES, WITHDRAWS, NO_RESPONSE, NOT_ACKNOWLEDGED, HEDGES, DOUBTS', got: '"CLAIMS"' },
      { path: '$.statements[1].claim', id: 't2', file: 'case/said.json', expected: 'the id of a claim in the bundle or the graph', got: 'unknown claim id "c9"' },
    ]);
  });

  test('and resolve against the graph: checkShapesOfSet, then checkReferences with the ids the graph holds', () => {
    const { bundle, problems } = checkShapesOfSet([said(), people()]);
    expect(problems).toEqual([]);
    checkReferences(bundle, { claims: new Set(['c1']) }, problems);
    expect(problems).toEqual([
      { path: '$.statements[1].claim', id: 't2', file: 'case/said.json', expected: 'the id of a claim in the bundle or the graph', got: 'unknown claim id "c2"' },
    ]);
  });

  test('the rules across records span files: an affiliation cycle over two files', () => {
    const a = { name: 'a.json', json: v2({ sources: [person('s1'), person('s2')], affiliations: [{ source: 's1', parent: 's2' }] }) };
    const b = { name: 'b.json', json: v2({ affiliations: [{ source: 's2', parent: 's1' }] }) };
    expect(checkBundleSet([a, b]).problems).toEqual([
      { path: '$.affiliations[0]', id: 'affiliation s1 → s2', file: 'a.json', expected: 'affiliations without a cycle', got: '"s1" is, through "s2", affiliated with itself' },
      { path: '$.affiliations[0]', id: 'affiliation s2 → s1', file: 'b.json', expected: 'affiliations without a cycle', got: '"s2" is, through "s1", affiliated with itself' },
    ]);
  });

  test('a former id in one file may not be the id of a record in another', () => {
    const a = { name: 'a.json', json: v2({ sources: [{ ...person('s1'), formerIds: ['s0'] }] }) };
    const b = { name: 'b.json', json: v2({ sources: [person('s0')] }) };
    expect(checkBundleSet([a, b]).problems).toEqual([
      { path: '$.sources[0].formerIds[0]', id: 's1', file: 'a.json', expected: "a former id that is no record's id in sources", got: '"s0", an id in sources' },
    ]);
  });
});

describe('a record defined in two files', () => {
  test('with the same content is kept once', () => {
    const again = people();
    again.name = 'case/people-copy.json';
    const { bundle, problems } = checkBundleSet([people(), claims(), said(), again]);
    expect(problems).toEqual([]);
    expect(bundle.sources.map((s) => s.id)).toEqual(['s1', 's2']);
  });

  test('with the same content but other `recorded` stamps, or fields in another order, is kept once (the first)', () => {
    const stamp = { createdAt: '2031-03-14T09:00:00Z', createdBy: 'a', updatedAt: '2031-03-14T09:00:00Z', updatedBy: 'a' };
    const a = { name: 'a.json', json: v2({ sources: [{ ...person('s1'), recorded: stamp }] }) };
    const b = { name: 'b.json', json: v2({ sources: [{ anonymous: false, kind: 'PERSON', name: 's1', id: 's1', aliases: [] }] }) };
    const { bundle, problems } = checkBundleSet([a, b]);
    expect(problems).toEqual([]);
    expect(bundle.sources).toEqual([expect.objectContaining({ id: 's1', recorded: stamp })]);
  });

  test('with other content is a problem in the later file, naming the earlier one', () => {
    const other = { name: 'case/people-2.json', json: v2({ sources: [person('s2', 'Robert'), { ...person('s1', 'Alice'), aliases: ['Ali'] }] }) };
    const { bundle, problems } = checkBundleSet([people(), other]);
    expect(problems).toEqual([
      { path: '$.sources[0].id', id: 's2', file: 'case/people-2.json', expected: 'the same record as in case/people.json ($.sources[1]), or an id of its own', got: 'id "s2" defined differently (name)' },
      { path: '$.sources[1].id', id: 's1', file: 'case/people-2.json', expected: 'the same record as in case/people.json ($.sources[0]), or an id of its own', got: 'id "s1" defined differently (aliases)' },
    ]);
    // The first definition is the one kept, so the rest of the check sees one record per id.
    expect(bundle.sources.map((s) => s.name)).toEqual(['Alice', 'Bob']);
  });

  test('a link or an affiliation (no id) is the same record by its ends', () => {
    const other = claims();
    other.name = 'case/claims-2.json';
    other.json.links[0].reason = 'Another reason.';
    expect(checkBundleSet([claims(), other]).problems).toEqual([
      {
        path: '$.links[0]', id: 'link CONTRADICTS c1 → c2', file: 'case/claims-2.json',
        expected: 'the same record as in case/claims.json ($.links[0]), or an id of its own', got: 'the same link defined differently (reason)',
      },
    ]);
  });

  test('twice in one file is a duplicate as in a single bundle', () => {
    const twice = { name: 'twice.json', json: v2({ sources: [person('s1'), person('s1')] }) };
    expect(checkBundleSet([twice]).problems).toEqual([
      { path: '$.sources[1].id', id: 's1', file: 'twice.json', expected: 'an id not used before in sources', got: 'duplicate id "s1"' },
    ]);
  });

  test('the message of a set names the files', () => {
    const other = { name: 'b.json', json: v2({ sources: [person('s1', 'Alicia')] }) };
    const { problems } = checkBundleSet([people(), other]);
    expect(() => throwProblems(problems)).toThrow(
      new ClaimgraphError('BAD_USER_INPUT', 'The bundle set has 1 problem(s):\n  $.sources[0].id (id "s1") in b.json: expected the same record as in case/people.json ($.sources[0]), or an id of its own, got id "s1" defined differently (name)'),
    );
  });
});

describe('version 1 files in a set', () => {
  test('are upgraded, reference the other files, and report at their version 1 paths', () => {
    const old = {
      name: 'old.json',
      json: v1({ statements: [{ id: 'u1', source: 's1', claim: 'c1', stance: 'HEDGES', hedge: 'may', document: 'd9' }] }),
    };
    const { bundle, problems } = checkBundleSet([people(), claims(), old]);
    expect(problems).toEqual([
      { path: '$.statements[0].document', id: 'u1', file: 'old.json', expected: 'the id of a document in the bundle or the graph', got: 'unknown document id "d9"' },
    ]);
    expect(bundle.statements[0]).toMatchObject({ id: 'u1', stance: 'ASSERTS', hedged: true, appearances: [{ document: 'd9' }] });
  });

  test('a relay chain may cross version 1 files; the notes name their file', () => {
    const relays = {
      name: 'relays.json',
      json: v1({
        sources: [person('src-paper'), person('src-a'), person('src-b')],
        documents: [{ id: 'doc-paper', title: 'Paper' }],
        claims: [claim('c1')],
        statements: [{ id: 'st-paper', source: 'src-paper', claim: 'c1', stance: 'ASSERTS', document: 'doc-paper' }],
      }),
    };
    const relayed = {
      name: 'relayed.json',
      json: v1({
        statements: [
          { id: 'st-a', source: 'src-a', claim: 'c1', stance: 'ASSERTS', reportedVia: 'st-paper' },
          { id: 'st-b', source: 'src-b', claim: 'c1', stance: 'ASSERTS', reportedVia: 'st-paper' },
        ],
      }),
    };
    const { bundle, problems, notes } = checkBundleSet([relays, relayed]);
    expect(problems).toEqual([]);
    expect(bundle.statements.find((s) => s.id === 'st-a')?.appearances).toEqual([{ document: 'doc-paper', quote: null, paraphrase: null, via: [{ source: 'src-paper', document: null }], selector: null }]);
    expect(bundle.statements.find((s) => s.id === 'st-paper')?.derivedFrom).toBeNull();
    expect(notes).toEqual([expect.stringMatching(/^\$\.statements\[0\] \(id "st-paper"\) in relays\.json: it relays, on its own claim, statements of 2 sources/)]);
  });

  test('a statement merged as a copy keeps resolving by its old id from another file', () => {
    const copies = {
      name: 'copies.json',
      json: v1({
        sources: [person('s1')],
        documents: [{ id: 'd1', title: 'A' }, { id: 'd2', title: 'B' }],
        claims: [claim('c1')],
        statements: [
          { id: 't2', source: 's1', claim: 'c1', stance: 'ASSERTS', quote: 'Yes.', document: 'd1' },
          { id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS', quote: 'Yes.', document: 'd2' },
        ],
      }),
    };
    const revision = { name: 'revision.json', json: v2({ statements: [{ id: 't3', source: 's1', claim: 'c1', stance: 'WITHDRAWS', supersedes: ['t2'] }] }) };
    expect(checkBundleSet([copies, revision]).problems).toEqual([]);
  });

  test('a copy merged away whose id another file defines is reported at the copy, at its version 1 path', () => {
    const copies = {
      name: 'copies.json',
      json: v1({
        sources: [person('s1')],
        claims: [claim('c1')],
        statements: [
          { id: 't0', source: 's1', claim: 'c1', stance: 'NO_RESPONSE' },
          { id: 't2', source: 's1', claim: 'c1', stance: 'ASSERTS', quote: 'Yes.' },
          { id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS', quote: 'Yes.' },
        ],
      }),
    };
    const other = { name: 'other.json', json: v2({ statements: [{ id: 't2', source: 's1', claim: 'c1', stance: 'DENIES' }] }) };
    expect(checkBundleSet([copies, other]).problems).toEqual([
      { path: '$.statements[1].id', id: 't1', file: 'copies.json', expected: "a former id that is no record's id in statements", got: '"t2", an id in statements' },
    ]);
  });

  test('a conflict with another file is reported at the version 1 path', () => {
    const a = { name: 'a.json', json: v2({ sources: [person('s1')], claims: [claim('c1')], statements: [{ id: 't1', source: 's1', claim: 'c1', stance: 'DENIES' }] }) };
    const b = { name: 'b.json', json: v1({ statements: [{ id: 't0', source: 's1', claim: 'c1', stance: 'NO_RESPONSE' }, { id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS' }] }) };
    expect(checkBundleSet([a, b]).problems).toEqual([
      { path: '$.statements[1].id', id: 't1', file: 'b.json', expected: 'the same record as in a.json ($.statements[0]), or an id of its own', got: 'id "t1" defined differently (stance)' },
    ]);
  });
});

describe('orderByDependency', () => {
  const names = (files: BundleFile[]) => files.map((f) => f.name);

  test('a file comes after the files that define what it references, even when it sorts first', () => {
    expect(names(orderByDependency([said(), people(), claims()]))).toEqual(['case/people.json', 'case/claims.json', 'case/said.json']);
    const links = { name: 'a-links.json', json: v2({ links: [{ type: 'IMPLIES', from: 'c1', to: 'c2', linkedBy: 'ed', reason: 'r' }] }) };
    expect(names(orderByDependency([links, said(), claims(), people()]))).toEqual(['case/claims.json', 'a-links.json', 'case/people.json', 'case/said.json']);
  });

  test('files that do not depend on each other keep the given order', () => {
    expect(names(orderByDependency([claims(), people()]))).toEqual(['case/claims.json', 'case/people.json']);
    expect(names(orderByDependency([people(), claims()]))).toEqual(['case/people.json', 'case/claims.json']);
  });

  test('files that depend on each other stay together, in the given order, before what depends on them', () => {
    const x = { name: 'x.json', json: v2({ sources: [person('sx')], affiliations: [{ source: 'sx', parent: 'sy' }] }) };
    const y = { name: 'y.json', json: v2({ sources: [person('sy')], affiliations: [{ source: 'sy', parent: 'sx' }] }) };
    const z = { name: 'z.json', json: v2({ ratings: [{ source: 'sy', grade: 'C', reason: 'r', by: 'ed', at: '2031-03-14T09:00Z' }] }) };
    const w = { name: 'w.json', json: v2({ claims: [claim('cw')] }) };
    expect(names(orderByDependency([z, w, y, x]))).toEqual(['w.json', 'y.json', 'x.json', 'z.json']);
    expect(names(orderByDependency([x, y, w]))).toEqual(['x.json', 'y.json', 'w.json']);
  });

  test('version 1 files are ordered by what they reference too, relays included', () => {
    const a = { name: 'a.json', json: v1({ statements: [{ id: 'u2', source: 's1', claim: 'c1', stance: 'ASSERTS', reportedVia: 'u1' }] }) };
    const b = { name: 'b.json', json: v1({ statements: [{ id: 'u1', source: 's2', claim: 'c1', stance: 'ASSERTS' }] }) };
    expect(names(orderByDependency([a, people(), b, claims()]))).toEqual(['case/people.json', 'case/claims.json', 'b.json', 'a.json']);
  });

  test('a reference to a former id depends on the file that lists it', () => {
    const merged = { name: 'merged.json', json: v2({ sources: [{ ...person('s1'), formerIds: ['s-old'] }] }) };
    const user = { name: 'user.json', json: v2({ ratings: [{ source: 's-old', grade: 'A', reason: 'r', by: 'ed', at: '2031-03-14T09:00Z' }] }) };
    expect(names(orderByDependency([user, merged]))).toEqual(['merged.json', 'user.json']);
  });
});
