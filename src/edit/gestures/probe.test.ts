import { test } from 'vitest';
import { lint } from '../../check/lint.ts';
import { deriveGraph } from '../../graph/deriveGraph.ts';
import { loadWorkspace } from '../../workspace/workspace.ts';
import { SHOP } from '../../edit/gestures/fixtures.ts';
test('probe', () => {
  const ws = loadWorkspace([{ name: 'shop.yaml', text: SHOP }]);
  for (const d of lint(ws)) console.log(d.severity, d.code, d.resource, d.message);
  const g = deriveGraph(ws);
  console.log(g.nodes.map((n) => `${n.id} ${n.kind}`).join('\n'));
  console.log(g.edges.filter(e=>['route','bind','delegate'].includes(e.kind)).map((e) => e.id).join('\n'));
});
