import type { Diagnostic } from '../workspace/diagnostics.ts';

export interface CodeLink {
  readonly code: string;
  /** The upstream page that explains the code; absent for the project's own codes. */
  readonly href?: string;
  readonly title: string;
}

/**
 * The codes a diagnostic carries, linked to the page that explains each: istio.io's analysis
 * message reference for `IST` codes, Kiali's validation list for `KIA` codes. The project's own
 * code is shown unlinked when there is no upstream one. Links open only when clicked, so the
 * app itself still requests nothing off its origin.
 */
export function codeLinks(d: Pick<Diagnostic, 'code' | 'istio' | 'kiali'>): CodeLink[] {
  const links: CodeLink[] = [];
  if (d.istio)
    links.push({
      code: d.istio,
      href: `https://istio.io/latest/docs/reference/config/analysis/${d.istio.toLowerCase()}/`,
      title: `istioctl analyze ${d.istio} (${d.code})`,
    });
  if (d.kiali)
    links.push({
      code: d.kiali,
      href: `https://kiali.io/docs/features/validations/#${d.kiali.toLowerCase()}`,
      title: `Kiali validation ${d.kiali} (${d.code})`,
    });
  if (links.length === 0) links.push({ code: d.code, title: 'Istio Designer check' });
  return links;
}
