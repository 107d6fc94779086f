import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';

/*
 * The drawing of a provenance graph, loaded only when the graph view opens:
 * Cytoscape.js with the dagre layered layout, so the graph reads left to
 * right, from the claim to who said it, where it was printed and who
 * carried it, and up each speaker's affiliations.
 */

cytoscape.use(dagre);

export interface GraphNode {
  id: string;
  /** What the drawing writes in the node. */
  label: string;
  /** What the list of nodes says of it, in full. */
  text: string;
  /** Space-separated classes: the node's kind (claim, statement, source, document) and its look. */
  classes: string;
}
export interface GraphEdge {
  source: string;
  target: string;
  label: string;
  classes?: string;
}

const POSITION_COLOURS: Readonly<Record<string, string>> = {
  asserts: '#1b7f3b',
  hedges: '#a86400',
  denies: '#b3261e',
  doubts: '#c2410c',
  no_response: '#5f6368',
  not_acknowledged: '#5f6368',
  withdraws: '#6b3fa0',
};

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '150px',
      'font-size': '11px',
      'font-family': 'system-ui, sans-serif',
      'text-valign': 'center',
      'text-halign': 'center',
      color: '#1a1a1a',
      width: '170px',
      height: '48px',
      shape: 'round-rectangle',
      'background-color': '#ffffff',
      'border-width': 1.5,
      'border-color': '#555555',
    },
  },
  { selector: 'node.claim', style: { 'background-color': '#e8eefc', 'border-color': '#1d4ed8', 'border-width': 2, width: '200px', height: '70px' } },
  { selector: 'node.main', style: { 'border-width': 4, 'font-weight': 'bold' } },
  { selector: 'node.contra', style: { 'border-color': '#b3261e', 'background-color': '#fdecea' } },
  { selector: 'node.statement', style: { shape: 'ellipse', width: '110px', height: '40px', color: '#ffffff', 'border-width': 0 } },
  ...Object.entries(POSITION_COLOURS).map(([position, colour]) => ({ selector: `node.statement.pos-${position}`, style: { 'background-color': colour } })),
  { selector: 'node.superseded', style: { opacity: 0.55, 'border-style': 'dashed', 'border-width': 2, 'border-color': '#1a1a1a' } },
  { selector: 'node.source', style: { 'background-color': '#fff8e1', 'border-color': '#8a6d00' } },
  { selector: 'node.anonymous', style: { 'border-style': 'dashed' } },
  { selector: 'node.parent', style: { 'background-color': '#f3e8ff', 'border-color': '#6b3fa0' } },
  { selector: 'node.document', style: { shape: 'rectangle', 'background-color': '#eef2f5', 'border-color': '#37474f' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#8a8a8a',
      'target-arrow-color': '#8a8a8a',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': '9px',
      color: '#444444',
      'text-background-color': '#ffffff',
      'text-background-opacity': 1,
      'text-background-padding': '1px',
    },
  },
  { selector: 'edge.contradicts', style: { 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', 'line-style': 'dashed' } },
];

/** Draws the graph into `container`; a tap on a node calls `onOpen` with its id. Returns the drawing's teardown. */
export function draw(container: HTMLElement, nodes: readonly GraphNode[], edges: readonly GraphEdge[], onOpen: (id: string) => void): () => void {
  const cy = cytoscape({
    container,
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: n.label }, classes: n.classes })),
      ...edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target, label: e.label }, classes: e.classes ?? '' })),
    ],
    style: STYLE,
    layout: { name: 'dagre', rankDir: 'LR', nodeSep: 18, rankSep: 90, padding: 16 } as cytoscape.LayoutOptions,
    minZoom: 0.2,
    maxZoom: 2.5,
    autoungrabify: true,
  });
  cy.on('tap', 'node', (event) => onOpen(String(event.target.id())));
  cy.on('mouseover', 'node', () => (container.style.cursor = 'pointer'));
  cy.on('mouseout', 'node', () => (container.style.cursor = ''));
  container.dataset.drawn = String(cy.nodes().length);
  // The container outlives a drawing when the page moves to another claim: it must not say "drawn" for the next one.
  return () => {
    delete container.dataset.drawn;
    cy.destroy();
  };
}
