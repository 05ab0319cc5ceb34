const ELLIPSIS = '…';

/**
 * `text` shortened in the middle to fit `maxWidth` (`istio-ing…gateway`), as VS Code elides
 * paths: Kubernetes names differ at both ends (`istio-ingressgateway`, `shop-v1`, `shop-v2`), so
 * cutting the end alone would make siblings look alike. `measure` gives a string's width in the
 * same units. The result keeps a little more of the end, where versions and suffixes sit.
 */
export function elideMiddle(
  text: string,
  maxWidth: number,
  measure: (s: string) => number,
): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  // Binary search on how many characters to keep in all.
  let low = 0;
  let high = chars.length - 1;
  let best = ELLIPSIS;
  while (low <= high) {
    const keep = Math.floor((low + high) / 2);
    const candidate = cut(chars, keep);
    if (measure(candidate) <= maxWidth) {
      best = candidate;
      low = keep + 1;
    } else high = keep - 1;
  }
  return best;
}

function cut(chars: readonly string[], keep: number): string {
  const head = Math.floor(keep / 2);
  const tail = keep - head;
  return `${chars.slice(0, head).join('')}${ELLIPSIS}${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}
