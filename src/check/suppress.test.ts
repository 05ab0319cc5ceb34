import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { TestEditor } from '../testing/testEditor.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { lintReport } from './lint.ts';
import {
  friendlyName,
  globMatch,
  parseSuppression,
  suppressedBy,
  suppressionHint,
} from './suppress.ts';
import { atLeast, parseLevel } from './threshold.ts';

describe('parseSuppression (istioctl --suppress CODE=RESOURCE)', () => {
  test('reads a code and a resource pattern', () => {
    expect(parseSuppression('IST0102=Namespace frod')).toEqual({
      ok: true,
      suppression: { code: 'IST0102', resource: 'Namespace frod' },
    });
  });

  test.each(['IST0102', 'IST0102=a=b', '=Pod x', 'IST0102=', ''])('refuses %j', (text) => {
    const parsed = parseSuppression(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/is not CODE=RESOURCE/);
  });
});

describe('globMatch (the glob istioctl uses)', () => {
  test.each([
    ['Pod *', 'Pod testing/mypod', true],
    ['*', 'VirtualService web/shop', true],
    ['DestinationRule *.default', 'DestinationRule default/primary', false],
    ['DestinationRule default/*', 'DestinationRule default/primary', true],
    ['VirtualService */shop', 'VirtualService web/shop', true],
    ['VirtualService */shop', 'VirtualService web/shopping', false],
    ['Gateway istio-system/*-gw', 'Gateway istio-system/web-gw', true],
    ['a*b*c', 'abc', true],
    ['a*a', 'a', false],
    ['Namespace frod', 'Namespace frod', true],
    ['Namespace frod', 'Namespace frodo', false],
  ])('%j against %j: %s', (pattern, subject, expected) => {
    expect(globMatch(pattern, subject)).toBe(expected);
  });
});

describe('friendlyName', () => {
  test('Kind namespace/name, and Kind name for a cluster-scoped kind, as istioctl prints', () => {
    expect(friendlyName('VirtualService/web/shop')).toBe('VirtualService web/shop');
    expect(friendlyName('Namespace/default/frod')).toBe('Namespace frod');
    expect(friendlyName('Gateway.gateway.networking.k8s.io/web/gw')).toBe('Gateway web/gw');
  });
});

describe('suppressedBy', () => {
  const finding = {
    code: 'vs-destination-subset-not-found',
    istio: 'IST0101',
    kiali: 'KIA1107',
    resource: 'VirtualService/web/shop',
  };

  test('the annotation lists one of the codes, or *; split on commas without trimming', () => {
    expect(suppressedBy(finding, 'IST0101', [])).toBe('annotation');
    expect(suppressedBy(finding, 'IST0130,KIA1107', [])).toBe('annotation');
    expect(suppressedBy(finding, 'vs-destination-subset-not-found', [])).toBe('annotation');
    expect(suppressedBy(finding, '*', [])).toBe('annotation');
    expect(suppressedBy(finding, 'IST0130, IST0101', [])).toBeUndefined();
    expect(suppressedBy(finding, 'IST0130', [])).toBeUndefined();
  });

  test('a --suppress needs both the code and the resource pattern to match', () => {
    const flag = (code: string, resource: string) =>
      suppressedBy(finding, undefined, [{ code, resource }]);
    expect(flag('IST0101', 'VirtualService web/shop')).toBe('flag');
    expect(flag('KIA1107', 'VirtualService *')).toBe('flag');
    expect(flag('IST0101', '*')).toBe('flag');
    expect(flag('IST0102', '*')).toBeUndefined();
    expect(flag('IST0101', 'VirtualService shop.web')).toBeUndefined();
    expect(flag('IST0101', 'DestinationRule *')).toBeUndefined();
  });

  test('a finding about no resource (a syntax error) is never suppressed', () => {
    expect(
      suppressedBy({ code: 'yaml-syntax' }, '*', [{ code: 'yaml-syntax', resource: '*' }]),
    ).toBeUndefined();
  });
});

describe('suppressionHint', () => {
  test('says how to write a namespaced resource istioctl named name.namespace before 1.12', () => {
    expect(suppressionHint({ code: 'IST0103', resource: 'Pod mypod.testing' })).toMatch(
      /matches nothing.*"Pod testing\/mypod"/,
    );
    expect(suppressionHint({ code: 'IST0103', resource: 'Pod *' })).toBeUndefined();
    expect(suppressionHint({ code: 'IST0102', resource: 'Namespace frod' })).toBeUndefined();
    expect(suppressionHint({ code: 'IST0101', resource: 'Pod testing/mypod' })).toBeUndefined();
  });
});

describe('thresholds (Info < Warning < Error, named in any case)', () => {
  test('parse and compare', () => {
    expect(parseLevel('warning')).toBe('warning');
    expect(parseLevel('ERROR')).toBe('error');
    expect(parseLevel('Info')).toBe('info');
    expect(parseLevel('fatal')).toBeUndefined();
    expect(atLeast('error', 'warning')).toBe(true);
    expect(atLeast('warning', 'warning')).toBe(true);
    expect(atLeast('info', 'warning')).toBe(false);
  });
});

const SHOP = (annotation: string) => dedent`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata:
    name: shop
    namespace: web${annotation}
  spec:
    hosts: [shop.example.com]
    http:
    - route:
      - destination: {host: shop, subset: v9}
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: shop, namespace: web}
  spec:
    host: shop
    subsets:
    - {name: v1, labels: {version: v1}}
`;

describe('lintReport', () => {
  const subsetFinding = (d: { code: string }) => d.code === 'vs-destination-subset-not-found';

  test('reports a finding with a "Suppress" fix that writes the istioctl code on its resource', () => {
    const report = lintReport(loadWorkspace([{ name: 'shop.yaml', text: SHOP('') }]));
    const found = report.diagnostics.find(subsetFinding);
    expect(found?.suppress?.title).toMatch(/^Suppress IST0101 on VirtualService shop/);
    expect(found?.suppress?.command).toMatchObject({
      type: 'setValue',
      path: ['metadata', 'annotations', 'galley.istio.io/analyze-suppress'],
      value: 'IST0101',
    });
    expect(report.suppressed).toEqual([]);
  });

  test('the annotation on the resource moves its finding to suppressed', () => {
    const annotated = SHOP('\n    annotations:\n      galley.istio.io/analyze-suppress: IST0101');
    const report = lintReport(loadWorkspace([{ name: 'shop.yaml', text: annotated }]));
    expect(report.diagnostics.filter(subsetFinding)).toEqual([]);
    expect(report.suppressed.filter(subsetFinding)).toMatchObject([
      { suppressedBy: 'annotation', resource: 'VirtualService/web/shop', line: 12 },
    ]);
  });

  test('--suppress moves the findings it matches to suppressed', () => {
    const workspace = loadWorkspace([{ name: 'shop.yaml', text: SHOP('') }]);
    const report = lintReport(workspace, {
      suppress: [{ code: 'KIA1107', resource: 'VirtualService web/*' }],
    });
    expect(report.diagnostics.filter(subsetFinding)).toEqual([]);
    expect(report.suppressed.filter(subsetFinding)).toMatchObject([{ suppressedBy: 'flag' }]);
  });

  test('applying "Suppress" hides the finding in one undo step', () => {
    const editor = TestEditor.load(SHOP(''), 'shop.yaml');
    const fix = editor.findings().find(subsetFinding)?.suppress;
    if (!fix) throw new Error('no Suppress fix');
    editor.apply(fix.command);
    expect(editor.findings().filter(subsetFinding)).toEqual([]);
    editor.undo();
    expect(editor.yaml()).toBe(SHOP(''));
    expect(editor.findings().filter(subsetFinding)).toHaveLength(1);
  });
});
