import { describe, expect, it } from 'vitest';
import { requestPath } from './requestPath.ts';

const nodes = [
  { id: 'client', kind: 'client' as const },
  { id: 'gw', kind: 'gateway' as const },
  { id: 'vs1', kind: 'virtualService' as const },
  { id: 'vs1:r0', kind: 'route' as const, parent: 'vs1' },
  { id: 'vs1:r1', kind: 'route' as const, parent: 'vs1' },
  { id: 'vs2', kind: 'virtualService' as const },
  { id: 'svc1', kind: 'service' as const },
  { id: 'svc2', kind: 'service' as const },
  { id: 'pods1', kind: 'pods' as const },
];
const edges = [
  { source: 'client', target: 'gw' },
  { source: 'gw', target: 'vs1' },
  { source: 'gw', target: 'vs2' },
  { source: 'vs1', target: 'vs1:r0' },
  { source: 'vs1', target: 'vs1:r1' },
  { source: 'vs1:r0', target: 'svc1' },
  { source: 'vs1:r1', target: 'svc2' },
  { source: 'vs2', target: 'svc2' },
  { source: 'svc1', target: 'pods1' },
];

describe('requestPath', () => {
  it('is the first rule of the first VirtualService, what sends to it and what it sends to', () => {
    expect([...requestPath(nodes, edges, null).nodes].sort()).toEqual(
      ['client', 'gw', 'pods1', 'svc1', 'vs1', 'vs1:r0'].sort(),
    );
    // The view keeps the rule's VirtualService in sight: rules are rows, not boxes.
    expect(requestPath(nodes, edges, null).anchor).toBe('vs1');
  });

  it('follows the selection: a rule, or a VirtualService by its first rule', () => {
    expect(requestPath(nodes, edges, 'vs1:r1').nodes.has('svc2')).toBe(true);
    expect(requestPath(nodes, edges, 'vs1:r1').nodes.has('svc1')).toBe(false);
    expect(requestPath(nodes, edges, 'vs2').nodes.has('svc2')).toBe(true);
  });

  it('takes in everything that routes to a selected service', () => {
    const path = requestPath(nodes, edges, 'svc2').nodes;
    expect(path.has('vs1:r1') && path.has('vs2') && path.has('client')).toBe(true);
    expect(path.has('svc1')).toBe(false);
  });
});
