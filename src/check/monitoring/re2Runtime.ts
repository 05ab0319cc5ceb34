import { RE2JS } from 're2js';

/**
 * What `@kubernetes-models/validate/runtime/re2` exports, for the CRD patterns Go's regexp reads
 * and JavaScript's does not (`(?i)…` in PrometheusRule's `partial_response_strategy`). The
 * package's own builds on re2-wasm, which loads its WebAssembly with Node's `fs` and so neither
 * bundles for the browser nor for the CLI; the app, the CLI bundle and Vitest alias the runtime
 * to this one, on re2js (pure JavaScript RE2, the engine src/model/regex.ts uses).
 * A JSON Schema `pattern` matches anywhere in the value, hence `find`.
 */
export default class RE2 {
  private readonly re: RE2JS | undefined;

  constructor(pattern: string, _flags?: string) {
    try {
      this.re = RE2JS.compile(pattern);
    } catch {
      // A pattern re2js cannot compile checks nothing rather than failing every import.
      this.re = undefined;
    }
  }

  test(value: string): boolean {
    return this.re ? this.re.matcher(value).find() : true;
  }
}
