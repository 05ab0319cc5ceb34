import { useMemo } from 'react';
import type { GraphNode } from '../../graph/types.ts';
import { selectGraph } from '../../store/selectors.ts';
import { InspectorForm } from '../inspector/InspectorForm.tsx';
import { nodeKey, whereText } from '../inspector/inspectedNode.ts';
import { useDesigner } from '../StoreContext.tsx';
import { templateOf } from './inspectorRows.ts';
import { ReadinessPanel } from './ReadinessPanel.tsx';

/**
 * The selected node: what it stands for, where it is written, and the form that edits it. It
 * renders again only when the node itself, where it is written or its documents change.
 */
export function InspectorPanel() {
  const key = useDesigner((s) => nodeKey(selectGraph(s), s.selection));
  const node = useMemo(() => (key === null ? undefined : (JSON.parse(key) as GraphNode)), [key]);
  const where = useDesigner((s) => whereText(s.workspace, node));
  const template = useDesigner((s) => templateOf(s.workspace, node));

  if (!node) {
    return (
      <section aria-label="Inspector" className="inspector">
        <p className="empty">Select a node on the canvas, or put the cursor in a manifest.</p>
      </section>
    );
  }
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
            <dd>{where}</dd>
          </>
        )}
        {template && (
          <>
            <dt>from template</dt>
            <dd>{template}</dd>
          </>
        )}
        {node.implied && (
          <>
            <dt>implied</dt>
            <dd>
              not in the workspace: Istio or Kubernetes assumes it, so there is nothing to edit. Add
              the resource to change it.
            </dd>
          </>
        )}
      </dl>
      <ReadinessPanel node={node} />
      {!node.implied && node.resource && <InspectorForm key={node.id} node={node} />}
    </section>
  );
}
