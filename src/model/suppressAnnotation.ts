/**
 * `galley.istio.io/analyze-suppress`: the message codes `istioctl analyze` does not report on the
 * resource that carries it, comma-separated, `*` for all (Istio's `filterMessages`,
 * pkg/config/analysis/local/istiod_analyze.go). Read by the checks, written by "Suppress".
 */
export const SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';

/**
 * The codes of an annotation value. Istio splits on `,` and trims nothing: `IST0101, IST0102`
 * suppresses IST0101 only, here as with istioctl.
 */
export function annotationCodes(value: string | undefined): string[] {
  return value ? value.split(',') : [];
}

/** The annotation value that also suppresses `code`: appended to the existing list. */
export function annotationWith(existing: string | undefined, code: string): string {
  const codes = annotationCodes(existing);
  if (existing && (codes.includes(code) || codes.includes('*'))) return existing;
  return existing ? `${existing},${code}` : code;
}
