import type { Command, DocTarget } from '../edit/command.ts';
import type { FieldValidator } from '../rules/fields.ts';
import type { Path } from '../yaml/path.ts';

/**
 * What the inspector shows for a selected node: sections of fields and list-like groups, each
 * bound to a path of the resource's document. Plain data plus a few functions (validators,
 * writers), built fresh from the document on every change by `formFor`.
 */

/** How a field's input is read (and drawn). */
export type FieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'percentage'
  | 'duration'
  | 'boolean'
  | 'select'
  | 'multiselect'
  | 'list';

export interface FieldOption {
  readonly value: string;
  readonly label: string;
}

/** Turns a parsed value (undefined: the field was emptied) into the commands that write it. */
export type FieldWriter = (target: DocTarget, value: unknown) => readonly Command[];

/** One editable value of a resource. */
export interface FormField {
  readonly kind: 'field';
  /** Unique within the form, stable across edits (built from the path). */
  readonly id: string;
  /** The input's accessible name. */
  readonly label: string;
  readonly type: FieldType;
  /** The document the field writes (forms may show parts of more than one resource). */
  readonly target?: DocTarget;
  /** Where the value is written, from the document's root. */
  readonly path: Path;
  /** The value as the document holds it (absent: undefined). */
  readonly value: unknown;
  readonly options?: readonly FieldOption[];
  readonly placeholder?: string;
  readonly help?: string;
  /** Checks the parsed value (each item of a `list`); a message says what is wrong. */
  readonly validate?: FieldValidator;
  /** Emptying the field is refused ("Required") instead of deleting it. */
  readonly required?: boolean;
  /** `number`: only whole numbers. */
  readonly integer?: boolean;
  /**
   * Written when the input is left rather than on every keystroke: renaming a map key moves
   * its entry, and a subset's name names its node.
   */
  readonly commitOnBlur?: boolean;
  /** Shown, not editable (with `help` saying why). */
  readonly readOnly?: boolean;
  /**
   * What an emptied field deletes: the field, and the maps above it that held nothing else (as
   * the form would have created them). Never a list item or a map holding anything else.
   */
  readonly clear?: Path;
  /** Overrides how the value is written (a match kind, a renamed key, exclusive fields). */
  readonly write?: FieldWriter;
  /** The node to select once the field is written (a subset's name is in its node's id). */
  readonly nodeAfter?: (value: unknown) => string | undefined;
}

/** The outcome of an input: a command (null: nothing to change), or what is wrong with it. */
export type FieldResult =
  | { readonly ok: true; readonly command: Command | null; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

/** One item of a group: a server, a match block, a header match, a destination, a subset… */
export interface GroupItem {
  readonly id: string;
  readonly title: string;
  /** A line about the item (a destination's share of the traffic). */
  readonly note?: string;
  readonly entries: readonly FormEntry[];
  /** Removes the item; undefined when it cannot be removed here. */
  readonly remove: Command | undefined;
}

/** A list or map of like items, with add and remove. */
export interface FormGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly title: string;
  /** Names the buttons: "Add header match", "Remove header match 2". */
  readonly noun: string;
  readonly help?: string;
  readonly items: readonly GroupItem[];
  /** What a new item needs from the user (a header's name…); empty when defaults do. */
  readonly addFields: readonly FormField[];
  /** The add command from the add fields' inputs, keyed by field id; undefined: no add. */
  readonly add: ((inputs: Readonly<Record<string, unknown>>) => FieldResult) | undefined;
  /** Ready-made items (cloud load balancer annotations). */
  readonly presets?: readonly { readonly label: string; readonly command: Command }[];
}

export interface FormSection {
  readonly kind: 'section';
  readonly id: string;
  readonly title: string;
  readonly help?: string;
  readonly entries: readonly FormEntry[];
}

export type FormEntry = FormField | FormGroup | FormSection;
