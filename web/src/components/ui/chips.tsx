import type { ReactNode } from 'react';

import './chips.css';

export interface ChipOption {
  value: string;
  label: string;
}

interface ChipGroupProps {
  legend: string;
  options: readonly ChipOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Help or error text under the legend. */
  hint?: string | undefined;
  error?: string | undefined;
  disabled?: boolean;
}

/** Multi-select chips: native checkboxes, so keyboard and screen readers work as usual. */
export function ChipGroup({ legend, options, selected, onChange, hint, error, disabled }: ChipGroupProps) {
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((item) => item !== value);
    // Keep the catalogue's order whatever the click order was.
    onChange(options.map((option) => option.value).filter((item) => next.includes(item)));
  };
  return (
    <fieldset className="chip-group" aria-invalid={error !== undefined || undefined}>
      <legend className="chip-group__legend">{legend}</legend>
      {hint !== undefined && error === undefined && <p className="chip-group__hint">{hint}</p>}
      {error !== undefined && (
        <p className="chip-group__error" role="alert">
          {error}
        </p>
      )}
      <div className="chip-group__options">
        {options.map((option) => {
          const checked = selected.includes(option.value);
          return (
            <label key={option.value} className={checked ? 'chip chip--selected' : 'chip'}>
              <input
                type="checkbox"
                className="chip__input"
                checked={checked}
                disabled={disabled}
                onChange={(event) => {
                  toggle(option.value, event.target.checked);
                }}
              />
              <span aria-hidden="true" className="chip__check">
                ✓
              </span>
              {option.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

interface ChipListProps {
  label: string;
  items: readonly string[];
  /** Shown when there are no items; nothing is rendered when omitted. */
  empty?: ReactNode;
}

/** Read-only chips, e.g. a member's traits. */
export function ChipList({ label, items, empty }: ChipListProps) {
  if (items.length === 0) {
    return empty === undefined ? null : <p className="chip-list__empty">{empty}</p>;
  }
  return (
    <ul className="chip-list" aria-label={label}>
      {items.map((item) => (
        <li key={item} className="chip chip--static">
          {item}
        </li>
      ))}
    </ul>
  );
}
