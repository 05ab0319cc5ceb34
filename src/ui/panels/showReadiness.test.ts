import { describe, expect, it } from 'vitest';
import { createDesignerStore } from '../../store/designerStore.ts';
import { EXAMPLE } from '../../workspace/example.ts';
import { showReadiness, takeReadinessFocus } from './showReadiness.ts';

const GATEWAY_PODS = 'gatewayWorkload:implied:istio-system/istio-ingressgateway';

describe('"Gateway readiness…" from the palette', () => {
  it('selects the gateway pods, shows the Inspector and asks for the checklist to take the keyboard', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    showReadiness(store);
    expect(store.getState().selection).toBe(GATEWAY_PODS);
    expect(store.getState().panel).toBe('Inspector');
    expect(takeReadinessFocus()).toBe(true);
    // Once: a later selection does not steal the keyboard again.
    expect(takeReadinessFocus()).toBe(false);
  });

  it('keeps a selection that belongs to a gateway (its autoscaler)', () => {
    const store = createDesignerStore({ files: EXAMPLE });
    const hpa = 'autoscaler:HorizontalPodAutoscaler/istio-system/istio-ingressgateway';
    store.getState().select(hpa);
    showReadiness(store);
    expect(store.getState().selection).toBe(hpa);
    expect(takeReadinessFocus()).toBe(true);
  });

  it('says there is nothing to check in a workspace without a gateway', () => {
    const store = createDesignerStore({ files: [] });
    showReadiness(store);
    expect(store.getState().selection).toBeNull();
    expect(store.getState().notice?.text).toMatch(/No gateway/);
    expect(takeReadinessFocus()).toBe(false);
  });
});
