import { useEffect, useRef, useState } from 'preact/hooks';
import { GRAPH_STATEMENTS, parentsOf, provenance, type Provenance, type SourceRef } from '../api';
import { POSITION_LABEL, sourceNature } from '../format';
import type { GraphEdge, GraphNode } from '../graph-draw';
import { href, type Route } from '../router';
import { ErrorNote, Loaded, useAsync, useTitle } from '../ui';

/** How many levels of affiliation above a speaker are drawn (a government's ministries' agencies…). */
const AFFILIATION_LEVELS = 4;

const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text);

interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Where each node's page is. */
  routes: Map<string, Route>;
}

/** The provenance of a claim as nodes and edges, with the affiliations of every speaker and intermediary up to AFFILIATION_LEVELS. */
async function buildGraph(p: Provenance): Promise<Graph> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const routes = new Map<string, Route>();
  const node = (id: string, label: string, classes: string, route: Route, text = label.replace('\n', ' ')) => {
    if (!nodes.has(id)) nodes.set(id, { id, label, text, classes });
    routes.set(id, route);
  };
  const edge = (source: string, target: string, label: string, classes?: string) =>
    edges.set(`${source}>${target}`, { source, target, label, ...(classes === undefined ? {} : { classes }) });
  const sourceNode = (s: SourceRef, extra = '') => {
    const id = `source:${s.recordId}`;
    node(id, `${cut(s.name, 60)}${s.anonymous || s.count !== null ? `\n(${sourceNature(s)})` : ''}`, `source${s.anonymous ? ' anonymous' : ''}${extra}`, { page: 'source', id: s.recordId });
    return id;
  };
  const claimId = `claim:${p.recordId}`;
  node(claimId, cut(p.text, 110), 'claim main', { page: 'claim', id: p.recordId, statement: null }, p.text);
  for (const { claim } of p.linksConnection.nodes) {
    node(`claim:${claim.recordId}`, cut(claim.text, 110), 'claim contra', { page: 'claim', id: claim.recordId, statement: null }, claim.text);
    edge(claimId, `claim:${claim.recordId}`, 'contradicts', 'contradicts');
  }
  const speakers = new Set<string>();
  for (const st of p.statementsConnection.nodes) {
    const stId = `statement:${st.recordId}`;
    node(stId, POSITION_LABEL[st.position], `statement pos-${st.position.toLowerCase()}${st.current ? '' : ' superseded'}`, { page: 'claim', id: p.recordId, statement: st.recordId },
      `${st.source.name} ${POSITION_LABEL[st.position]}${st.current ? '' : ' (superseded)'}`);
    edge(claimId, stId, st.current ? 'statement' : 'superseded');
    edge(stId, sourceNode(st.source), 'said by');
    speakers.add(st.source.recordId);
    for (const a of st.source.affiliationRoles) edge(`source:${st.source.recordId}`, sourceNode(a.source, ' parent'), a.role ?? 'member of');
    if (st.derivedFrom !== null) edge(stId, `statement:${st.derivedFrom.recordId}`, 'derived from');
    for (const ap of st.appearances) {
      const docId = `document:${ap.document.recordId}`;
      node(docId, cut(ap.document.title, 70), 'document', { page: 'document', id: ap.document.recordId });
      // The chain as printed: the statement, carried by the innermost intermediary first, out to the document.
      let from = stId;
      for (const v of [...ap.via].reverse()) {
        const via = sourceNode(v.source);
        edge(from, via, 'carried by');
        if (v.document !== null) {
          node(`document:${v.document.recordId}`, cut(v.document.title, 70), 'document', { page: 'document', id: v.document.recordId });
          edge(via, `document:${v.document.recordId}`, 'in');
        }
        from = via;
      }
      edge(from, docId, 'printed in');
    }
  }
  // Affiliations above the first level, a level at a time.
  let frontier = [...new Set(p.statementsConnection.nodes.flatMap((st) => st.source.affiliationRoles.map((a) => a.source.recordId)))];
  const seen = new Set(speakers);
  for (let level = 1; level < AFFILIATION_LEVELS && frontier.length > 0; level++) {
    frontier = frontier.filter((id) => !seen.has(id));
    frontier.forEach((id) => seen.add(id));
    const parents = await parentsOf(frontier);
    const next: string[] = [];
    for (const [child, roles] of parents) {
      for (const a of roles) {
        edge(`source:${child}`, sourceNode(a.source, ' parent'), a.role ?? 'member of');
        next.push(a.source.recordId);
      }
    }
    frontier = next;
  }
  // A derivation from a statement on another claim has no node here to point to.
  return { nodes: [...nodes.values()], edges: [...edges.values()].filter((e) => nodes.has(e.source) && nodes.has(e.target)), routes };
}

const KIND_HEADINGS: readonly [string, string][] = [
  ['claim', 'Claims'],
  ['statement', 'Statements'],
  ['source', 'Sources (speakers, intermediaries, affiliations)'],
  ['document', 'Documents'],
];

function Drawing({ graph }: { graph: Graph }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    let teardown: (() => void) | undefined;
    let live = true;
    import('../graph-draw').then(
      ({ draw }) => {
        if (!live || box.current === null) return;
        teardown = draw(box.current, graph.nodes, graph.edges, (id) => {
          const route = graph.routes.get(id);
          if (route !== undefined) location.hash = href(route);
        });
      },
      (e: unknown) => setError(e),
    );
    return () => {
      live = false;
      teardown?.();
    };
  }, [graph]);
  return (
    <>
      <ErrorNote error={error} />
      <div class="graph" ref={box} role="img" aria-label={`A drawing of ${graph.nodes.length} nodes and ${graph.edges.length} links; every node is listed below as a link.`} />
    </>
  );
}

export function GraphPage({ id }: { id: string }) {
  const graph = useAsync(async () => {
    const p = await provenance(id);
    return { p, graph: await buildGraph(p) };
  }, [id]);
  useTitle(graph.data === undefined ? 'Provenance graph' : `Provenance: ${graph.data.p.text}`);
  return (
    <div class="page" data-page="graph" data-ready={graph.data !== undefined ? 'true' : undefined}>
      <Loaded state={graph} what="the provenance graph">
        {({ p, graph: g }) => (
          <>
            <p class="kind-label">Provenance graph</p>
            <h1>
              <a href={href({ page: 'claim', id, statement: null })}>{p.text}</a>
            </h1>
            <p>
              Read from the claim (left) to its statements, who made them and on whose behalf, the documents that printed them and who carried them there; claims that
              contradict it are linked in red. Click a node to open its page.
              {p.statementsConnection.totalCount > GRAPH_STATEMENTS && ` The first ${GRAPH_STATEMENTS} of ${p.statementsConnection.totalCount} statements are drawn.`}
            </p>
            <Drawing graph={g} />
            <section aria-labelledby="nodes-h">
              <h2 id="nodes-h">Every node</h2>
              <div class="columns">
                {KIND_HEADINGS.map(([kind, heading]) => {
                  const list = g.nodes.filter((n) => n.classes.split(' ')[0] === kind);
                  return (
                    <div key={kind}>
                      <h3>
                        {heading} ({list.length})
                      </h3>
                      <ul class="node-list">
                        {list.map((n) => {
                          const route = g.routes.get(n.id);
                          return (
                            <li key={n.id} data-node={n.id}>
                              {route === undefined ? n.text : <a href={href(route)}>{n.text}</a>}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  );
                })}
              </div>
            </section>
          </>
        )}
      </Loaded>
    </div>
  );
}
