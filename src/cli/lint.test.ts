import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { run } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'istio-designer-lint-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** An unknown subset (error IST0101) and a rule no request can reach (warning IST0130). */
const SHOP = file(
  'shop.yaml',
  dedent`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata:
      name: shop
      namespace: web
    spec:
      hosts: [shop.web.svc.cluster.local]
      http:
      - route:
        - destination: {host: shop, subset: v9}
      - name: never
        route:
        - destination: {host: shop}
    ---
    apiVersion: networking.istio.io/v1
    kind: DestinationRule
    metadata: {name: shop, namespace: web}
    spec:
      host: shop
      subsets:
      - {name: v1, labels: {version: v1}}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: shop, namespace: web}
    spec:
      ports: [{name: http, port: 80}]
  `,
);

interface Row {
  code: string;
  severity: string;
  istio?: string;
}

function lintJson(...args: string[]) {
  const out = run(['lint', ...args, SHOP]);
  const rows = out.stdout ? (JSON.parse(out.stdout) as Row[]) : [];
  // The subset's missing pods are info (the file holds no Deployments): left out of `istio`.
  return { ...out, rows, istio: rows.filter((r) => r.severity !== 'info').map((r) => r.istio) };
}

describe('lint --suppress', () => {
  test('the findings reported without suppression', () => {
    const { istio, code } = lintJson();
    expect(istio).toEqual(['IST0101', 'IST0130']);
    expect(code).toBe(1);
  });

  test('CODE=Kind namespace/name hides that code on that resource; stderr counts it', () => {
    const out = lintJson('--suppress', 'IST0101=VirtualService web/shop');
    expect(out.istio).toEqual(['IST0130']);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('lint: 1 finding suppressed (1 by --suppress)\n');
  });

  test('wildcards, own and Kiali codes, -S and --suppress=, repeated', () => {
    expect(lintJson('-S', 'KIA1107=VirtualService *').istio).toEqual(['IST0130']);
    const both = lintJson(
      '--suppress=vs-unreachable-rule=*',
      '-S',
      'IST0101=VirtualService */shop',
    );
    expect(both.istio).toEqual([]);
    expect(both.stderr).toMatch(/2 findings suppressed/);
  });

  test('bad syntax is bad usage: exit 2 and what to write', () => {
    for (const value of ['IST0101', 'IST0101=a=b', '=VirtualService web/shop']) {
      const out = run(['lint', '--suppress', value, SHOP]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/is not CODE=RESOURCE \(e\.g\. --suppress "IST0101=/);
    }
  });

  test('an unknown code and the old name.namespace form are warned about, as istioctl warns', () => {
    const out = lintJson('-S', 'IST9999=*', '-S', 'IST0101=VirtualService shop.web');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/IST9999 is not a code lint reports/);
    expect(out.stderr).toMatch(/try "VirtualService web\/shop"/);
  });

  test('the galley.istio.io/analyze-suppress annotation is honoured', () => {
    const annotated = file(
      'annotated.yaml',
      dedent`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: shop
          namespace: web
          annotations:
            galley.istio.io/analyze-suppress: "IST0101,IST0130"
        spec:
          hosts: [shop.web.svc.cluster.local]
          http:
          - route:
            - destination: {host: shop, subset: v9}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: shop, namespace: web}
        spec:
          ports: [{name: http, port: 80}]
      `,
    );
    const out = run(['lint', annotated]);
    expect(JSON.parse(out.stdout)).toEqual([]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('lint: 1 finding suppressed (1 by annotation)\n');
  });

  test('is an option of lint only', () => {
    expect(run(['graph', '-S', 'IST0101=*', SHOP])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--suppress: only lint takes this option/),
    });
  });
});

describe('lint --failure-threshold / --output-threshold', () => {
  test('failing at Warning: a warning alone exits 1', () => {
    const args = ['-S', 'IST0101=*'];
    expect(lintJson(...args).code).toBe(0);
    expect(lintJson(...args, '--failure-threshold', 'Warning').code).toBe(1);
    expect(lintJson(...args, '--failure-threshold=warning').code).toBe(1);
  });

  test('the output threshold hides lower findings but the exit code still counts them', () => {
    const out = lintJson(
      '--output-threshold',
      'Error',
      '--failure-threshold',
      'Warning',
      '-S',
      'IST0101=*',
    );
    expect(out.rows).toEqual([]);
    expect(out.code).toBe(1);
    expect(lintJson('--output-threshold', 'ERROR').rows.map((r) => r.severity)).toEqual(['error']);
  });

  test('a level that is not Info, Warning or Error is bad usage', () => {
    expect(run(['lint', '--failure-threshold', 'fatal', SHOP])).toMatchObject({
      code: 2,
      stderr: '--failure-threshold must be one of Info, Warning, Error, not "fatal"\n',
    });
  });
});

describe('lint --list-checks', () => {
  test('prints one line per code: code, severity, IST, KIA; exit 0', () => {
    const out = run(['lint', '--list-checks']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.find((l) => l.startsWith('vs-gateway-not-found '))?.split(/\s+/)).toEqual([
      'vs-gateway-not-found',
      'error',
      'IST0101',
      'KIA1102',
    ]);
  });
});

describe('the real command line', () => {
  test('npm run cli -- lint --suppress exits 0 once the only error is suppressed', () => {
    const cli = join(import.meta.dirname, '../../scripts/cli.mjs');
    const stdout = execFileSync(
      process.execPath,
      [cli, 'lint', '--format', 'text', '-S', 'IST0101=VirtualService web/shop', SHOP],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(stdout).toMatch(/warning vs-unreachable-rule IST0130/);
    expect(stdout).not.toMatch(/IST0101/);
  }, 60_000);
});
