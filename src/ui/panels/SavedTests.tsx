import { type ChangeEvent, useRef } from 'react';
import { parseSavedTests, stringifySavedTests } from '../../simulate/savedTests.ts';
import { selectTestRun } from '../../store/selectors.ts';
import { useDesigner, useDesignerStore } from '../StoreContext.tsx';
import { download } from '../toolbar/download.ts';

/** The saved tests file's name on export, and what import suggests. */
const TESTS_FILE = 'istio-designer-tests.yaml';

/**
 * Saved test requests: each runs on every change and shows pass or fail with what differs;
 * route coverage says how many rules the tests reach (the graph marks the others). The tests
 * import and export as one YAML file, the one `npm run cli -- test --tests` reads.
 */
export function SavedTests() {
  const store = useDesignerStore();
  const tests = useDesigner((s) => s.savedTests);
  const run = useDesigner(selectTestRun);
  const picker = useRef<HTMLInputElement>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const { tests: read, problems } = parseSavedTests(await file.text());
    const state = store.getState();
    if (read.length > 0) state.setSavedTests(read);
    const first = problems[0];
    if (first)
      state.notify({
        kind: 'error',
        text: `${file.name}:${first.line}:${first.column}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}${read.length > 0 ? `; imported the ${read.length} readable tests` : '; nothing imported'}`,
      });
  };

  const passed = run?.results.filter((r) => r.pass).length ?? 0;
  const coverage = run?.coverage;
  return (
    <section aria-label="Saved tests" className="saved-tests">
      <div className="saved-tests__bar">
        <h3>Saved tests</h3>
        {run && (
          <span className={passed === run.results.length ? 'tests-pass' : 'tests-fail'}>
            {passed}/{run.results.length} pass
          </span>
        )}
        {coverage && coverage.percent !== null && (
          <span
            className="coverage"
            title="Rules of gateway-bound VirtualServices and attached Gateway API routes that at least one saved test reaches (router_check_tool's route coverage)"
          >
            route coverage {Math.round(coverage.percent)}% ({coverage.covered}/{coverage.total}{' '}
            rules)
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => picker.current?.click()}>
          Import tests
        </button>
        <input
          ref={picker}
          type="file"
          accept=".yaml,.yml,text/yaml"
          hidden
          aria-label="Tests file"
          onChange={importFile}
        />
        <button
          type="button"
          disabled={tests.length === 0}
          onClick={() => download(TESTS_FILE, stringifySavedTests(tests), 'text/yaml')}
        >
          Export tests
        </button>
      </div>
      {tests.length === 0 && (
        <p className="empty">
          No saved tests. Send a request, then “Save as test” keeps it with what it does now.
        </p>
      )}
      <ul className="saved-tests__list">
        {run?.results.map((result, i) => (
          <li
            // Test names may repeat; their order is what identifies them here.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            data-pass={String(result.pass)}
          >
            <span className={result.pass ? 'tests-pass' : 'tests-fail'}>
              {result.pass ? '✓ pass' : '✗ fail'}
            </span>
            <span className="saved-tests__name">{result.test.name}</span>
            {!result.pass && (
              <span className="saved-tests__why">{result.mismatches.join('; ')}</span>
            )}
            <span className="spacer" />
            <button
              type="button"
              aria-label={`Send ${result.test.name}`}
              onClick={() => store.getState().sendRequest(result.test.request)}
            >
              Send
            </button>
            <button
              type="button"
              aria-label={`Delete ${result.test.name}`}
              onClick={() => store.getState().setSavedTests(tests.filter((_, j) => j !== i))}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
