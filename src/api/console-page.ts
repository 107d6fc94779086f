/**
 * A query console served at `/`. Apollo's own landing page loads its code
 * from a CDN and is blank offline; this page is self-contained (no external
 * script, style or font) so it works on a laptop with no network.
 */
export const CONSOLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>claimgraph — query console</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; max-width: 70rem; }
  textarea, pre { width: 100%; box-sizing: border-box; font: 13px/1.35 ui-monospace, monospace; }
  textarea { height: 14rem; }
  pre { background: #f4f4f4; padding: .75rem; min-height: 10rem; white-space: pre-wrap; }
  .row { display: flex; gap: 1rem; } .row > div { flex: 1; }
</style>
</head>
<body>
<h1>claimgraph</h1>
<p>POST GraphQL to <code>/graphql</code>. The schema is documented by introspection and in the README.</p>
<div class="row">
  <div><label for="q">Query</label>
<textarea id="q">{
  claims(search: "undercover") {
    nodes {
      text
      statements { stance quote source { name anonymous } }
      corroboration { assertingSources independentSources }
    }
  }
}</textarea></div>
  <div><label for="v">Variables (JSON)</label><textarea id="v">{}</textarea></div>
</div>
<p><button id="run">Run</button></p>
<pre id="out"></pre>
<script>
document.getElementById('run').onclick = async () => {
  const out = document.getElementById('out');
  let variables;
  try { variables = JSON.parse(document.getElementById('v').value || '{}'); }
  catch (e) { out.textContent = 'Variables are not valid JSON: ' + e.message; return; }
  const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document.getElementById('q').value, variables }) });
  out.textContent = JSON.stringify(await res.json(), null, 2);
};
</script>
</body>
</html>
`;
