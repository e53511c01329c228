import { useId } from 'react';

import './segmented.css';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
}

interface SegmentedProps<T extends string> {
  legend: string;
  options: readonly SegmentOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string | undefined;
  disabled?: boolean;
  /** Cells per line; by default every option shares one line. */
  columns?: number;
}

/** A single choice among a few options, drawn as segments; native radios underneath. */
export function Segmented<T extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  disabled,
  columns,
}: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className="segmented" aria-invalid={error !== undefined || undefined}>
      <legend className="segmented__legend">{legend}</legend>
      <div
        className={columns === undefined ? 'segmented__options' : 'segmented__options segmented__options--grid'}
        style={columns === undefined ? undefined : { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
      >
        {options.map((option) => (
          <label key={option.value} className="segmented__option">
            <input
              type="radio"
              name={name}
              className="segmented__input"
              value={option.value}
              checked={value === option.value}
              disabled={disabled}
              onChange={() => {
                onChange(option.value);
              }}
            />
            <span className="segmented__text">{option.label}</span>
          </label>
        ))}
      </div>
      {error !== undefined && (
        <p className="segmented__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
