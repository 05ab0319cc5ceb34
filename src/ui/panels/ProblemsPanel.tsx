import { useCallback, useEffect, useRef, useState } from 'react';
import type { LintDiagnostic } from '../../check/lint.ts';
import { nodeForPath } from '../../graph/nodeLocation.ts';
import { selectGraph, selectProblemsCurrent } from '../../store/selectors.ts';
import type { Severity } from '../../workspace/diagnostics.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { useProblems, useSuppressedProblems } from '../useProblems.ts';
import { ProblemItem } from './ProblemItem.tsx';

const SEVERITIES: readonly { readonly severity: Severity; readonly label: string }[] = [
  { severity: 'error', label: 'Errors' },
  { severity: 'warning', label: 'Warnings' },
  { severity: 'info', label: 'Info' },
];

/**
 * Every diagnostic, grouped by the resource it is about (syntax problems by file), filtered by
 * severity. Clicking an entry selects its node and shows its range in the editor; quick fixes
 * apply as one undoable command.
 */
export function ProblemsPanel() {
  const store = useDesignerStore();
  const diagnostics = useProblems();
  const complete = useDesigner((s) => s.assumeComplete);
  // Quick fixes are commands on the workspace the checks looked at: held back while they catch up.
  const current = useDesigner(selectProblemsCurrent);
  // No answer yet, or only one about an earlier workspace (a big import is being checked): an
  // empty list then says so rather than "No problems found".
  const checking = useDesigner((s) => s.problems === null || s.problems.workspace !== s.workspace);
  const suppressed = useSuppressedProblems();
  const [hidden, setHidden] = useState<ReadonlySet<Severity>>(new Set());
  const [showSuppressed, setShowSuppressed] = useState(false);
  const suppressedGroup = useRef<HTMLDivElement>(null);
  // They are listed last: shown on request, brought into view.
  useEffect(() => {
    if (showSuppressed) suppressedGroup.current?.scrollIntoView({ block: 'nearest' });
  }, [showSuppressed]);
  // A thousand findings are read a page at a time: drawing them all made every keystroke
  // re-render a thousand rows.
  const [limit, setLimit] = useState(PAGE);
  const shown = diagnostics.filter((d) => !hidden.has(d.severity));
  const groups = groupByResource(shown.slice(0, limit));

  const open = useCallback(
    (d: LintDiagnostic) => {
      const state = store.getState();
      if (d.resource) {
        const node = nodeForPath(selectGraph(state), d.resource, d.fieldPath ?? []);
        if (node) state.select(node.id, 'list');
      }
      state.revealAt(d.file, d.line, d.column);
    },
    [store],
  );

  return (
    <section aria-label="Problems" className="problems">
      <div className="problems__bar">
        {SEVERITIES.map(({ severity, label }) => {
          const count = diagnostics.filter((d) => d.severity === severity).length;
          const on = !hidden.has(severity);
          return (
            <button
              key={severity}
              type="button"
              className={`filter filter-${severity}`}
              aria-pressed={on}
              title={on ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
              onClick={() => {
                const next = new Set(hidden);
                if (on) next.add(severity);
                else next.delete(severity);
                setHidden(next);
              }}
            >
              {label} {count}
            </button>
          );
        })}
        <label
          className="problems__complete"
          title="Treat the workspace as every Service, Secret and pod there is: references to absent ones are errors, not 'not in this workspace' (lint --complete)"
        >
          <input
            type="checkbox"
            checked={complete}
            onChange={(event) => store.getState().setAssumeComplete(event.target.checked)}
          />
          Workspace is complete
        </label>
        {suppressed.length > 0 && (
          <button
            type="button"
            className="problems__suppressed-toggle"
            aria-pressed={showSuppressed}
            title={`Findings left out by their resource's galley.istio.io/analyze-suppress annotation, as istioctl analyze leaves them out: ${showSuppressed ? 'hide' : 'show'} them`}
            onClick={() => setShowSuppressed(!showSuppressed)}
          >
            {suppressed.length} suppressed
          </button>
        )}
      </div>
      {diagnostics.length === 0 && (
        <p className="empty">{checking ? 'Checking…' : 'No problems found.'}</p>
      )}
      {diagnostics.length > 0 && shown.length === 0 && (
        <p className="empty">Every problem is filtered out.</p>
      )}
      {groups.map(({ key, title, items }) => (
        <div key={key} className="problems__group">
          <h3>{title}</h3>
          <ul>
            {items.map((d) => (
              <ProblemItem
                key={`${d.code}:${d.line}:${d.column}:${d.message}`}
                diagnostic={d}
                current={current}
                onOpen={open}
              />
            ))}
          </ul>
        </div>
      ))}
      {shown.length > limit && (
        <button type="button" className="problems__more" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, shown.length - limit)} more ({shown.length - limit} not shown)
        </button>
      )}
      {showSuppressed && suppressed.length > 0 && (
        <div ref={suppressedGroup} className="problems__group problems__suppressed">
          <h3>Suppressed (galley.istio.io/analyze-suppress)</h3>
          <ul>
            {suppressed.map((d) => (
              <ProblemItem
                key={`${d.code}:${d.file}:${d.line}:${d.column}:${d.message}`}
                diagnostic={d}
                current={current}
                onOpen={open}
                suppressed
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * Findings drawn at a time: more than the panel shows at once, few enough that the list
 * arriving after a thousand-resource import is not a long task of its own.
 */
const PAGE = 50;

interface Group {
  readonly key: string;
  readonly title: string;
  readonly items: readonly LintDiagnostic[];
}

/** Groups in first-appearance order: one per resource, one per file for syntax problems. */
function groupByResource(diagnostics: readonly LintDiagnostic[]): Group[] {
  const groups = new Map<string, { title: string; items: LintDiagnostic[] }>();
  for (const d of diagnostics) {
    const key = d.resource ? `${d.file}\u0000${d.resource}` : d.file;
    const title = d.resource ? `${resourceTitle(d.resource)} · ${d.file}` : d.file;
    const group = groups.get(key);
    if (group) group.items.push(d);
    else groups.set(key, { title, items: [d] });
  }
  return [...groups].map(([key, group]) => ({ key, ...group }));
}

/** `VirtualService/web/shop` → `VirtualService web/shop`. */
function resourceTitle(resource: string): string {
  const slash = resource.indexOf('/');
  return slash === -1 ? resource : `${resource.slice(0, slash)} ${resource.slice(slash + 1)}`;
}
