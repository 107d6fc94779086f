import DataLoader from 'dataloader';
import type { GraphStore, Row, Value } from '../store/port';
import type { QueryName } from '../store/queries';
import {
  toAffiliation,
  toClaim,
  toClaimLink,
  toCorroboration,
  toDocument,
  toEntity,
  toSource,
  toStatement,
  type AffiliationNode,
  type ClaimLinkNode,
  type ClaimNode,
  type CorroborationNode,
  type DocumentNode,
  type EntityNode,
  type SourceNode,
  type StatementNode,
} from './records';

/**
 * One loader per query, per request. Resolvers ask for ids; each loader
 * gathers the ids asked for in one tick of the event loop and runs its query
 * once for all of them. A GraphQL operation therefore costs one round trip per
 * (query, nesting level), however many results each level has.
 */
export class Loaders {
  readonly claims: DataLoader<string, ClaimNode | null>;
  readonly sources: DataLoader<string, SourceNode | null>;
  readonly statements: DataLoader<string, StatementNode | null>;
  readonly documents: DataLoader<string, DocumentNode | null>;
  readonly entities: DataLoader<string, EntityNode | null>;
  readonly statementsByClaim: DataLoader<string, StatementNode[]>;
  readonly statementsBySource: DataLoader<string, StatementNode[]>;
  readonly statementsByDocument: DataLoader<string, StatementNode[]>;
  readonly statementsRelayedBy: DataLoader<string, StatementNode[]>;
  readonly affiliations: DataLoader<string, { parents: AffiliationNode[]; members: AffiliationNode[] }>;
  readonly claimLinks: DataLoader<string, ClaimLinkNode[]>;
  readonly corroboration: DataLoader<string, CorroborationNode | null>;

  constructor(private readonly store: GraphStore) {
    this.claims = this.byId('claims-by-ids', 'claim', toClaim);
    this.sources = this.byId('sources-by-ids', 'source', toSource);
    this.statements = this.byId('statements-by-ids', 'statement', toStatement);
    this.documents = this.byId('documents-by-ids', 'document', toDocument);
    this.entities = this.byId('entities-by-ids', 'entity', toEntity);
    this.statementsByClaim = this.statementLists('statements-by-claims');
    this.statementsBySource = this.statementLists('statements-by-sources');
    this.statementsByDocument = this.statementLists('statements-by-documents');
    this.statementsRelayedBy = this.statementLists('statements-relayed-by');
    this.affiliations = this.keyed(
      'affiliations-by-sources',
      (row) => ({
        parents: list(row.parents).map(toAffiliation),
        members: list(row.members).map(toAffiliation),
      }),
      { parents: [], members: [] },
    );
    this.claimLinks = this.keyed('claim-links-by-claims', (row) => list(row.links).map(toClaimLink), []);
    this.corroboration = this.keyed('corroboration-by-claims', (row) => toCorroboration(row), null);
  }

  /** Rows of `{<column>: map}`, one per found id; a missing id resolves to null. */
  private byId<T extends { id: string }>(name: QueryName, column: string, map: (v: Value | undefined) => T): DataLoader<string, T | null> {
    return new DataLoader(async (ids) => {
      const rows = await this.store.read(name, { ids: [...ids] });
      const found = new Map(rows.map((row) => map(row[column])).map((node) => [node.id, node]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** Rows of `{key, <columns>}`, at most one per key. */
  private keyed<T>(name: QueryName, map: (row: Row) => T, missing: T): DataLoader<string, T> {
    return new DataLoader(async (ids) => {
      const rows = await this.store.read(name, { ids: [...ids] });
      const found = new Map(rows.map((row) => [String(row.key), map(row)]));
      return ids.map((id) => found.get(id) ?? missing);
    });
  }

  /**
   * Rows of `{key, statement}`, many per key, in the query's order. Each
   * statement also primes the by-id loader, so `reportedVia` and the like
   * cost nothing for statements already seen.
   */
  private statementLists(name: QueryName): DataLoader<string, StatementNode[]> {
    return new DataLoader(async (keys) => {
      const rows = await this.store.read(name, { ids: [...keys] });
      const groups = new Map<string, StatementNode[]>();
      for (const row of rows) {
        const statement = toStatement(row.statement);
        this.statements.prime(statement.id, statement);
        const key = String(row.key);
        const group = groups.get(key);
        if (group === undefined) groups.set(key, [statement]);
        else group.push(statement);
      }
      return keys.map((key) => groups.get(key) ?? []);
    });
  }
}

function list(v: Value | undefined): Value[] {
  return Array.isArray(v) ? v : [];
}
