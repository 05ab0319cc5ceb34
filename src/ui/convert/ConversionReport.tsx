import { differenceText, requestText } from '../../convert/comparison.ts';
import type { ConversionPreview } from './conversionPreview.ts';

type Ready = Extract<ConversionPreview, { kind: 'ready' }>;

/**
 * The body of the Convert dialog: the source beside the converted YAML, then what the target
 * cannot say (the loss report) beside where the same requests went differently.
 */
export function ConversionReport({ preview, target }: { preview: Ready; target: string }) {
  const { conversion, verification, source } = preview;
  const { losses } = conversion;
  const { differences } = verification;
  return (
    <div className="convert-body">
      <div className="convert-panes">
        <section aria-label="Source" className="convert-pane">
          <h3>
            Source · {conversion.replaced.length} resource
            {conversion.replaced.length === 1 ? '' : 's'}
          </h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region is reached by keyboard */}
          <pre tabIndex={0}>{source}</pre>
        </section>
        <section aria-label={`Converted to the ${target}`} className="convert-pane">
          <h3>Converted · {conversion.files.map((f) => f.name).join(', ')}</h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region is reached by keyboard */}
          <pre tabIndex={0}>
            {conversion.files.map((f, i) => (i ? `---\n${f.text}` : f.text)).join('')}
          </pre>
        </section>
      </div>
      <div className="convert-panes">
        <section aria-label="Loss report" className="convert-list">
          <h3>Loss report · {losses.length}</h3>
          {losses.length === 0 ? (
            <p className="hint">Nothing is lost: the {target} says all of it.</p>
          ) : (
            <ul>
              {losses.map((loss) => (
                <li key={`${loss.resource} ${loss.path}`}>
                  <code>{loss.resource}</code> <code className="convert-path">{loss.path}</code>
                  <span>{loss.message}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Differences" className="convert-list">
          <h3>
            Requests · {verification.same} of {verification.total} the same
          </h3>
          {differences.length === 0 ? (
            <p className="hint">
              Every request derived from the rules{preview.saved ? ' and the saved tests' : ''} goes
              where it went.
            </p>
          ) : (
            <ul>
              {differences.map((d, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: a saved test may repeat a derived request
                  key={i}
                  className={d.explainedBy ? undefined : 'convert-unexplained'}
                >
                  <code>{requestText(d.request)}</code>
                  <span>{differenceText(d.before, d.after)}</span>
                  <span className="convert-why">
                    {d.explainedBy
                      ? `Explained by the loss at ${d.explainedBy.path}`
                      : 'Not explained by the loss report'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
