import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingress, nginx, rule } from '../testing/ingressSimulations.ts';
import { run } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'istio-designer-cli-ingress-'));
const FILE = join(dir, 'shop.yaml');
writeFileSync(
  FILE,
  ingress([rule('shop.example.com', [['/api(/|$)(.*)', 'ImplementationSpecific', 'api', 8080]])], {
    annotations: { [nginx('rewrite-target')]: '/$2' },
  }),
);

describe('CLI simulate on an Ingress file (CONTRACT 1, 4)', () => {
  test('prints the Ingress and its rule in the contract order, and the request as rewritten', () => {
    const out = run(['simulate', FILE, '--url', 'http://shop.example.com/api/orders']);
    expect(out.code).toBe(0);
    const sim = JSON.parse(out.stdout);
    expect(Object.keys(sim).slice(0, 7)).toEqual([
      'outcome',
      'status',
      'gateway',
      'server',
      'virtualService',
      'ingress',
      'rule',
    ]);
    expect(sim.ingress).toBe('Ingress/web/shop');
    expect(sim.rule).toEqual({ index: 0, name: null, section: 'rules' });
    expect(sim.request.path).toBe('/orders');
    expect(sim.destinations).toMatchObject([{ host: 'api.web.svc.cluster.local', port: 8080 }]);
  });

  test('--format text answers in one line with a 404 when no path matches', () => {
    const out = run(['simulate', FILE, '--url', 'http://shop.example.com/web', '--format', 'text']);
    expect(out.stdout.split('\n')[0]).toBe(
      '404 from the Ingress controller: no Ingress path matches',
    );
  });
});
