import { useId, useState } from 'react';
import type { DocTarget } from '../../edit/command.ts';
import type { FormEntry, FormSection } from '../../forms/types.ts';
import { FieldView } from './FieldView.tsx';
import { hasContent } from './fieldText.ts';
import { GroupView } from './GroupView.tsx';

/** A field, a group or a nested section of a form. */
export function EntryView({
  entry,
  target,
  titled = true,
}: {
  entry: FormEntry;
  target: DocTarget;
  /** False when a section already says the group's title (its heading is then only for readers). */
  titled?: boolean;
}) {
  if (entry.kind === 'field') return <FieldView field={entry} target={target} />;
  if (entry.kind === 'group') return <GroupView group={entry} target={target} titled={titled} />;
  return (
    <fieldset className="form-section form-section--nested">
      <legend>{entry.title}</legend>
      {entry.help && <p className="field__help">{entry.help}</p>}
      {entry.entries.map((child) => (
        <EntryView key={child.id} entry={child} target={target} />
      ))}
    </fieldset>
  );
}

/**
 * A top-level section, folded away while it holds nothing (a rule without redirect or fault
 * shows those sections closed); it opens by itself once it holds something.
 */
export function SectionView({ section, target }: { section: FormSection; target: DocTarget }) {
  const filled = hasContent(section.entries);
  const [open, setOpen] = useState(filled);
  const [wasFilled, setWasFilled] = useState(filled);
  if (filled !== wasFilled) {
    setWasFilled(filled);
    if (filled) setOpen(true);
  }
  const titleId = useId();
  return (
    <details className="form-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary id={titleId}>{section.title}</summary>
      <fieldset aria-labelledby={titleId} className="form-section__body">
        {section.help && <p className="field__help">{section.help}</p>}
        {section.entries.map((entry) => (
          <EntryView
            key={entry.id}
            entry={entry}
            target={target}
            titled={
              !(
                section.entries.length === 1 &&
                entry.kind === 'group' &&
                entry.title === section.title
              )
            }
          />
        ))}
      </fieldset>
    </details>
  );
}
