/**
 * Istio's rules for HTTP header names and values (pkg/config/validation/validation.go,
 * header_value_validator.go, virtualservice.go).
 */

/** RFC 7230 token characters, as Istio's `validHeaderNameRegex`. */
const TOKEN = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
const PSEUDO_HEADERS = new Set([':method', ':scheme', ':authority', ':path', ':status']);
const JWT_CLAIM = '@request.auth.claims';

/** `jwt.ToRoutingClaim(name).Match`: `@request.auth.claims.sub` or `@request.auth.claims[sub]`. */
export function isJwtClaimHeader(name: string): boolean {
  if (!name.toLowerCase().startsWith(JWT_CLAIM)) return false;
  const rest = name.slice(JWT_CLAIM.length);
  return (
    (rest.startsWith('.') && rest.length > 1) ||
    (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2)
  );
}

/** A header name for matching: a token, a pseudo-header or a JWT claim (`ValidateHTTPHeaderNameOrJwtClaimRoute`). */
export function matchHeaderNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isJwtClaimHeader(name) || PSEUDO_HEADERS.has(name) || TOKEN.test(name)) return undefined;
  return `"${name}" is not a valid header name: use letters, digits and - (no spaces)`;
}

/** A header name in a CORS policy: a token or `*` (`ValidateCORSHTTPHeaderName`). */
export function corsHeaderNameProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name === '*' || TOKEN.test(name)) return undefined;
  return `"${name}" is not a valid header name: use letters, digits and - (no spaces), or *`;
}

function isInternalHeader(name: string): boolean {
  return name.startsWith(':') || name.toLowerCase() === 'host';
}

export function isAuthorityHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ':authority' || lower === 'host';
}

/** A header a request `set`/`add` writes: may be the authority, not another `:` header. */
export function requestSetHeaderProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (isInternalHeader(name) && !isAuthorityHeader(name)) {
    return `header "${name}" cannot be set: names starting with ":" are managed by the proxy`;
  }
  return undefined;
}

/** A header a request `remove` or any response operation touches: not Host, not `:` headers. */
export function headerOperationProblem(name: string): string | undefined {
  if (name === '') return 'header name cannot be empty';
  if (name.toLowerCase() === 'host')
    return 'the Host header cannot be changed here: use rewrite.authority';
  if (name.startsWith(':')) {
    return `header "${name}" cannot be changed: names starting with ":" are managed by the proxy`;
  }
  return undefined;
}

/**
 * `ValidateHTTPHeaderValue`: no control characters, and `%` only as `%%` or around an Envoy
 * variable (`%HOSTNAME%`, `%REQ(x-id)%`), a port of Envoy's header parser.
 */
export function headerValueProblem(value: string): string | undefined {
  if (hasControlCharacter(value)) return 'header value contains control characters';
  return variableProblem(value);
}

/** Control characters other than tab (Istio's `httpHeaderValueRegexp`). */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code <= 0x1f && code !== 0x09) || code === 0x7f) return true;
  }
  return false;
}

type State = 'literal' | 'name' | 'array' | 'string' | 'inString' | 'delimiter' | 'argsEnd' | 'end';

function variableProblem(value: string): string | undefined {
  const unescaped = `header value "${value}" has an unescaped %: write %% for a literal percent sign`;
  let state: State = 'literal';
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos];
    switch (state) {
      case 'literal':
        if (ch !== '%') break;
        if (pos + 1 >= value.length) return unescaped;
        if (value[pos + 1] === '%') pos++;
        else state = 'name';
        break;
      case 'name':
        if (ch === '%') state = 'literal';
        else if (ch === '(') state = 'array';
        break;
      case 'array':
        if (ch === '[') state = 'string';
        else if (ch !== ' ') state = 'inString';
        break;
      case 'delimiter':
        if (ch === ',') state = 'string';
        else if (ch === ']') state = 'argsEnd';
        else if (ch !== ' ')
          return `header value "${value}" has a malformed variable argument list`;
        break;
      case 'string':
        if (ch === '"') state = 'inString';
        else if (ch !== ' ') return `header value "${value}" has a malformed variable argument`;
        break;
      case 'inString':
        if (ch === '\\') {
          if (pos + 1 >= value.length) return `header value "${value}" ends with a backslash`;
          pos++;
        } else if (ch === ')') state = 'end';
        else if (ch === '"') state = 'delimiter';
        break;
      case 'argsEnd':
        if (ch === ')') state = 'end';
        else if (ch !== ' ')
          return `header value "${value}" has a malformed variable: expected ")"`;
        break;
      case 'end':
        if (ch === '%') state = 'literal';
        else if (ch !== ' ')
          return `header value "${value}" has a malformed variable: expected "%"`;
        break;
    }
  }
  return state === 'literal' ? undefined : unescaped;
}
