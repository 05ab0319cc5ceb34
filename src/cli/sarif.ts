import { pathToFileURL } from 'node:url';
import { CHECK_CODES, type CheckCode } from '../check/catalog.ts';
import { codeLinks } from '../check/codeLinks.ts';
import type { Diagnostic, Severity } from '../workspace/diagnostics.ts';
import { HOMEPAGE, VERSION } from './version.ts';

/**
 * `lint --format sarif`: the findings as a SARIF 2.1.0 log, the format GitHub code scanning
 * (github/codeql-action/upload-sarif), GitLab and IDE viewers read. One rule per check code with
 * its istioctl and Kiali codes and the page that explains them; one result per finding, at the
 * file, line and column of CONTRACT section 3. Validated against the OASIS schema in
 * sarif.test.ts.
 */

const SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: 'error' | 'warning' | 'note' };
  readonly properties: {
    readonly istio: readonly string[];
    readonly kiali: readonly string[];
    readonly tags: readonly string[];
  };
}

export function sarifLog(diagnostics: readonly Diagnostic[]): unknown {
  const rules = rulesFor(diagnostics);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'istio-designer',
            version: VERSION,
            informationUri: HOMEPAGE,
            rules,
          },
        },
        // Columns count UTF-16 code units (JavaScript string offsets), not SARIF's default code points.
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: index.get(d.code),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(d.file) },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  ...(d.endLine === undefined ? {} : { endLine: d.endLine }),
                  ...(d.endColumn === undefined ? {} : { endColumn: d.endColumn }),
                },
              },
              ...(d.resource
                ? { logicalLocations: [{ fullyQualifiedName: d.resource, kind: 'resource' }] }
                : {}),
            },
          ],
          ...(d.path || d.istio || d.kiali
            ? {
                properties: {
                  ...(d.path ? { path: d.path } : {}),
                  ...(d.istio ? { istio: d.istio } : {}),
                  ...(d.kiali ? { kiali: d.kiali } : {}),
                },
              }
            : {}),
        })),
      },
    ],
  };
}

/** Every check lint has (so a tool shows the whole rule set), then any other code reported. */
function rulesFor(diagnostics: readonly Diagnostic[]): SarifRule[] {
  const rules = [...CHECK_CODES].sort((a, b) => (a.code < b.code ? -1 : 1)).map(rule);
  const known = new Set(rules.map((r) => r.id));
  for (const d of diagnostics)
    if (!known.has(d.code)) {
      known.add(d.code);
      rules.push(
        rule({
          code: d.code,
          severities: [d.severity],
          istio: d.istio ? [d.istio] : [],
          kiali: d.kiali ? [d.kiali] : [],
        }),
      );
    }
  return rules;
}

function rule(check: CheckCode): SarifRule {
  const [istio, kiali] = [check.istio[0], check.kiali[0]];
  const href = codeLinks({
    code: check.code,
    ...(istio ? { istio } : {}),
    ...(kiali ? { kiali } : {}),
  }).find((link) => link.href)?.href;
  const upstream = [
    check.istio.length ? `istioctl analyze ${check.istio.join(', ')}` : '',
    check.kiali.length ? `Kiali ${check.kiali.join(', ')}` : '',
  ].filter(Boolean);
  return {
    id: check.code,
    shortDescription: {
      text: `${check.code}${upstream.length ? ` (${upstream.join('; ')})` : ''}`,
    },
    ...(href ? { helpUri: href } : {}),
    defaultConfiguration: { level: LEVEL[check.severities[0] ?? 'warning'] },
    properties: {
      istio: check.istio,
      kiali: check.kiali,
      tags: ['istio', ...check.istio, ...check.kiali],
    },
  };
}

/**
 * A file name as a SARIF artifact URI: a relative name stays relative (code scanning resolves it
 * from the checkout, where the command ran), each segment percent-encoded; an absolute one is a
 * `file:` URL.
 */
export function fileUri(file: string): string {
  const slashed = file.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:\//.test(slashed)) return pathToFileURL(file).href;
  return slashed.split('/').map(encodeURIComponent).join('/');
}
