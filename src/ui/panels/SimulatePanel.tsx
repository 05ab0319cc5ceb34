import { type FormEvent, useId, useState } from 'react';
import { nodeForPath, nodeLocation } from '../../graph/nodeLocation.ts';
import { formatHeaderLines } from '../../simulate/headerLines.ts';
import { recordTest, requestName } from '../../simulate/recordTest.ts';
import { outcomeSummary, outcomeTone } from '../../simulate/summary.ts';
import type { SimListener, SimRequest, Simulation, Step } from '../../simulate/types.ts';
import { selectGraph, selectSimulation } from '../../store/selectors.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { defaultUrl, parseHeaders } from './requestForm.ts';
import { SavedTests } from './SavedTests.tsx';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * "Where does this request go?": a URL, a method and headers sent through the workspace's
 * ingress gateways by the simulator, with the answer, the step-by-step reasons, and the path
 * lit on the graph. The answer is derived from the workspace, so it follows every edit.
 */
export function SimulatePanel() {
  const store = useDesignerStore();
  const sent = useDesigner((s) => s.simulatorRequest);
  const result = useDesigner(selectSimulation);
  const workspace = useDesigner((s) => s.workspace);
  const [url, setUrl] = useState(() => sent?.url ?? defaultUrl(workspace));
  const [method, setMethod] = useState(sent?.method ?? 'GET');
  const [headers, setHeaders] = useState(() => formatHeaderLines(sent?.headers));
  const [headerError, setHeaderError] = useState<string | null>(null);
  // A request sent from elsewhere (a saved test) fills the form, so what is shown is what ran.
  const [shownRequest, setShownRequest] = useState(sent);
  if (sent !== shownRequest) {
    setShownRequest(sent);
    if (sent) {
      setUrl(sent.url);
      setMethod(sent.method ?? 'GET');
      setHeaders(formatHeaderLines(sent.headers));
    }
  }
  const ids = { url: useId(), method: useId(), headers: useId() };

  const send = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseHeaders(headers);
    if (!parsed.ok) {
      setHeaderError(parsed.error);
      return;
    }
    setHeaderError(null);
    store.getState().sendRequest({ url: url.trim(), method, headers: parsed.headers });
  };

  return (
    <section aria-label="Simulate request" className="simulator">
      <form className="simulator__form" onSubmit={send}>
        <label htmlFor={ids.method}>Method</label>
        <select id={ids.method} value={method} onChange={(e) => setMethod(e.target.value)}>
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <label htmlFor={ids.url}>URL</label>
        <input
          id={ids.url}
          type="text"
          value={url}
          spellCheck={false}
          placeholder="http://shop.example.com/api/items?id=1"
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" className="primary">
          Send
        </button>
        <label htmlFor={ids.headers}>Headers</label>
        <textarea
          id={ids.headers}
          value={headers}
          rows={2}
          spellCheck={false}
          placeholder={'x-beta: 1\nuser-agent: curl/8'}
          aria-invalid={headerError !== null}
          aria-describedby={headerError ? `${ids.headers}-error` : undefined}
          onChange={(e) => setHeaders(e.target.value)}
        />
        {headerError && (
          <p id={`${ids.headers}-error`} className="field-error" role="alert">
            {headerError}
          </p>
        )}
      </form>
      {result && !result.ok && (
        <p className="simulator__error" role="alert">
          {result.error}
        </p>
      )}
      {result?.ok && sent && <Answer simulation={result.simulation} request={sent} />}
      <SavedTests />
    </section>
  );
}

function Answer({ simulation, request: sent }: { simulation: Simulation; request: SimRequest }) {
  const store = useDesignerStore();
  const save = () => {
    const state = store.getState();
    state.setSavedTests([...state.savedTests, recordTest(requestName(sent), sent, simulation)]);
  };
  const open = (step: Step) => {
    if (!step.resource) return;
    const state = store.getState();
    const graph = selectGraph(state);
    const node = nodeForPath(graph, step.resource, step.path ?? []);
    if (!node) return;
    state.select(node.id, 'list');
    const place = nodeLocation(state.workspace, node);
    if (place) state.revealAt(place.file, place.line, place.column);
  };
  const { request } = simulation;
  return (
    <div className="simulator__answer" aria-live="polite">
      <div className="simulator__outcome">
        <p
          className={`outcome outcome-${simulation.outcome} outcome--${outcomeTone(simulation)}`}
          data-outcome={simulation.outcome}
          data-status={simulation.status ?? undefined}
          data-tone={outcomeTone(simulation)}
        >
          {outcomeSummary(simulation)}
        </p>
        <button type="button" onClick={save}>
          Save as test
        </button>
      </div>
      {simulation.listener && (
        <p className="simulator__via">
          Listener <code>{describeListener(simulation.listener)}</code> of{' '}
          <code>{simulation.gateway}</code>
          {simulation.httpRoute && simulation.rule && (
            <>
              {' '}
              → <code>{`${simulation.httpRoute} rules[${simulation.rule.index}]`}</code>
              {simulation.rule.name ? ` (${simulation.rule.name})` : ''}
            </>
          )}
        </p>
      )}
      {/* A 503 from the gateway reaches no backend: say nothing of what one receives. */}
      {simulation.outcome === 'route' && simulation.status === null && (
        <p className="simulator__backend">
          Backend receives <code>{`${request.method} ${request.path}`}</code> with Host{' '}
          <code>{request.authority}</code>
        </p>
      )}
      <ol className="steps" aria-label="Steps">
        {simulation.steps.map((step, i) => (
          <li
            // Steps are recomputed as a whole; their order is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            data-step={step.kind}
            data-matched={step.matched === undefined ? undefined : String(step.matched)}
          >
            {step.resource ? (
              <button type="button" className="step" onClick={() => open(step)}>
                <StepText step={step} />
              </button>
            ) : (
              <span className="step">
                <StepText step={step} />
              </span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** `http (HTTP 80, *.example.com)`: a Gateway API listener as the answer names it. */
function describeListener(listener: SimListener): string {
  return `${listener.name} (${listener.protocol} ${listener.port}${listener.hostname ? `, ${listener.hostname}` : ''})`;
}

function StepText({ step }: { step: Step }) {
  const mark = step.matched === undefined ? '•' : step.matched ? '✓' : '✗';
  return (
    <>
      <span className={`step__mark step__mark--${String(step.matched ?? 'info')}`} aria-hidden>
        {mark}
      </span>
      <span className="step__kind">{step.kind}</span>
      <span className="step__detail">{step.detail}</span>
    </>
  );
}
