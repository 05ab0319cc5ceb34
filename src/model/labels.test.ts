import { expect, test } from 'vitest';
import { readLabelSelector } from './gatewayApi.ts';
import { formatLabelSelector } from './labels.ts';

test('a LabelSelector reads as kubectl prints it: by key, values sorted, Exists bare, DoesNotExist with !', () => {
  const selector = readLabelSelector({
    matchLabels: { istio: 'edge', app: 'gw' },
    matchExpressions: [
      { key: 'zone', operator: 'NotIn', values: ['b', 'a'] },
      { key: 'tier', operator: 'In', values: ['edge'] },
      { key: 'canary', operator: 'DoesNotExist' },
      { key: 'release', operator: 'Exists' },
    ],
  });
  expect(formatLabelSelector(selector)).toBe(
    'app=gw,!canary,istio=edge,release,tier in (edge),zone notin (a,b)',
  );
});

test('no selector and an empty one print nothing', () => {
  expect(formatLabelSelector(undefined)).toBe('');
  expect(formatLabelSelector(readLabelSelector({}))).toBe('');
});
