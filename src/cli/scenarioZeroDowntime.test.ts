import { describe, expect, test } from 'vitest';
import { lint } from '../check/lint.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { run } from './main.ts';

describe('scenario zero-downtime', () => {
  test('--set drainSeconds=30 prints the budget and a Deployment whose grace outlasts the drain', () => {
    const out = run(['scenario', 'zero-downtime', '--set', 'drainSeconds=30']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout.match(/^kind: .*/gm)).toEqual([
      'kind: PodDisruptionBudget',
      'kind: Deployment',
    ]);
    expect(out.stdout).toContain('terminationDrainDuration: 30s');
    expect(out.stdout).toContain('terminationGracePeriodSeconds: 35');
    expect(out.stdout).toMatch(/maxSurge: 1\n\s+maxUnavailable: 0\n/);
    const workspace = loadWorkspace([{ name: 'rollout.yaml', text: out.stdout }]);
    expect(lint(workspace).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  test('a surge of 0 exits 2 and says why', () => {
    expect(run(['scenario', 'zero-downtime', '--set', 'maxSurge=0'])).toMatchObject({
      code: 2,
      stderr:
        '--set maxSurge: At least 1 (or 1%): with maxUnavailable 0, a surge of 0 could replace no pod\n',
    });
  });
});
