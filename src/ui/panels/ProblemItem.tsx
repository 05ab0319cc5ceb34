import { memo } from 'react';
import { codeLinks } from '../../check/codeLinks.ts';
import type { LintDiagnostic } from '../../check/lint.ts';
import { useDesignerStore } from '../StoreContext.tsx';

/** One finding: where it is, what is wrong, its codes, its quick fixes and "Suppress". */
export const ProblemItem = memo(function ProblemItem({
  diagnostic: d,
  current,
  onOpen,
  suppressed = false,
}: {
  readonly diagnostic: LintDiagnostic;
  readonly current: boolean;
  readonly onOpen: (d: LintDiagnostic) => void;
  readonly suppressed?: boolean;
}) {
  const store = useDesignerStore();
  const fixes = suppressed ? [] : (d.fixes ?? []);
  const suppress = suppressed ? undefined : d.suppress;
  return (
    <li
      data-code={d.code}
      data-istio={d.istio}
      data-kiali={d.kiali}
      data-severity={d.severity}
      data-suppressed={suppressed || undefined}
    >
      <button type="button" className="problem" onClick={() => onOpen(d)}>
        <span className={`severity severity-${d.severity}`}>{d.severity}</span>
        <span className="where">{`${d.file}:${d.line}:${d.column}`}</span>
        <span className="message">{d.message}</span>
      </button>
      <span className="problem__codes">
        {codeLinks(d).map((link) =>
          link.href ? (
            <a
              key={link.code}
              className="code"
              href={link.href}
              target="_blank"
              rel="noreferrer noopener"
              title={link.title}
            >
              {link.code}
            </a>
          ) : (
            <span key={link.code} className="code" title={link.title}>
              {link.code}
            </span>
          ),
        )}
        {suppress && (
          <button
            type="button"
            className="problem__suppress"
            disabled={!current}
            title={suppress.title}
            onClick={() => store.getState().apply(suppress.command)}
          >
            Suppress
          </button>
        )}
      </span>
      {fixes.map((fix) => (
        <button
          key={fix.title}
          type="button"
          className="problem__fix"
          disabled={!current}
          onClick={() => store.getState().apply(fix.command)}
        >
          {fix.title}
        </button>
      ))}
    </li>
  );
});
