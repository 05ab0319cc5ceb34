import { replacedText } from '../../convert/applyConversion.ts';
import { convert } from '../../convert/convert.ts';
import type { Conversion, TargetApi } from '../../convert/types.ts';
import { type Verification, verify } from '../../convert/verify.ts';
import type { SimRequest } from '../../simulate/types.ts';
import { syntaxDiagnostics } from '../../workspace/diagnostics.ts';
import { entries, type Workspace } from '../../workspace/workspace.ts';

/** Kinds teams convert away from; `Gateway` alone is Istio's (the Gateway API's carries its group). */
const AWAY_FROM = new Set(['Ingress', 'Gateway', 'VirtualService']);

/** What the Convert dialog shows before anything is applied. */
export type ConversionPreview =
  | { readonly kind: 'syntax'; readonly errors: number }
  | { readonly kind: 'nothing' }
  | {
      readonly kind: 'ready';
      readonly conversion: Conversion;
      readonly verification: Verification;
      /** The documents that hold the converted resources, as the user wrote them. */
      readonly source: string;
      /** How many saved tests the comparison sent too. */
      readonly saved: number;
    };

/**
 * Converts the workspace and proves it by simulation (the rules' own requests plus the saved
 * tests), as `cli convert --verify` does. A workspace with syntax errors is not converted: what
 * did not parse would be silently left out. Plain data, so it can come from a worker: the
 * comparison of a 1,000-resource workspace takes seconds.
 */
export function previewConversion(
  workspace: Workspace,
  to: TargetApi,
  saved: readonly SimRequest[],
): ConversionPreview {
  const errors = syntaxDiagnostics(workspace).length;
  if (errors) return { kind: 'syntax', errors };
  const conversion = convert(workspace, to);
  if (conversion.replaced.length === 0) return { kind: 'nothing' };
  return {
    kind: 'ready',
    conversion,
    verification: verify(workspace, conversion, saved),
    source: replacedText(workspace, conversion),
    saved: saved.length,
  };
}

/** The API a workspace most likely moves to: away from Ingress and Istio's own API. */
export function suggestedTarget(workspace: Workspace): TargetApi {
  const away = entries(workspace).some((e) => AWAY_FROM.has(e.object.kind));
  return away ? 'gateway-api' : 'istio';
}
