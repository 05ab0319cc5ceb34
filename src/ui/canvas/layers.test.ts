import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../../graph/types.ts';
import { assignLayers } from './layers.ts';

const n = (id: string, kind: NodeKind) => ({ id, kind });
const e = (source: string, target: string) => ({ source, target });

describe('assignLayers', () => {
  it('keeps the request path order even where edges skip a kind', () => {
    const layers = assignLayers(
      [
        n('gw', 'gateway'),
        n('vs', 'virtualService'),
        n('svc', 'service'),
        n('v1', 'subset'),
        n('p', 'pods'),
      ],
      // The route names the subset: nothing points at the service.
      [e('gw', 'vs'), e('vs', 'v1'), e('svc', 'v1'), e('v1', 'p')],
    );
    expect(Object.fromEntries(layers)).toEqual({ gw: 3, vs: 4, svc: 5, v1: 6, p: 7 });
  });

  it('puts a delegate VirtualService after the one delegating, and its targets after it', () => {
    const layers = assignLayers(
      [n('root', 'virtualService'), n('child', 'virtualService'), n('svc', 'service')],
      [e('root', 'child'), e('child', 'svc')],
    );
    expect(Object.fromEntries(layers)).toEqual({ root: 4, child: 5, svc: 6 });
  });

  it('survives a delegation loop', () => {
    const layers = assignLayers(
      [n('gw', 'gateway'), n('a', 'virtualService'), n('b', 'virtualService')],
      [e('gw', 'a'), e('a', 'b'), e('b', 'a')],
    );
    expect(layers.get('a')).toBe(4);
    expect(layers.get('b')).toBe(4);
  });
});
