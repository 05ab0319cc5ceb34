import { describe, expect, it } from 'vitest';
import { requestPath } from './requestPath.ts';

const nodes = [
  { id: 'client', kind: 'client' as const },
  { id: 'gw', kind: 'gateway' as const },
  { id: 'vs1', kind: 'virtualService' as const },
  { id: 'vs1:r0', kind: 'route' as const, parent: 'vs1' },
  { id: 'vs2', kind: 'virtualService' as const },
  { id: 'svc1', kind: 'service' as const },
  { id: 'svc2', kind: 'service' as const },
  { id: 'pods1', kind: 'pods' as const },
];
const edges = [
  { source: 'client', target: 'gw' },
  { source: 'gw', target: 'vs1' },
  { source: 'gw', target: 'vs2' },
  { source: 'vs1', target: 'svc1' },
  { source: 'vs2', target: 'svc2' },
  { source: 'svc1', target: 'pods1' },
];

describe('requestPath', () => {
  it('is the first VirtualService with what sends to it and what it sends to', () => {
    expect([...requestPath(nodes, edges, null)].sort()).toEqual(
      ['client', 'gw', 'pods1', 'svc1', 'vs1'].sort(),
    );
  });

  it('follows the selection; a selected rule stands for its VirtualService', () => {
    expect(requestPath(nodes, edges, 'vs2').has('svc2')).toBe(true);
    expect(requestPath(nodes, edges, 'vs2').has('svc1')).toBe(false);
    expect(requestPath(nodes, edges, 'vs1:r0').has('pods1')).toBe(true);
  });
});
