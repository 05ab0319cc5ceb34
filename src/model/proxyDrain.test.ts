import { describe, expect, test } from 'vitest';
import {
  terminationDrainSeconds,
  withoutTerminationDrain,
  withTerminationDrain,
} from './proxyDrain.ts';

describe('the drain a pod asks Istio for', () => {
  test('is read from the ProxyConfig YAML in whole seconds, rounded up', () => {
    expect(terminationDrainSeconds('terminationDrainDuration: 30s\n')).toBe(30);
    expect(terminationDrainSeconds('concurrency: 2\nterminationDrainDuration: 1m30s')).toBe(90);
    expect(terminationDrainSeconds('{"terminationDrainDuration": "1500ms"}')).toBe(2);
  });

  test('is unset when the annotation is absent, has no drain, or is not a map: readers never throw', () => {
    expect(terminationDrainSeconds(undefined)).toBeUndefined();
    expect(terminationDrainSeconds('concurrency: 2')).toBeUndefined();
    expect(terminationDrainSeconds('terminationDrainDuration: soon')).toBeUndefined();
    expect(terminationDrainSeconds('[a, b')).toBeUndefined();
    expect(terminationDrainSeconds(42)).toBeUndefined();
  });

  test('is written into the annotation keeping its other settings', () => {
    expect(withTerminationDrain(undefined, 20)).toBe('terminationDrainDuration: 20s\n');
    expect(withTerminationDrain('concurrency: 2', 20)).toBe(
      'concurrency: 2\nterminationDrainDuration: 20s\n',
    );
    expect(withTerminationDrain('terminationDrainDuration: 1m # long\nconcurrency: 2\n', 45)).toBe(
      'terminationDrainDuration: 45s # long\nconcurrency: 2\n',
    );
    expect(withTerminationDrain('{"concurrency": 2}', 10)).toBe(
      '{"concurrency":2,"terminationDrainDuration":"10s"}',
    );
    expect(withTerminationDrain('- not a map', 10)).toBeUndefined();
  });

  test('is taken out of the annotation, which goes when nothing else is left', () => {
    expect(withoutTerminationDrain('terminationDrainDuration: 20s\n')).toBeUndefined();
    expect(withoutTerminationDrain('concurrency: 2\nterminationDrainDuration: 20s\n')).toBe(
      'concurrency: 2\n',
    );
    expect(withoutTerminationDrain('{"concurrency":2,"terminationDrainDuration":"5s"}')).toBe(
      '{"concurrency":2}',
    );
  });
});
