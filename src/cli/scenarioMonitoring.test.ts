import { describe, expect, test } from 'vitest';
import { lint } from '../check/lint.ts';
import { loadWorkspace } from '../workspace/workspace.ts';
import { run } from './main.ts';

describe('scenario gateway-monitoring', () => {
  test('list names it with its title', () => {
    expect(run(['scenario', 'list']).stdout).toContain(
      'gateway-monitoring Gateway monitoring and alerts\n',
    );
  });

  test('--set p99=800 prints the monitor, the rules with that threshold and the dashboard', () => {
    const out = run(['scenario', 'gateway-monitoring', '--set', 'p99=800']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout.match(/^kind: \w+$/gm)).toEqual([
      'kind: PodMonitor',
      'kind: PrometheusRule',
      'kind: ConfigMap',
    ]);
    expect(out.stdout).toMatch(
      /alert: GatewayLatencyP99High\n\s+expr: histogram_quantile\(0\.99,.*> 800\n/,
    );
    expect(out.stdout).toContain('grafana_dashboard: "1"');
    const workspace = loadWorkspace([{ name: 'monitoring.yaml', text: out.stdout }]);
    expect(lint(workspace).filter((d) => d.severity !== 'info')).toEqual([]);
  });

  test('a P99 below the P95 is bad usage', () => {
    expect(
      run(['scenario', 'gateway-monitoring', '--set', 'p95=900', '--set', 'p99=800']),
    ).toMatchObject({
      code: 2,
      stderr: '--set p99: Must be at least the P95 latency\n',
    });
  });
});
