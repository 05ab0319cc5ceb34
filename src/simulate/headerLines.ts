/**
 * Request headers written as `Name: value`, one per line, as curl's `-H` and HTTP itself write
 * them: what the command line's `-H` options and the simulator's Headers field take.
 */
export type HeaderLines =
  | { readonly ok: true; readonly headers: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly error: string };

/** HTTP token characters (RFC 9110 `tchar`), plus the leading `:` of pseudo-headers. */
const NAME = /^:?[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function parseHeaderLines(lines: readonly string[]): HeaderLines {
  const headers: Record<string, string> = Object.create(null);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    // A pseudo-header (`:authority: x`) has its first colon at the start.
    const colon = line.indexOf(':', line.startsWith(':') ? 1 : 0);
    const name = colon === -1 ? line : line.slice(0, colon).trim();
    if (colon === -1 || !NAME.test(name))
      return {
        ok: false,
        error: `line ${i + 1}: write a header as "Name: value" (got "${line}")`,
      };
    headers[name.toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { ok: true, headers };
}

/** The inverse of `parseHeaderLines` for one text block. */
export function formatHeaderLines(headers: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}
