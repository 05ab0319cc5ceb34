import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lint } from '../check/lint.ts';
import { SCENARIOS } from '../templates/scenarios.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { run } from './main.ts';

describe('scenario', () => {
  test('list: one line per scenario, its id and title', () => {
    const out = run(['scenario', 'list']);
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').filter(Boolean)).toEqual(
      SCENARIOS.map((s) => `${s.id} ${s.title}`),
    );
  });

  test('--set api=gateway-api prints the canary as a Gateway API design that lints clean', () => {
    const out = run(['scenario', 'canary', '--set', 'api=gateway-api', '--set', 'percent=20']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain('kind: HTTPRoute');
    expect(out.stdout).toMatch(/name: shop-v1\n\s+port: 80\n\s+weight: 80/);
    expect(out.stdout).not.toContain('VirtualService');
    const workspace = loadWorkspace([{ name: 'canary.yaml', text: out.stdout }]);
    expect(lint(workspace).filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('without api the Istio API, as before', () => {
    const out = run(['scenario', 'canary', '--set=name=cart']);
    expect(out.stdout).toContain('kind: VirtualService');
    expect(out.stdout).toContain('name: cart');
  });

  test('bad usage: an unknown scenario, key or value exits 2 and says what is expected', () => {
    expect(run(['scenario', 'nope'])).toMatchObject({
      code: 2,
      stderr: 'unknown scenario nope; try scenario list\n',
    });
    expect(run(['scenario', 'canary', '--set', 'api=gateway'])).toMatchObject({
      code: 2,
      stderr: '--set api: Choose one of istio, gateway-api\n',
    });
    expect(run(['scenario', 'fault-drill', '--set', 'api=gateway-api']).stderr).toMatch(
      /^--set api: fault-drill takes name, /,
    );
    expect(run(['lint', 'x.yaml', '--set', 'a=b'])).toMatchObject({
      code: 2,
      stderr: '--set: only scenario takes this option\n',
    });
  });

  test('with files, a name they already use is refused with exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'istio-designer-scenario-'));
    const first = run(['scenario', 'basic', '--set', 'api=gateway-api']).stdout;
    const path = join(dir, 'shop.yaml');
    writeFileSync(path, first);
    expect(run(['scenario', 'canary', '--set', 'api=gateway-api', path])).toEqual({
      stdout: '',
      stderr: 'Gateway default/shop-gateway already exists: choose another name\n',
      code: 1,
    });
  });
});
