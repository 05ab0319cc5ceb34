import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWorkspace } from '../workspace/workspace.ts';
import { CHECK_CODES, checkListText, isKnownCode } from './catalog.ts';
import { lint } from './lint.ts';

const CHECK_DIR = join(import.meta.dirname);
const CORPUS = join(import.meta.dirname, '../../../shared/corpus/analyzers');

/** The kebab-case literals of the checks' sources that look like codes (their prefixes). */
function codesInSources(): Set<string> {
  const found = new Set<string>();
  const files = readdirSync(CHECK_DIR, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('fixtures'),
  );
  const code =
    /'((?:vs|dr|gateway|gwapi|ingress|destinationrule|envoyfilter|service|deployment|readiness|monitoring)-[a-z0-9-]+|schema-invalid|deprecated-field)'/g;
  for (const file of files)
    for (const match of readFileSync(join(CHECK_DIR, file), 'utf8').matchAll(code))
      found.add(match[1] as string);
  found.delete('gateway-error'); // a retryOn value, not a code
  // Scenario ids the readiness checks build their fixes from, not codes.
  for (const scenario of ['gateway-scaling', 'gateway-monitoring']) found.delete(scenario);
  // structure/httpRoute.ts composes these: `vs-${action}-with-${other}`.
  for (const action of ['redirect', 'direct-response'])
    for (const other of ['route', 'fault', 'rewrite', 'direct-response'])
      if (action !== other) found.add(`vs-${action}-with-${other}`);
  return found;
}

describe('the check catalog (lint --list-checks)', () => {
  test('lists every code the checks write, and no code they do not', () => {
    const listed = new Set(CHECK_CODES.map((c) => c.code));
    const written = codesInSources();
    expect([...written].filter((c) => !listed.has(c))).toEqual([]);
    expect([...listed].filter((c) => !written.has(c))).toEqual([]);
  });

  test.skipIf(!existsSync(CORPUS))(
    "what lint reports on istioctl's analyzer cases carries the catalog's severity and codes",
    () => {
      let seen = 0;
      for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.yaml'))) {
        const text = readFileSync(join(CORPUS, name), 'utf8');
        for (const d of lint(loadWorkspace([{ name, text }]), { complete: true })) {
          const entry = CHECK_CODES.find((c) => c.code === d.code);
          if (d.code === 'yaml-syntax' || !d.resource) continue;
          seen += 1;
          expect(entry, d.code).toBeDefined();
          expect(entry?.severities, d.code).toContain(d.severity);
          if (d.istio) expect(entry?.istio, d.code).toContain(d.istio);
          else expect(entry?.istio, d.code).toEqual([]);
          // A Kiali code comes with some of a code's findings only (Kiali checks less).
          if (d.kiali) expect(entry?.kiali, d.code).toContain(d.kiali);
        }
      }
      expect(seen).toBeGreaterThan(20);
    },
  );

  test('prints one line per code, sorted, with severity, IST and KIA codes', () => {
    const lines = checkListText().trimEnd().split('\n');
    expect(lines).toHaveLength(CHECK_CODES.length);
    const codes = lines.map((line) => line.split(/\s+/)[0] as string);
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b)));
    expect(
      lines.find((l) => l.startsWith('vs-destination-subset-not-found '))?.split(/\s+/),
    ).toEqual(['vs-destination-subset-not-found', 'error', 'IST0101', 'KIA1107']);
    expect(lines.find((l) => l.startsWith('vs-rewrite-double-slash '))?.split(/\s+/)).toEqual([
      'vs-rewrite-double-slash',
      'warning',
      '-',
      '-',
    ]);
  });

  test('knows own, IST and KIA codes', () => {
    expect(isKnownCode('vs-gateway-not-found')).toBe(true);
    expect(isKnownCode('IST0101')).toBe(true);
    expect(isKnownCode('KIA1107')).toBe(true);
    expect(isKnownCode('IST9999')).toBe(false);
  });
});
