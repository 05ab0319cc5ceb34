import { describe, expect, test } from 'vitest';
import { dedent } from '../testing/dedent.ts';
import { loadWorkspace, type SourceText } from '../workspace/workspace.ts';
import { diffText } from './diffText.ts';
import { diffWorkspaces, isEmptyDiff } from './diffWorkspaces.ts';
import { canary, canaryYaml } from './testDesigns.ts';
import { trafficLine } from './trafficText.ts';

const ws = (files: readonly SourceText[]) => loadWorkspace(files);
const diff = (a: readonly SourceText[], b: readonly SourceText[]) => diffWorkspaces(ws(a), ws(b));

describe('diffWorkspaces', () => {
  test('a changed weight is the weight paths and a traffic change with old and new shares', () => {
    const d = diff(canary(80, 20), canary(60, 40));
    expect(d.resources).toEqual([
      {
        resource: 'VirtualService/default/myapp',
        change: 'changed',
        paths: ['spec.http[0].route[0].weight', 'spec.http[0].route[1].weight'],
      },
    ]);
    const lines = d.traffic.map(trafficLine);
    expect(lines).toContain('GET myapp.example.com/myapp: v1 80% → 60%, v2 20% → 40%');
    // Outside the rule's match nothing changes: it is a 404 on both sides.
    expect(lines.some((l) => l.includes('→ 404') || l.startsWith('GET myapp.example.com/ '))).toBe(
      false,
    );
    expect(d.traffic[0]?.before.destinations.map((x) => x.weight)).toEqual([80, 20]);
    expect(d.traffic[0]?.after.destinations.map((x) => x.weight)).toEqual([60, 40]);
    expect(d.findings).toEqual({ added: [], removed: [] });
  });

  test('re-indenting, reordering keys, quoting and comments change nothing', () => {
    const original = canaryYaml(80, 20);
    const reformatted = original
      .replace('# Istio Designer example', '# reviewed by ops\n# Istio Designer example')
      .replace(
        'kind: VirtualService\nmetadata:\n  name: myapp\n  namespace: default\n',
        'metadata:\n  namespace: "default"   # where the app lives\n  name: \'myapp\'\nkind: VirtualService\n',
      )
      .replace(
        /^ {2}- name: v1\n {4}labels:\n {6}version: v1\n/m,
        '  - labels: {version: v1}\n    name: v1\n',
      )
      .replace('      weight: 80\n', '      weight: 80 # most traffic\n');
    expect(reformatted).not.toBe(original);
    const d = diff(
      [{ name: 'myapp.yaml', text: original }],
      [{ name: 'other.yaml', text: reformatted }],
    );
    expect(d.resources).toEqual([]);
    expect(d.traffic).toEqual([]);
    expect(isEmptyDiff(d)).toBe(true);
    expect(diffText(d)).toBe('No differences\n');
  });

  test('what a cluster adds (status, resourceVersion, managedFields) is no change', () => {
    const dumped = canaryYaml(80, 20).replace(
      'kind: VirtualService\nmetadata:\n',
      'kind: VirtualService\nmetadata:\n  resourceVersion: "4711"\n  uid: 9b1c\n  managedFields:\n  - manager: kubectl\n',
    );
    const d = diff(canary(80, 20), [{ name: 'dump.yaml', text: `${dumped}\nstatus: {}\n` }]);
    expect(d.resources).toEqual([]);
    expect(isEmptyDiff(d)).toBe(true);
  });

  test('added and removed resources are named by identity', () => {
    const extra = dedent(`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: edge
        namespace: web
      spec:
        gatewayClassName: istio
        listeners:
        - name: http
          port: 80
          protocol: HTTP
    `);
    const withoutBudget = canaryYaml(80, 20).replace(/---\napiVersion: policy\/v1[\s\S]*$/, '');
    const d = diff(canary(80, 20), [
      { name: 'myapp.yaml', text: withoutBudget },
      { name: 'edge.yaml', text: extra },
    ]);
    expect(d.resources).toEqual([
      { resource: 'Gateway.gateway.networking.k8s.io/web/edge', change: 'added', paths: [] },
      {
        resource: 'PodDisruptionBudget/istio-system/istio-ingressgateway',
        change: 'removed',
        paths: [],
      },
    ]);
    expect(diffText(d)).toContain('removed PodDisruptionBudget/istio-system/istio-ingressgateway');
  });

  test('a removed rule: its requests now get 404, and the rule list is the changed path', () => {
    const d = diff(canary(80, 20, { legacy: true }), canary(80, 20));
    // Rules are matched by name: the one taken out is the change, not each rule after it.
    expect(d.resources).toEqual([
      {
        resource: 'VirtualService/default/myapp',
        change: 'changed',
        paths: ['spec.http[0] (removed)'],
      },
    ]);
    const lines = d.traffic.map(trafficLine);
    expect(lines).toContain('GET myapp.example.com/legacy: route → 404');
    // /myapp goes where it went: the split rule only moved up a place.
    expect(lines.filter((l) => l.startsWith('GET myapp.example.com/myapp'))).toEqual([]);
  });

  test('a finding that appears, and one that goes away', () => {
    const broken = canaryYaml(80, 20).replace('subset: v2', 'subset: v3');
    const d = diff(canary(80, 20), [{ name: 'myapp.yaml', text: broken }]);
    expect(d.findings.added.length).toBeGreaterThan(0);
    expect(d.findings.added.every((f) => f.resource === 'VirtualService/default/myapp')).toBe(true);
    expect(d.findings.removed).toEqual([]);
    const back = diffWorkspaces(ws([{ name: 'myapp.yaml', text: broken }]), ws(canary(80, 20)));
    expect(back.findings.removed.map((f) => f.code)).toEqual(d.findings.added.map((f) => f.code));
    // A subset with no pods: its share now fails, which is a traffic change too.
    expect(d.traffic.map(trafficLine).join('\n')).toContain('myapp.example.com/myapp');
  });

  test('unnamed list items: the one taken out is the change; reordered named rules say so', () => {
    const unnamed = (hosts: string) =>
      canaryYaml(80, 20).replace(
        '  hosts:\n  - myapp.example.com\n  gateways',
        `  hosts:\n${hosts}  gateways`,
      );
    const d = diff(
      [{ name: 'a.yaml', text: unnamed('  - a.example.com\n  - myapp.example.com\n') }],
      [{ name: 'a.yaml', text: unnamed('  - myapp.example.com\n') }],
    );
    expect(d.resources.map((r) => r.paths)).toEqual([['spec.hosts[0] (removed)']]);
    const timeout = canaryYaml(80, 20).replace(
      '  - name: myapp\n',
      '  - name: myapp\n    timeout: 5s\n',
    );
    expect(diff(canary(80, 20), [{ name: 'a.yaml', text: timeout }]).resources[0]?.paths).toEqual([
      'spec.http[0].timeout (added)',
    ]);
    const swapped = canaryYaml(80, 20, { legacy: true }).replace(
      /( {2}- name: legacy\n[\s\S]*?)( {2}- name: myapp\n[\s\S]*?)(---)/,
      '$2$1$3',
    );
    const moved = diff(canary(80, 20, { legacy: true }), [{ name: 'myapp.yaml', text: swapped }]);
    expect(moved.resources.map((r) => r.paths)).toEqual([['spec.http (order)']]);
  });

  test('saved test requests are compared too', () => {
    const d = diffWorkspaces(ws(canary(80, 20)), ws(canary(60, 40)), {
      tests: [{ url: 'http://myapp.example.com/myapp/cart?id=3', headers: { 'x-user': 'ann' } }],
    });
    expect(d.traffic.map(trafficLine)).toContain(
      'GET myapp.example.com/myapp/cart?id=3 with x-user: ann: v1 80% → 60%, v2 20% → 40%',
    );
  });

  test('the text reads like a review comment, in three sections', () => {
    const text = diffText(diff(canary(80, 20), canary(60, 40)));
    expect(text).toMatch(
      /^Resources:\n {2}changed VirtualService\/default\/myapp: spec\.http\[0\]\.route\[0\]\.weight, spec\.http\[0\]\.route\[1\]\.weight\n\nTraffic:\n/,
    );
    expect(text).toContain('  GET myapp.example.com/myapp: v1 80% → 60%, v2 20% → 40%\n');
    expect(text).toMatch(/\nFindings:\n {2}none\n$/);
  });
});
