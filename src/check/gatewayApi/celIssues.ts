/** Collecting the CRD validation rules' (CEL `XValidation`) findings on one document. */
import type { Path } from '../../yaml/path.ts';
import type { Issue } from '../structure/report.ts';

/** Every CEL rule is enforced by the API server: a manifest that breaks one is refused. */
export class CelIssues {
  readonly issues: Issue[] = [];

  error(code: string, path: Path, message: string): void {
    this.issues.push({
      code,
      severity: 'error',
      path,
      message: `${message} (the API server refuses it)`,
    });
  }
}

/** Later items whose `key(item)` an earlier item already had, with that earlier index. */
export function repeats<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
): { index: number; first: number; key: string }[] {
  const seen = new Map<string, number>();
  const out: { index: number; first: number; key: string }[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else out.push({ index, first, key: k });
  });
  return out;
}
