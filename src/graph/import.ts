import type { GraphStore } from '../store/port';
import type { QueryName } from '../store/queries';
import type { Bundle } from './model';

/** How many records of each kind an import wrote (created or updated). */
export interface ImportSummary {
  sources: number;
  affiliations: number;
  entities: number;
  documents: number;
  claims: number;
  statements: number;
  relays: number;
  links: number;
}

/**
 * Writes a bundle that `parseBundle` has accepted, in one transaction: all of
 * it or none of it. The queries MATCH the records a row refers to, so a
 * reference the validator did not check would be skipped, not reported:
 * validate first.
 * Every query MERGEs on ids, so importing the same bundle twice leaves the
 * graph as it was. Order matters: nodes first, then what links them.
 */
export async function importBundle(store: GraphStore, bundle: Bundle): Promise<ImportSummary> {
  return store.transaction('WRITE', async (tx) => {
    const written = async (name: QueryName, rows: object[]): Promise<number> => {
      if (rows.length === 0) return 0;
      const [result] = await tx.run(name, { rows });
      return Number(result?.written ?? 0);
    };
    const sources = await written('import-sources', bundle.sources);
    const affiliations = await written('import-affiliations', bundle.affiliations);
    const entities = await written('import-entities', bundle.entities);
    const documents = await written('import-documents', bundle.documents);
    const claims = await written('import-claims', bundle.claims);
    const statements = await written(
      'import-statements',
      bundle.statements.map(({ reportedVia: _relay, ...statement }) => statement),
    );
    const relays = await written(
      'import-statement-relays',
      bundle.statements.filter((s) => s.reportedVia !== null).map((s) => ({ id: s.id, via: s.reportedVia })),
    );
    const linkRows = (type: string) =>
      bundle.links.filter((l) => l.type === type).map(({ type: _type, ...link }) => link);
    const links =
      (await written('import-contradictions', linkRows('CONTRADICTS'))) + (await written('import-supports', linkRows('SUPPORTS')));
    return { sources, affiliations, entities, documents, claims, statements, relays, links };
  });
}
