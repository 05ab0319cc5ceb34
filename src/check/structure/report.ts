import type { Path } from '../../yaml/path.ts';

/**
 * `istioctl analyze` runs each kind's validation function as an analyzer and reports every
 * error as IST0106 SchemaValidationError and every warning as IST0133 SchemaWarning
 * (pkg/config/analysis/analyzers/schema/validation.go, `morePreciseMessage`).
 */
export const SCHEMA_ERROR = 'IST0106';
export const SCHEMA_WARNING = 'IST0133';

/** A finding about one document, before it is tied to the resource and its address. */
export interface Issue {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly path: Path;
  readonly message: string;
  readonly istio?: string;
  readonly kiali?: string;
}

/** Collects the issues of one resource, each at the path of the node it is about. */
export class Report {
  readonly issues: Issue[] = [];

  error(code: string, path: Path, message: string, kiali?: string): void {
    this.add(code, 'error', path, message, kiali);
  }

  warning(code: string, path: Path, message: string, kiali?: string): void {
    this.add(code, 'warning', path, message, kiali);
  }

  /** Advice Istio itself does not give (no Istio code). */
  info(code: string, path: Path, message: string): void {
    this.issues.push({ code, severity: 'info', path, message });
  }

  private add(
    code: string,
    severity: 'error' | 'warning',
    path: Path,
    message: string,
    kiali: string | undefined,
  ): void {
    const istio = severity === 'error' ? SCHEMA_ERROR : SCHEMA_WARNING;
    this.issues.push({ code, severity, path, message, istio, ...(kiali ? { kiali } : {}) });
  }
}

/** Extends a path by segments (paths are read-only arrays shared between findings). */
export function at(path: Path, ...segments: (string | number)[]): Path {
  return [...path, ...segments];
}
