import { parse } from 'yaml';
import { parseGoDuration } from '../rules/goDuration.ts';
import { isRecord } from './read.ts';

/**
 * How long an Istio proxy drains before it stops, as a pod asks for it: the
 * `proxy.istio.io/config` annotation holds ProxyConfig as YAML (pilot-agent reads it with
 * `mesh.ApplyProxyConfig`), and its `terminationDrainDuration` is how long istio-agent lets
 * Envoy finish its connections after SIGTERM before it stops Envoy (5s when unset). The pod's
 * `terminationGracePeriodSeconds` must outlast it, or the kubelet kills the proxy mid-drain.
 */

export const PROXY_CONFIG_ANNOTATION = 'proxy.istio.io/config';

/** Istio's drain when the annotation sets none (ProxyConfig's documented default). */
export const DEFAULT_TERMINATION_DRAIN_SECONDS = 5;

/** Kubernetes' grace period when a pod sets none. */
export const DEFAULT_GRACE_PERIOD_SECONDS = 30;

const DRAIN_KEY = 'terminationDrainDuration';

/**
 * The grace period a drain of `seconds` needs: istio-agent stops Envoy when the drain ends, and
 * the kubelet must not kill the pod before that (a few seconds for Envoy to exit).
 */
export function gracePeriodFor(seconds: number): number {
  return seconds + 5;
}

/** The annotation's ProxyConfig as a map, or undefined when it is absent or not a YAML map. */
function proxyConfig(annotation: unknown): Record<string, unknown> | undefined {
  if (typeof annotation !== 'string') return undefined;
  try {
    const value: unknown = parse(annotation);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The drain the annotation asks for, in whole seconds (rounded up); undefined when unset. */
export function terminationDrainSeconds(annotation: unknown): number | undefined {
  const written = proxyConfig(annotation)?.[DRAIN_KEY];
  if (typeof written !== 'string') return undefined;
  const parsed = parseGoDuration(written);
  if ('error' in parsed || parsed.ns < 0n) return undefined;
  return Math.ceil(Number(parsed.ns) / 1e9);
}

/**
 * The annotation's text with the drain set to `seconds`, everything else kept: the drain line
 * is replaced or added to block YAML; a flow map (`{...}`, JSON) is written again as JSON.
 * Undefined when the text is not a ProxyConfig map, which is left to the user to mend.
 */
export function withTerminationDrain(annotation: unknown, seconds: number): string | undefined {
  const duration = `${seconds}s`;
  if (annotation === undefined || (typeof annotation === 'string' && annotation.trim() === ''))
    return `${DRAIN_KEY}: ${duration}\n`;
  const config = proxyConfig(annotation);
  if (!config || typeof annotation !== 'string') return undefined;
  if (annotation.trim().startsWith('{'))
    return JSON.stringify({ ...config, [DRAIN_KEY]: duration });
  // The value is replaced; a comment after it stays.
  const line = new RegExp(`^(\\s*${DRAIN_KEY}\\s*:)[^#\\n]*?(\\s+#.*)?$`, 'm');
  if (line.test(annotation)) return annotation.replace(line, `$1 ${duration}$2`);
  return `${annotation.endsWith('\n') ? annotation : `${annotation}\n`}${DRAIN_KEY}: ${duration}\n`;
}

/**
 * The annotation's text without the drain (Istio's default applies again); undefined when
 * nothing else is left in it, so the annotation itself goes.
 */
export function withoutTerminationDrain(annotation: unknown): string | undefined {
  const config = proxyConfig(annotation);
  if (!config || typeof annotation !== 'string') return undefined;
  const { [DRAIN_KEY]: _drain, ...rest } = config;
  if (Object.keys(rest).length === 0) return undefined;
  if (annotation.trim().startsWith('{')) return JSON.stringify(rest);
  return annotation.replace(new RegExp(`^\\s*${DRAIN_KEY}\\s*:.*(?:\\n|$)`, 'm'), '');
}
