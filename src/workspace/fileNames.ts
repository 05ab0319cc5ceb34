/**
 * The name of a file that came from no file (New, pasted text, a whole text replaced), as
 * VS Code names an editor before it is saved.
 */
export const UNTITLED = 'untitled.yaml';

/** True for `untitled.yaml`, `untitled-2.yaml`…: a replaced text keeps such a name. */
export function isUntitled(name: string): boolean {
  return /^untitled(-\d+)?\.yaml$/.test(name);
}

/** A name not yet used among `taken`: `untitled.yaml`, then `untitled-2.yaml`… */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}
