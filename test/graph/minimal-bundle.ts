/** Bundle JSON as a client writes it: loosely typed, since tests break it on purpose. */
export type Raw = Record<string, any>;

/** A small bundle that uses every section once, leaving every optional field out. */
export const minimal = (): Raw => ({
  format: 'claimgraph-bundle',
  version: 1,
  sources: [
    { id: 's1', name: 'Alice Example', kind: 'PERSON', anonymous: false },
    { id: 's2', name: 'Example Org', kind: 'ORGANIZATION', anonymous: false },
  ],
  affiliations: [{ source: 's1', parent: 's2' }],
  entities: [{ id: 'e1', name: 'Example Town' }],
  documents: [{ id: 'd1', title: 'A report' }],
  claims: [
    { id: 'c1', text: 'Something happened.', about: ['e1'] },
    { id: 'c2', text: 'Nothing happened.' },
  ],
  statements: [
    { id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS', document: 'd1' },
    { id: 't2', source: 's2', claim: 'c1', stance: 'ASSERTS', reportedVia: 't1' },
  ],
  links: [{ type: 'CONTRADICTS', from: 'c1', to: 'c2', linkedBy: 'editor', reason: 'They cannot both be true.' }],
});

/**
 * The same small bundle in format version 2, plus one record of each
 * section that version 2 adds, leaving every optional field out.
 */
export const minimalV2 = (): Raw => ({
  format: 'claimgraph-bundle',
  version: 2,
  sources: [
    { id: 's1', name: 'Alice Example', kind: 'PERSON', anonymous: false },
    { id: 's2', name: 'Example Org', kind: 'ORGANIZATION', anonymous: false },
  ],
  affiliations: [{ source: 's1', parent: 's2' }],
  entities: [{ id: 'e1', name: 'Example Town' }],
  documents: [{ id: 'd1', title: 'A report' }],
  claims: [
    { id: 'c1', text: 'Something happened.', about: ['e1'] },
    { id: 'c2', text: 'Nothing happened.' },
  ],
  statements: [
    { id: 't1', source: 's1', claim: 'c1', stance: 'ASSERTS', appearances: [{ document: 'd1' }] },
    { id: 't2', source: 's2', claim: 'c1', stance: 'ASSERTS' },
  ],
  links: [{ type: 'CONTRADICTS', from: 'c1', to: 'c2', linkedBy: 'editor', reason: 'They cannot both be true.' }],
  questions: [{ id: 'q1', text: 'What happened?', hypotheses: ['c1', 'c2'] }],
  ratings: [{ source: 's1', grade: 'B', reason: 'Usually reliable.', by: 'editor', at: '2031-03-14T09:00Z' }],
  assessments: [{ claim: 'c2', verdict: 'FALSE', rating: 1, explanation: 'It did happen.', by: 'editor', at: '2031-03-14T09:00Z' }],
});

/** A version 2 bundle of the given sections; every other section empty. */
export const v2 = (sections: Raw = {}): Raw => ({
  format: 'claimgraph-bundle',
  version: 2,
  sources: [],
  affiliations: [],
  entities: [],
  documents: [],
  claims: [],
  statements: [],
  links: [],
  questions: [],
  ratings: [],
  assessments: [],
  ...sections,
});
