/*
 * A small second event for the API tests, written as a client writes a
 * version 2 bundle: a ministry announces in spring that its strike killed a
 * commander of the Liberation Front, a wire service and a newspaper print
 * it (the paper also repeats it in its own voice), a monitoring group says
 * so on its own account, the ministry's spokesman later doubts it, and in
 * autumn the ministry's inquiry finds the man was a civilian, as his family
 * said all along.
 *
 * Expected answers are worked out by hand from docs/MODEL.md's rules in the
 * tests that use it; this file only holds the records.
 */

export type Json = Record<string, unknown>;

export const RELEASE_TEXT = 'The strike killed Omar Haddad, a commander of the Front, the ministry said.';

export const strikeEvent = (): Json => ({
  format: 'claimgraph-bundle',
  version: 2,
  description: 'A strike, its announcement, a doubt and a revision (test/api/strike-event.ts).',
  sources: [
    { id: 'src-ministry', name: 'Freedonian Defence Ministry', kind: 'ORGANIZATION', anonymous: false },
    { id: 'src-spokesman', name: 'Rufus Firefly', kind: 'PERSON', anonymous: false },
    { id: 'src-wire', name: 'Global Wire', kind: 'ORGANIZATION', anonymous: false },
    { id: 'src-paper', name: 'Daily Ledger', kind: 'ORGANIZATION', anonymous: false },
    { id: 'src-family', name: 'Family of Omar Haddad', kind: 'GROUP', anonymous: false },
    { id: 'src-monitor', name: 'Front Watch monitoring group', kind: 'ORGANIZATION', anonymous: false },
  ],
  affiliations: [{ source: 'src-spokesman', parent: 'src-ministry', role: 'spokesman' }],
  entities: [
    { id: 'ent-haddad', name: 'Omar Haddad', aliases: ['Omar al-Haddad'] },
    { id: 'ent-front', name: 'Liberation Front' },
  ],
  documents: [
    { id: 'doc-release', title: 'Ministry statement on the strike', publisher: 'src-ministry', publishedAt: '2025-04-02T09:00Z', text: RELEASE_TEXT },
    { id: 'doc-wire', title: 'Strike kills Front commander', publisher: 'src-wire', publishedAt: '2025-04-02' },
    { id: 'doc-ledger', title: 'Who was Omar Haddad?', publisher: 'src-paper', publishedAt: '2025-04-03' },
    { id: 'doc-ledger-archive', title: 'Ledger archive page', publisher: 'src-paper' },
    { id: 'doc-inquiry', title: 'Findings of the ministry inquiry', publisher: 'src-ministry', publishedAt: '2025-10-20' },
    { id: 'doc-monitor', title: 'Front Watch weekly', publisher: 'src-monitor', publishedAt: '2025-04-06' },
  ],
  claims: [
    { id: 'claim-commander', text: 'Omar Haddad was a commander of the Liberation Front.', about: ['ent-haddad', 'ent-front'] },
    { id: 'claim-member', text: 'Omar Haddad was a member of the Liberation Front.', about: ['ent-haddad', 'ent-front'] },
    { id: 'claim-civilian', text: 'Omar Haddad was a civilian.', about: ['ent-haddad'] },
  ],
  statements: [
    {
      id: 'st-spring', source: 'src-ministry', claim: 'claim-commander', stance: 'ASSERTS', date: '2025-04-02', madeAt: 'on Wednesday',
      // One announcement, printed four times: by the ministry, the wire, and the paper twice (citing the wire).
      appearances: [
        { document: 'doc-wire', paraphrase: 'The ministry said the strike killed a Front commander.' },
        {
          document: 'doc-release', quote: 'The strike killed Omar Haddad, a commander of the Front', paraphrase: 'The ministry announced the death of a Front commander.',
          selector: { exact: 'killed Omar Haddad, a commander of the Front', prefix: 'The strike ' },
        },
        { document: 'doc-ledger-archive', via: ['src-wire'] },
        { document: 'doc-ledger', paraphrase: 'The ministry said he was a commander, the wire reported.', via: [{ source: 'src-wire', document: 'doc-wire' }] },
      ],
    },
    {
      // The paper, in its own voice, repeats the ministry's account without saying so.
      id: 'st-ledger-echo', source: 'src-paper', claim: 'claim-commander', stance: 'ASSERTS', derivedFrom: 'st-spring',
      appearances: [{ document: 'doc-ledger', paraphrase: 'Haddad, a Front commander, died in the strike.' }],
    },
    // The monitor's own account, from its own sources.
    { id: 'st-monitor', source: 'src-monitor', claim: 'claim-commander', stance: 'ASSERTS', date: '2025-04-05', appearances: [{ document: 'doc-monitor', paraphrase: 'Haddad led a Front unit.' }] },
    {
      id: 'st-doubt', source: 'src-spokesman', claim: 'claim-commander', stance: 'DENIES', hedge: 'no longer confident', date: '2025-08',
      paraphrase: 'The spokesman doubted that he was a commander.',
      appearances: [{ document: 'doc-ledger-archive', quote: 'We are no longer confident he was a commander.' }],
    },
    { id: 'st-autumn', source: 'src-ministry', claim: 'claim-civilian', stance: 'ASSERTS', date: '2025-10-20', appearances: [{ document: 'doc-inquiry', paraphrase: 'The inquiry found he was a civilian.' }] },
    { id: 'st-family', source: 'src-family', claim: 'claim-civilian', stance: 'ASSERTS', appearances: [{ document: 'doc-ledger', quote: 'He sold vegetables.' }] },
  ],
  links: [
    { type: 'IMPLIES', from: 'claim-commander', to: 'claim-member', linkedBy: 'editor', reason: 'A commander of the Front is a member of it.' },
    { type: 'CONTRADICTS', from: 'claim-civilian', to: 'claim-commander', linkedBy: 'editor', reason: 'A civilian commands no armed group.' },
    { type: 'CONTRADICTS', from: 'claim-civilian', to: 'claim-member', linkedBy: 'editor', reason: 'A civilian is no member of an armed group.' },
  ],
});
