/**
 * Reading plain manifest values as Istio's JSON decoding would see them. A value of the wrong
 * type reads as absent: the CRD schema check reports the type, and the rules stay quiet about a
 * field they cannot read (they never guess).
 */
import { isRecord } from '../../model/read.ts';

export type Plain = Readonly<Record<string, unknown>>;

/** The object at `value`, or undefined when it is absent, null or not an object. */
export function obj(value: unknown): Plain | undefined {
  return isRecord(value) ? value : undefined;
}

/** The list at `value` (empty when absent or not a list). Items keep their positions. */
export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string field as Go reads it: absent or mistyped is the empty string. */
export function textOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** An integer field as Go reads it: absent (or unreadable) is 0. */
export function int(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : 0;
}

/** Whether a field is set, as a proto message or oneof field is set: present and not null. */
export function isSet(parent: Plain, key: string): boolean {
  return parent[key] !== undefined && parent[key] !== null;
}

/** Whether a repeated field has items (Go's `len(x) > 0`). */
export function hasItems(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** The value of an Istio `Percent` or protobuf wrapper (`{value: 12.5}`), if it is a number. */
export function wrapped(value: unknown): number | undefined {
  return number(obj(value)?.value);
}

/**
 * Whether a string is an unrendered template placeholder (`istiod-{{.Revision}}`): its real
 * value is not known yet, so nothing is said about it.
 */
export function isTemplated(value: string): boolean {
  return value.includes('{{');
}

/** Map entries in written order, for label and header maps. */
export function entriesOf(value: unknown): readonly (readonly [string, unknown])[] {
  return isRecord(value) ? Object.entries(value) : [];
}
