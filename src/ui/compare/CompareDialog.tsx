import { type ChangeEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { isEmptyDiff } from '../../diff/diffWorkspaces.ts';
import type { ResourceChange } from '../../diff/resourceChanges.ts';
import type { Diagnostic } from '../../workspace/diagnostics.ts';
import { loadWorkspace, type Workspace } from '../../workspace/workspace.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { readFiles } from '../toolbar/readFiles.ts';
import { useModalDialog } from '../useModalDialog.ts';
import type { Comparison } from './comparison.ts';
import { revealChange } from './revealChange.ts';
import { useComparison } from './useComparison.ts';
import './compareDialog.css';

type Against = 'opened' | 'file' | 'export';

/**
 * "Compare…": what the edits change, against the workspace as opened (or last imported), an
 * uploaded file, or the last export: resources field by field, the requests whose answer
 * changes ("GET myapp.example.com/myapp: v1 80% → 60%, v2 20% → 40%"), findings that appear or
 * go. A resource change, clicked, is selected on the graph and shown in the editor.
 */
export function CompareDialog({ onClose }: { onClose: () => void }) {
  const store = useDesignerStore();
  const workspace = useDesigner((s) => s.workspace);
  const baseline = useDesigner((s) => s.baseline);
  const lastExport = useDesigner((s) => s.lastExport);
  const savedTests = useDesigner((s) => s.savedTests);
  const tests = useMemo(() => savedTests.map((t) => t.request), [savedTests]);
  const dialog = useModalDialog();
  const ids = { title: useId(), summary: useId() };
  const [against, setAgainst] = useState<Against>('opened');
  const [uploaded, setUploaded] = useState<{ names: string; workspace: Workspace } | null>(null);
  const before =
    against === 'opened'
      ? baseline
      : against === 'export'
        ? lastExport
        : (uploaded?.workspace ?? null);
  const comparison = useComparison(before, workspace, tests);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = await readFiles(event.target.files ?? []);
    if (files.length === 0) return;
    setUploaded({ names: files.map((f) => f.name).join(', '), workspace: loadWorkspace(files) });
    setAgainst('file');
  };
  const open = (change: ResourceChange) => {
    onClose();
    revealChange(store, change);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog compare-dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.summary}
      onClose={onClose}
    >
      <form method="dialog" onSubmit={(event) => event.preventDefault()}>
        <h2 id={ids.title}>Compare</h2>
        <fieldset className="compare-choice">
          <legend>Compare the workspace with</legend>
          <Choice value="opened" against={against} onChoose={setAgainst}>
            The workspace as opened
          </Choice>
          <Choice value="file" against={against} onChoose={setAgainst} disabled={!uploaded}>
            {uploaded ? `The file ${uploaded.names}` : 'A file'}
          </Choice>
          <label className="compare-file">
            <span>File to compare with</span>
            <input type="file" accept=".yaml,.yml,.json" multiple onChange={pick} />
          </label>
          <Choice value="export" against={against} onChoose={setAgainst} disabled={!lastExport}>
            The last export{lastExport ? '' : ' (nothing exported yet)'}
          </Choice>
        </fieldset>
        <Summary id={ids.summary} waiting={before === null} comparison={comparison} />
        {comparison && !isEmptyDiff(comparison.diff) && (
          <div className="compare-sections">
            <Resources changes={comparison.diff.resources} onOpen={open} />
            <section aria-label="Traffic" className="compare-section">
              <h3>Traffic</h3>
              {comparison.trafficLines.length ? (
                <ul>
                  {comparison.trafficLines.map((line) => (
                    <li key={line} className="compare-traffic">
                      {line}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="compare-none">No request goes elsewhere.</p>
              )}
            </section>
            <section aria-label="Findings" className="compare-section">
              <h3>Findings</h3>
              {comparison.diff.findings.added.length + comparison.diff.findings.removed.length ? (
                <ul>
                  {comparison.diff.findings.added.map((d) => (
                    <Finding key={findingKey(d)} d={d} sign="new" />
                  ))}
                  {comparison.diff.findings.removed.map((d) => (
                    <Finding key={findingKey(d)} d={d} sign="gone" />
                  ))}
                </ul>
              ) : (
                <p className="compare-none">No finding appears or goes away.</p>
              )}
            </section>
          </div>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}

function Choice({
  value,
  against,
  onChoose,
  disabled = false,
  children,
}: {
  value: Against;
  against: Against;
  onChoose: (value: Against) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label>
      <input
        type="radio"
        name="compare-with"
        checked={against === value}
        disabled={disabled}
        onChange={() => onChoose(value)}
      />
      {children}
    </label>
  );
}

function Summary({
  id,
  waiting,
  comparison,
}: {
  id: string;
  waiting: boolean;
  comparison: Comparison | null;
}) {
  if (waiting)
    return (
      <p id={id} role="status" className="compare-summary">
        Choose a file to compare with.
      </p>
    );
  if (!comparison)
    return (
      <p id={id} role="status" className="compare-summary compare-summary--busy">
        Comparing: sending the requests of both versions' rules through each…
      </p>
    );
  const { diff, unparsed } = comparison;
  const note = unparsed
    ? ` (${unparsed} syntax error${unparsed === 1 ? '' : 's'} in the version compared with: what did not parse is left out)`
    : '';
  if (isEmptyDiff(diff))
    return (
      <p id={id} role="status" className="compare-summary">
        No differences{note}
      </p>
    );
  const findings = diff.findings.added.length + diff.findings.removed.length;
  return (
    <p id={id} role="status" className="compare-summary">
      {count(diff.resources.length, 'resource')} changed, {count(diff.traffic.length, 'request')}{' '}
      answered differently, {count(findings, 'finding')} new or gone{note}
    </p>
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function Resources({
  changes,
  onOpen,
}: {
  changes: readonly ResourceChange[];
  onOpen: (change: ResourceChange) => void;
}) {
  return (
    <section aria-label="Resources" className="compare-section">
      <h3>Resources</h3>
      {changes.length ? (
        <ul>
          {changes.map((change) => (
            <li key={change.resource} data-change={change.change}>
              <button
                type="button"
                className="compare-resource"
                disabled={change.change === 'removed'}
                title={
                  change.change === 'removed'
                    ? 'Not in the workspace any more'
                    : 'Select it on the graph and show it in the editor'
                }
                onClick={() => onOpen(change)}
              >
                <span className={`compare-change compare-change--${change.change}`}>
                  {change.change}
                </span>{' '}
                {change.resource}
              </button>
              {change.paths.length > 0 && (
                <ul className="compare-paths">
                  {change.paths.map((path) => (
                    <li key={path}>
                      <code>{path}</code>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="compare-none">No resource changed.</p>
      )}
    </section>
  );
}

function Finding({ d, sign }: { d: Diagnostic; sign: 'new' | 'gone' }) {
  return (
    <li className={`compare-finding compare-finding--${sign}`} data-code={d.code}>
      <span className="compare-change">{sign}</span> {d.severity} {d.code}
      {d.resource ? ` ${d.resource}` : ''}: {d.message}
    </li>
  );
}

function findingKey(d: Diagnostic): string {
  return `${d.code} ${d.resource ?? ''} ${d.path ?? ''} ${d.message}`;
}
