import { useId, useState } from 'react';
import type { DocTarget } from '../../edit/command.ts';
import { problemOf } from '../../forms/fieldCommand.ts';
import { parseInput } from '../../forms/parse.ts';
import type { FormEntry, FormField, FormGroup } from '../../forms/types.ts';
import { useDesignerStore } from '../StoreContext.tsx';
import { EntryView } from './EntryView.tsx';
import { fieldText } from './fieldText.ts';

/**
 * A list or map of like items (servers, match blocks, header matches, destinations…), each in a
 * group of its own with a remove button, and a row to add one more.
 */
export function GroupView({
  group,
  target,
  titled = true,
}: {
  group: FormGroup;
  target: DocTarget;
  titled?: boolean;
}) {
  const store = useDesignerStore();
  const titleId = useId();
  return (
    <section className="form-group" aria-labelledby={titleId}>
      <h4 id={titleId} className={titled ? 'form-group__title' : 'visually-hidden'}>
        {group.title}
      </h4>
      {group.help && <p className="field__help">{group.help}</p>}
      {group.items.map((item, index) => (
        <fieldset
          key={item.id}
          className={`form-group__item${isCompact(item.entries) ? ' form-group__item--row' : ''}`}
        >
          <legend>{item.title}</legend>
          {item.note && <p className="form-group__note">{item.note}</p>}
          {item.entries.map((entry) => (
            <EntryView key={entry.id} entry={entry} target={target} />
          ))}
          {item.remove && (
            <button
              type="button"
              className="form-group__remove"
              onClick={() => item.remove && store.getState().apply(item.remove)}
            >
              {`Remove ${group.noun} ${index + 1}`}
            </button>
          )}
        </fieldset>
      ))}
      {group.add && <AddRow group={group} />}
      {group.presets && group.presets.length > 0 && (
        <div className="form-group__presets">
          {group.presets.map((preset) => (
            <button
              key={preset.label}
              type="button"
              onClick={() => store.getState().apply(preset.command)}
            >
              {`Add ${preset.label} ${group.noun}`}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

/** A few plain fields (a label, a header match, a destination) sit side by side. */
function isCompact(entries: readonly FormEntry[]): boolean {
  return (
    entries.length <= 4 &&
    entries.every((e) => e.kind === 'field' && e.type !== 'multiselect' && !e.help)
  );
}

/** The inputs a new item needs and its "Add …" button; the inputs clear once it is added. */
function AddRow({ group }: { group: FormGroup }) {
  const store = useDesignerStore();
  const id = useId();
  const [inputs, setInputs] = useState<Readonly<Record<string, unknown>>>({});
  const [error, setError] = useState<string | undefined>();
  const errorId = `${id}-error`;
  const add = () => {
    const result = group.add?.(inputs);
    if (!result) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (result.command && !store.getState().apply(result.command)) {
      setError(store.getState().notice?.text ?? 'The edit was refused');
      return;
    }
    setInputs({});
    setError(undefined);
  };
  return (
    <div className="form-group__add">
      {group.addFields.map((field) => (
        <AddInput
          key={field.id}
          field={field}
          value={inputs[field.id]}
          onChange={(value) => {
            setInputs({ ...inputs, [field.id]: value });
            setError(undefined);
          }}
          onEnter={add}
        />
      ))}
      <button
        type="button"
        onClick={add}
        {...(error ? { 'aria-describedby': errorId } : {})}
      >{`Add ${group.noun}`}</button>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** An input of the add row: not bound to the document, checked as it is typed. */
function AddInput({
  field,
  value,
  onChange,
  onEnter,
}: {
  field: FormField;
  value: unknown;
  onChange: (value: unknown) => void;
  onEnter: () => void;
}) {
  const id = useId();
  const shown = value === undefined ? fieldText(field) : String(value);
  const parsed = value === undefined ? undefined : parseInput(field, value);
  const problem =
    parsed === undefined
      ? undefined
      : !parsed.ok
        ? parsed.error
        : parsed.value === undefined
          ? undefined
          : problemOf(field, parsed.value);
  const errorId = `${id}-error`;
  const invalid = problem ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
  return (
    <div className={`field field--${field.type}`}>
      <label htmlFor={id}>{field.label}</label>
      {field.type === 'select' ? (
        <select id={id} value={shown} onChange={(e) => onChange(e.currentTarget.value)}>
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={shown}
          placeholder={field.placeholder}
          onChange={(e) => onChange(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onEnter();
          }}
          {...invalid}
        />
      )}
      {problem && (
        <p id={errorId} className="field__error">
          {problem}
        </p>
      )}
    </div>
  );
}
