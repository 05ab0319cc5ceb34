import { nodeLocation } from '../../graph/nodeLocation.ts';
import { selectGraph } from '../../store/selectors.ts';
import { entries } from '../../workspace/workspace.ts';
import { useDesigner } from '../StoreContext.tsx';
import { inspectorRows } from './inspectorRows.ts';

/** The selected node: what it stands for, where it is written, and its main fields. */
export function InspectorPanel() {
  const workspace = useDesigner((s) => s.workspace);
  const graph = useDesigner(selectGraph);
  const selection = useDesigner((s) => s.selection);
  const node = graph.nodes.find((n) => n.id === selection);

  if (!node) {
    return (
      <section aria-label="Inspector" className="inspector">
        <p className="empty">Select a node on the canvas, or put the cursor in a manifest.</p>
      </section>
    );
  }
  const entry = node.resource ? entries(workspace).find((e) => e.id === node.resource) : undefined;
  const where = nodeLocation(workspace, node);
  return (
    <section aria-label="Inspector" className="inspector">
      <h3>
        <span className="kind">{node.kind}</span> {node.label}
      </h3>
      <dl>
        {node.resource && (
          <>
            <dt>resource</dt>
            <dd>{node.resource}</dd>
          </>
        )}
        {where && (
          <>
            <dt>written in</dt>
            <dd>{`${where.file}:${where.line}`}</dd>
          </>
        )}
        {node.implied && (
          <>
            <dt>implied</dt>
            <dd>not in the workspace: Istio or Kubernetes assumes it</dd>
          </>
        )}
        {inspectorRows(node, entry?.object).map(([label, value]) => (
          <div key={label} className="row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
