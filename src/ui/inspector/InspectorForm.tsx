import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formFor } from '../../forms/formFor.ts';
import type { GraphNode } from '../../graph/types.ts';
import { findEntry } from '../../workspace/workspace.ts';
import { inspectorRows } from '../panels/inspectorRows.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { SectionView } from './EntryView.tsx';
import { formDocs, optionsKey } from './inspectedNode.ts';
import './inspector.css';

/**
 * The editing form of a node. It subscribes to the documents the form is built from and the
 * names its selects offer, nothing else, so an edit elsewhere does not render it again.
 */
export function InspectorForm({ node }: { node: GraphNode }) {
  const store = useDesignerStore();
  const docs = useDesigner(useShallow((s) => formDocs(s.workspace, node)));
  const options = useDesigner((s) => optionsKey(s.workspace));
  // biome-ignore lint/correctness/useExhaustiveDependencies: docs and options stand for the workspace parts the form reads.
  const sections = useMemo(
    () => formFor(store.getState().workspace, node),
    [node, docs, options, store],
  );
  if (docs.length === 0) return null;
  if (sections.length === 0) return <ReadOnlyFacts node={node} />;
  const target = node.resource as string;
  return (
    <form
      className="inspector-form"
      onSubmit={(e) => e.preventDefault()}
      aria-label={`Edit ${node.label}`}
    >
      {sections.map((section) => (
        <SectionView key={section.id} section={section} target={target} />
      ))}
    </form>
  );
}

/** A resource the forms do not cover (a ServiceEntry, a Pod…): its main fields, read-only. */
function ReadOnlyFacts({ node }: { node: GraphNode }) {
  const store = useDesignerStore();
  const entry = node.resource ? findEntry(store.getState().workspace, node.resource) : undefined;
  const rows = inspectorRows(node, entry?.object);
  return (
    <>
      {rows.length > 0 && (
        <dl>
          {rows.map(([label, value]) => (
            <div key={label} className="row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="inspector__note">
        No form for this kind: edit it in the manifest (the editor shows where it is written).
      </p>
    </>
  );
}
