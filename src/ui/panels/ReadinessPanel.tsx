import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  gatewayReadiness,
  type ReadinessItem,
  readinessFixAll,
  readinessGatewayOf,
} from '../../check/readiness/checklist.ts';
import type { Command } from '../../edit/command.ts';
import type { GraphNode } from '../../graph/types.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { READINESS_KINDS, takeReadinessFocus } from './showReadiness.ts';
import './readiness.css';

/**
 * The guide's six production considerations for the gateway the selected node belongs to (its
 * pods, its Gateway, or an autoscaler, budget, load balancer or monitor attached to them): each
 * ✓ ready or what is missing, with a button that adds it. Every button applies one command
 * through the store, so each is one undo step ("Add all missing" too). Nothing for nodes that
 * belong to no gateway.
 */
export function ReadinessPanel({ node }: { node: GraphNode }) {
  if (!READINESS_KINDS.has(node.kind)) return null;
  // Folded on a Gateway, whose form people come to edit; open on everything else.
  return <Checklist key={node.id} node={node} folded={node.kind === 'gateway'} />;
}

function Checklist({ node, folded }: { node: GraphNode; folded: boolean }) {
  const store = useDesignerStore();
  // Deferred: the checklist runs the checks, so typing elsewhere never waits for it.
  const workspace = useDeferredValue(useDesigner((s) => s.workspace));
  const gateway = useMemo(() => readinessGatewayOf(workspace, node), [workspace, node]);
  const items = useMemo(
    () => (gateway ? gatewayReadiness(workspace, gateway) : []),
    [workspace, gateway],
  );
  const [open, setOpen] = useState(!folded);
  const section = useRef<HTMLElement>(null);
  // The palette's "Gateway readiness…" brings the checklist, unfolded, to the keyboard.
  useEffect(() => {
    if (!gateway || !takeReadinessFocus()) return;
    setOpen(true);
    section.current?.focus();
  }, [gateway]);
  if (!gateway || items.length === 0) return null;

  const ready = items.filter((item) => item.ok).length;
  const add = (command: Command, what: string) => {
    if (store.getState().apply(command))
      store.getState().notify({ kind: 'info', text: `${what} (Undo removes it).` });
  };
  const addAll = () => {
    const command = readinessFixAll(store.getState().workspace, gateway);
    if (command) add(command, 'Added everything the checklist missed');
  };
  const name = `${gateway.namespace}/${gateway.name}`;
  return (
    <section
      ref={section}
      tabIndex={-1}
      aria-label="Gateway readiness"
      className="readiness"
      data-gateway={name}
    >
      <div className="readiness__head">
        <h4 className="readiness__heading">
          <button
            type="button"
            className="readiness__toggle"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            <span className="readiness__fold" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            Production readiness of {name}:{' '}
            <span className="readiness__count">
              {ready} of {items.length} ready
            </span>
          </button>
        </h4>
        {/* Beside the heading: in a short panel it is in view without scrolling. */}
        {ready < items.length && items.some((item) => item.fix) && (
          <button type="button" className="readiness__all" onClick={addAll}>
            Add all missing
          </button>
        )}
      </div>
      {open && (
        <ul className="readiness__items">
          {items.map((item) => (
            <ReadinessRow key={item.topic} item={item} onAdd={add} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReadinessRow({
  item,
  onAdd,
}: {
  item: ReadinessItem;
  onAdd: (command: Command, what: string) => void;
}) {
  const { fix } = item;
  return (
    <li className="readiness__item" data-topic={item.topic} data-ready={item.ok}>
      <span className="readiness__mark" aria-hidden="true">
        {item.ok ? '✓' : '✗'}
      </span>
      <span className="readiness__title">{item.title}</span>
      <span className="readiness__state">{item.ok ? 'ready' : 'missing'}</span>
      {!item.ok && item.missing.length > 0 && (
        <ul className="readiness__missing">
          {item.missing.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {item.notes && item.notes.length > 0 && (
        <ul className="readiness__notes">
          {item.notes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {!item.ok && fix && (
        <button
          type="button"
          className="readiness__add"
          aria-label={`${fix.label} (${item.title})`}
          onClick={() => onAdd(fix.command, `Applied “${fix.label}” for ${item.title}`)}
        >
          {fix.label}
        </button>
      )}
    </li>
  );
}
