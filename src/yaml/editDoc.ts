import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { DocSource, isBlockScalar, isEmptyNode } from './docSource.ts';
import { type Container, findPair, formatPath, locate, type Path } from './path.ts';
import {
  applyPlain,
  insertAt,
  moveWithin,
  omitKey,
  PlainEditError,
  removeAt,
} from './plainEdit.ts';
import {
  columnOf,
  detectStyle,
  indentRest,
  isCollectionValue,
  isEmptyCollection,
  lineStartOf,
  renderFlow,
  renderScalar,
  renderValue,
  type Style,
} from './render.ts';
import { MAX_ALIAS_COUNT, parseYamlDoc, type YamlDoc } from './yamlDoc.ts';

/** A change to one document, addressed by path. */
export type DocEdit =
  | { readonly op: 'set'; readonly path: Path; readonly value: unknown }
  | { readonly op: 'delete'; readonly path: Path }
  | { readonly op: 'insert'; readonly path: Path; readonly index: number; readonly value: unknown }
  | { readonly op: 'move'; readonly path: Path; readonly from: number; readonly to: number };

export type EditResult =
  | { readonly ok: true; readonly doc: YamlDoc }
  | { readonly ok: false; readonly message: string };

/** A replacement of `[from, to)` of the document's text. */
interface Splice {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/**
 * Applies an edit by rewriting only the source text it concerns, then parses the document
 * again. Everything outside the splice keeps its bytes, which is what keeps comments, quoting,
 * anchors and key order of the rest of the document; `String(document)` would normalise them.
 */
export function editDoc(ydoc: YamlDoc, edit: DocEdit): EditResult {
  if (ydoc.problems.length > 0) {
    return { ok: false, message: 'this document has YAML errors; fix them in the text first' };
  }
  const editor = new DocTextEditor(ydoc);
  const splice = editor.plan(edit);
  if (typeof splice === 'string') return { ok: false, message: splice };
  if (splice === null) return { ok: true, doc: ydoc };
  const text = ydoc.text.slice(0, splice.from) + splice.text + ydoc.text.slice(splice.to);
  const doc = parseYamlDoc(text);
  const orphan = doc.problems.find((problem) => problem.code === 'BAD_ALIAS');
  if (orphan) {
    const alias = text.slice(orphan.offset, orphan.end);
    return {
      ok: false,
      message: `cannot ${edit.op} ${formatPath(edit.path) || 'the document'}: the alias ${alias} would lose its anchor`,
    };
  }
  if (doc.problems.length > 0) {
    return {
      ok: false,
      message: `internal: the edit at ${formatPath(edit.path)} produced invalid YAML (${doc.problems[0]?.message})`,
    };
  }
  return { ok: true, doc };
}

/** Plans the text splice for one edit. A string result is a reason the edit cannot be made. */
class DocTextEditor {
  private readonly source: DocSource;
  private readonly root: Node | null;
  private readonly style: Style;
  private readonly document: YamlDoc['document'];

  constructor(ydoc: YamlDoc) {
    this.document = ydoc.document;
    this.source = new DocSource(ydoc.text, ydoc.base);
    this.root = ydoc.document.contents as Node | null;
    this.style = detectStyle(ydoc.text, this.root, ydoc.base);
  }

  plan(edit: DocEdit): Splice | string | null {
    const flow = this.flowAncestor(edit);
    if (flow) return this.rewriteFlow(flow, edit);
    switch (edit.op) {
      case 'set':
        return this.set(edit.path, edit.value);
      case 'delete':
        return this.remove(edit.path);
      case 'insert':
        return this.insert(edit.path, edit.index, edit.value);
      case 'move':
        return this.move(edit.path, edit.from, edit.to);
    }
  }

  // ── set ──────────────────────────────────────────────────────────────────────────────

  private set(path: Path, value: unknown): Splice | string {
    const located = locate(this.root, path);
    if (located.found) {
      const { node, parent, key } = located;
      if (isAlias(node)) return this.replaceEntry(path, parent, key, value);
      if (
        isScalar(node) &&
        !isCollectionValue(value) &&
        !isEmptyNode(node) &&
        !isBlockScalar(node) &&
        keepsTag(node, value) &&
        node.range
      ) {
        const text = renderScalar(value, node, this.style);
        // A scalar that renders on several lines needs indenting under its key: rewrite the entry.
        if (!text.includes('\n')) {
          const [from, to] = this.source.span(node);
          return { from, to, text };
        }
      }
      return this.replaceEntry(path, parent, key, value);
    }
    const { depth, node } = located;
    const rest = path.slice(depth);
    const head = rest[0] as string | number;
    const nested = nest(rest.slice(1), value);
    if (nested === undefined)
      return `cannot create ${formatPath(path)}: only index 0 of a new list can be set`;
    if (isMap(node)) return this.appendPair(node, head, nested);
    if (isSeq(node) && head === node.items.length) return this.insertItem(node, head, nested);
    if (isSeq(node) && typeof head === 'number') {
      return `cannot set ${formatPath(path)}: the list has ${node.items.length} items`;
    }
    if (node === null || (isScalar(node) && node.value === null)) {
      const whole = nest(rest, value);
      if (whole === undefined)
        return `cannot create ${formatPath(path)}: only index 0 of a new list can be set`;
      return this.set(path.slice(0, depth), whole);
    }
    return `cannot set ${formatPath(path)}: ${formatPath(path.slice(0, depth)) || 'the document'} is not a map or list`;
  }

  /** Replaces a whole entry (`key: value` or `- value`), keeping the key as written. */
  private replaceEntry(
    path: Path,
    parent: Container | null,
    key: string | number | null,
    value: unknown,
  ): Splice | string {
    if (parent === null || key === null) return this.replaceRoot(value);
    if (isMap(parent)) {
      const pair = findPair(parent, key) as Pair<Node, Node | null>;
      const from = this.source.start(pair.key);
      const to = pair.value ? this.source.valueEnd(pair.value) : this.source.contentEnd(pair.key);
      const column = columnOf(this.source.text, from);
      // A key's range ends before its `:`; keep the key as written up to and including it.
      let colon = this.source.span(pair.key)[1];
      while (this.source.text[colon] === ' ' || this.source.text[colon] === '\t') colon++;
      if (this.source.text[colon] !== ':')
        return `cannot replace ${formatPath(path)}: unusual key layout`;
      const keyText = this.source.text.slice(from, colon + 1);
      // The value's anchor stays, so that aliases of it now share the new value.
      const anchor = pair.value?.anchor ? ` &${pair.value.anchor}` : '';
      return this.valueSplice(from, to, keyText + anchor + this.afterKey(value, column, to));
    }
    const item = parent.items[key as number] as Node | null;
    const dash = item ? this.source.dashOf(item) : undefined;
    if (!item || dash === undefined) return `cannot replace ${formatPath(path)}`;
    const column = columnOf(this.source.text, dash);
    const to = this.source.valueEnd(item);
    // Rendered as `- value` so that nested lines and block scalars are indented relative to the dash.
    const rendered = indentRest(this.render([value], to).slice(2), column, this.style);
    let anchor = '';
    if (item.anchor) {
      anchor = `&${item.anchor}`;
      const block = isCollectionValue(value) && !isEmptyCollection(value);
      anchor += block ? this.style.eol + ' '.repeat(column + 2) : ' ';
    }
    return this.valueSplice(dash + 1, to, ` ${anchor}${rendered}`);
  }

  private replaceRoot(value: unknown): Splice {
    const root = this.root;
    if (root?.range && !(isScalar(root) && root.source === '' && root.value === null)) {
      const from = this.source.start(root);
      const to = this.source.contentEnd(root);
      // A scalar is rendered as a list item's so a block scalar's lines are indented: at
      // column 0, comment lines after it would be read as its content.
      const rendered = isCollectionValue(value)
        ? this.render(value, to)
        : this.render([value], to).slice(2);
      // After `---` or a tag on the same line, a block collection starts on the next line.
      if (this.source.text.slice(lineStartOf(this.source.text, from), from).trim() !== '') {
        const block = isCollectionValue(value) && !isEmptyCollection(value);
        const text = block ? this.style.eol + indentRest(rendered, 0, this.style) : rendered;
        return this.valueSplice(from, to, text);
      }
      const text = indentRest(rendered, columnOf(this.source.text, from), this.style);
      return this.valueSplice(from, to, text);
    }
    // An empty document (`---` alone, or only comments): add the content at its end, before
    // its `...` marker if it has one.
    const at = this.document.directives.docEnd
      ? this.source.lineAfter(this.source.offset(this.document.range[1]))
      : this.source.text.length;
    const lead = at > 0 && this.source.text[at - 1] !== '\n' ? this.style.eol : '';
    return {
      from: at,
      to: at,
      text: `${lead}${this.render(value, at).split('\n').join(this.style.eol)}${this.style.eol}`,
    };
  }

  /**
   * A splice that writes a value over `[from, to)`. When the value takes several lines, what
   * followed the old value would continue its last line, perhaps inside a block scalar: a
   * trailing comment moves to the first line (`key: |- # comment`), trailing spaces go, and
   * so do the spaces of blank lines after it (a block scalar would read them as content).
   */
  private valueSplice(from: number, to: number, text: string): Splice {
    const firstBreak = text.indexOf(this.style.eol);
    if (firstBreak === -1) return { from, to, text };
    let lineEnd = this.source.text.indexOf('\n', to);
    if (lineEnd === -1) lineEnd = this.source.text.length;
    else if (this.source.text[lineEnd - 1] === '\r') lineEnd--;
    const comment = this.source.text.slice(to, lineEnd).trim();
    if (comment !== '' && !comment.startsWith('#')) return { from, to, text };
    const head =
      comment === '' ? text : `${text.slice(0, firstBreak)} ${comment}${text.slice(firstBreak)}`;
    // Blank space up to the next content; the indentation of that content stays.
    const blank = (/^[ \t\r\n]*/.exec(this.source.text.slice(lineEnd)) as RegExpExecArray)[0];
    const atEnd = lineEnd + blank.length === this.source.text.length;
    const lines = atEnd ? blank.length : blank.lastIndexOf('\n') + 1;
    const cleaned = blank.slice(0, lines).replace(/[ \t]+/g, '');
    return { from, to: lineEnd + lines, text: head + cleaned };
  }

  /** What follows `key:` for a value whose key sits at `column`, written before offset `at`. */
  private afterKey(value: unknown, column: number, at: number): string {
    // Rendered as the value of a key at column 0, so nested lines and block scalars are
    // indented relative to the key, then shifted to the key's column.
    const rendered = this.render({ k: value }, at).slice('k:'.length);
    return indentRest(rendered, column, this.style);
  }

  /**
   * Renders a value to be written before offset `at`. When a comment line follows, multi-line
   * strings are double-quoted: a block scalar would read an indented comment as its content.
   */
  private render(value: unknown, at: number): string {
    return renderValue(value, this.style, !this.commentFollows(at));
  }

  /** Whether the first non-blank line after the one holding `at` is a comment. */
  private commentFollows(at: number): boolean {
    let i =
      at === 0 || this.source.text[at - 1] === '\n' ? at : this.source.text.indexOf('\n', at) + 1;
    while (i > 0 && i < this.source.text.length) {
      const end = this.source.text.indexOf('\n', i);
      const line = this.source.text.slice(i, end === -1 ? this.source.text.length : end);
      if (line.trim() !== '') return line.trim().startsWith('#');
      i = end + 1;
    }
    return false;
  }

  private appendPair(map: Container, key: string | number, value: unknown): Splice | string {
    const first = map.items[0] as Pair<Node, Node | null> | undefined;
    const last = map.items[map.items.length - 1] as Pair<Node, Node | null> | undefined;
    if (!first?.key.range || !last) return 'cannot add to an empty map';
    const column = columnOf(this.source.text, this.source.start(first.key));
    const at = this.source.lineAfter(this.source.entryEnd(last.value ?? last.key));
    return this.insertLines(
      at,
      column,
      `${renderValue(key, this.style)}:${this.afterKey(value, column, at)}`,
    );
  }

  // ── lists ────────────────────────────────────────────────────────────────────────────

  private insert(path: Path, index: number, value: unknown): Splice | string {
    const located = locate(this.root, path);
    const node = located.found ? located.node : null;
    if (node === null || (isScalar(node) && node.value === null)) {
      if (index !== 0) return `cannot insert at ${formatPath(path)}[${index}]: the list is empty`;
      return this.set(path, [value]);
    }
    if (!isSeq(node))
      return `cannot insert into ${formatPath(path) || 'the document'}: it is not a list`;
    if (!Number.isInteger(index) || index < 0 || index > node.items.length) {
      return `cannot insert at ${formatPath(path)}[${index}]: the list has ${node.items.length} items`;
    }
    return this.insertItem(node, index, value);
  }

  private insertItem(seq: Container, index: number, value: unknown): Splice | string {
    const dashes = this.source.dashes(seq);
    if (!dashes)
      return this.rewriteWhole(seq, insertAt(this.plain(seq) as unknown[], index, value));
    const column = columnOf(this.source.text, dashes[0] as number);
    const item = (at: number) => indentRest(this.render([value], at), column, this.style);
    if (index < dashes.length) {
      const at = this.source.blockStart(dashes[index] as number);
      return { from: at, to: at, text: ' '.repeat(column) + item(at) + this.style.eol };
    }
    const last = seq.items[seq.items.length - 1] as Node;
    const at = this.source.lineAfter(this.source.entryEnd(last));
    return this.insertLines(at, column, item(at));
  }

  private move(path: Path, from: number, to: number): Splice | string | null {
    const located = locate(this.root, path);
    const seq = located.found ? located.node : null;
    if (!isSeq(seq))
      return `cannot move items of ${formatPath(path) || 'the document'}: it is not a list`;
    const n = seq.items.length;
    if (![from, to].every((i) => Number.isInteger(i) && i >= 0 && i < n)) {
      return `cannot move ${formatPath(path)}[${from}] to [${to}]: the list has ${n} items`;
    }
    if (from === to) return null;
    const dashes = this.source.dashes(seq);
    if (!dashes) return this.rewriteWhole(seq, moveWithin(this.plain(seq) as unknown[], from, to));
    const starts = dashes.map((dash) => this.source.blockStart(dash));
    const end = this.source.lineAfter(this.source.entryEnd(seq.items[n - 1] as Node));
    const blocks = starts.map((start, i) => this.source.text.slice(start, starts[i + 1] ?? end));
    const lastBlock = blocks[n - 1] as string;
    const missingEol = !/\n$/.test(lastBlock);
    if (missingEol) blocks[n - 1] = lastBlock + this.style.eol;
    let text = moveWithin(blocks, from, to).join('');
    if (missingEol) text = text.slice(0, -this.style.eol.length);
    return { from: starts[0] as number, to: end, text };
  }

  // ── delete ───────────────────────────────────────────────────────────────────────────

  private remove(path: Path): Splice | string | null {
    const located = locate(this.root, path);
    if (!located.found) return null;
    const { parent, key } = located;
    if (parent === null || key === null) return this.replaceRoot(null);
    const parentPath = path.slice(0, -1);
    if (parent.items.length === 1) return this.set(parentPath, isMap(parent) ? {} : []);
    if (isMap(parent)) {
      const index = parent.items.indexOf(findPair(parent, key) as Pair<unknown, unknown>);
      const pair = parent.items[index] as Pair<Node, Node | null>;
      const keyStart = this.source.start(pair.key);
      if (this.source.onlySpacesBefore(keyStart)) {
        return {
          from: this.source.blockStart(keyStart),
          to: this.source.lineAfter(this.source.contentEnd(pair.value ?? pair.key)),
          text: '',
        };
      }
      // The first key of a list item (`- name: a`): the next key moves up behind the dash.
      const next = parent.items[index + 1] as Pair<Node, Node | null> | undefined;
      if (next) return { from: keyStart, to: this.source.start(next.key), text: '' };
      return this.rewriteWhole(parent, omitKey(this.plain(parent) as Record<string, unknown>, key));
    }
    const dashes = this.source.dashes(parent);
    const index = key as number;
    if (!dashes) return this.rewriteWhole(parent, removeAt(this.plain(parent) as unknown[], index));
    const item = parent.items[index] as Node;
    return {
      from: this.source.blockStart(dashes[index] as number),
      to: this.source.lineAfter(this.source.contentEnd(item)),
      text: '',
    };
  }

  // ── flow collections and fallbacks ───────────────────────────────────────────────────

  /**
   * The outermost flow collection (`{…}`, `[…]`) the edit reaches into, with its path. A
   * delete reaches into its parent, not into the node it removes; a set of a scalar replaces
   * the collection like any other value.
   */
  private flowAncestor(edit: DocEdit): { node: Container; path: Path } | undefined {
    const { path } = edit;
    const replaces = edit.op === 'delete' || (edit.op === 'set' && !isCollectionValue(edit.value));
    const deepest = replaces ? path.length - 1 : path.length;
    for (let depth = 0; depth <= deepest; depth++) {
      const prefix = path.slice(0, depth);
      const located = locate(this.root, prefix);
      if (!located.found) return undefined;
      const node = located.node;
      if ((isMap(node) || isSeq(node)) && node.flow) return { node, path: prefix };
    }
    return undefined;
  }

  /** Edits inside a flow collection are made on its value and the collection is written again on one line. */
  private rewriteFlow(
    flow: { node: Container; path: Path },
    edit: DocEdit,
  ): Splice | string | null {
    const relative = edit.path.slice(flow.path.length);
    const before = this.plain(flow.node);
    const after = applyPlain(before, { ...edit, path: relative }, flow.path);
    if (after instanceof PlainEditError) return `${refusal(edit)}: ${after.message}`;
    // Nothing changes (a delete of what is not there, a move to the same place): keep the text.
    if (JSON.stringify(after) === JSON.stringify(before)) return null;
    const [from, to] = this.source.span(flow.node);
    return { from, to, text: renderFlow(after, this.style) };
  }

  /** Writes a block collection again from its value: for layouts the line-based edits do not handle. */
  private rewriteWhole(node: Container, value: unknown): Splice | string {
    const path = this.pathOf(node);
    if (!path) return 'cannot edit this collection';
    const parentPath = path.slice(0, -1);
    const located = locate(this.root, parentPath);
    const parent =
      located.found && (isMap(located.node) || isSeq(located.node)) ? located.node : null;
    return this.replaceEntry(
      path,
      parent,
      path.length ? (path[path.length - 1] as string | number) : null,
      value,
    );
  }

  private pathOf(target: Node): Path | undefined {
    const search = (node: unknown, path: (string | number)[]): Path | undefined => {
      if (node === target) return path;
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? (pair.key.value as string | number) : undefined;
          if (key === undefined) continue;
          const found = search(pair.value, [...path, key]);
          if (found) return found;
        }
      } else if (isSeq(node)) {
        for (let i = 0; i < node.items.length; i++) {
          const found = search(node.items[i], [...path, i]);
          if (found) return found;
        }
      }
      return undefined;
    };
    return search(this.root, []);
  }

  /** A node's plain value, aliases resolved (within the alias limit). */
  private plain(node: Node): unknown {
    return node.toJS(this.document, { maxAliasCount: MAX_ALIAS_COUNT });
  }

  /** Inserts `text` as new lines at a line start, indented to `column`. */
  private insertLines(at: number, column: number, text: string): Splice {
    const lead = at > 0 && this.source.text[at - 1] !== '\n' ? this.style.eol : '';
    return { from: at, to: at, text: `${lead}${' '.repeat(column)}${text}${this.style.eol}` };
  }
}

/**
 * Whether `value` can be written in place of a scalar's text, after its tag. A tag other
 * than `!!str` (or `!!str` with a non-string) would change what the new value reads as, so
 * the whole entry is written again without it.
 */
function keepsTag(node: Scalar, value: unknown): boolean {
  return !node.tag || (node.tag === 'tag:yaml.org,2002:str' && typeof value === 'string');
}

/** Builds the value to create for a missing path: `['a', 0, 'b']` → `{a: [{b: value}]}`. */
function nest(path: Path, value: unknown): unknown {
  let out = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i] as string | number;
    if (typeof segment === 'number') {
      if (segment !== 0) return undefined;
      out = [out];
    } else {
      out = { [segment]: out };
    }
  }
  return out;
}

/** How a refusal of an edit starts: `cannot insert at spec.hosts[3]`. */
function refusal(edit: DocEdit): string {
  const where = formatPath(edit.path) || 'the document';
  switch (edit.op) {
    case 'insert':
      return `cannot insert at ${formatPath(edit.path)}[${edit.index}]`;
    case 'move':
      return `cannot move ${formatPath(edit.path)}[${edit.from}] to [${edit.to}]`;
    default:
      return `cannot ${edit.op} ${where}`;
  }
}
