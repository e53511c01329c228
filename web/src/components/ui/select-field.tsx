import { useId, type SelectHTMLAttributes } from 'react';

import './form-field.css';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled native select (the phone's own picker on mobile). */
export function SelectField({ label, options, error, hint, className, ...selectProps }: SelectFieldProps) {
  const id = useId();
  const hasError = error !== undefined && error !== '';
  const describedBy = [hint !== undefined ? `${id}-hint` : null, hasError ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={['field', hasError ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__input field__select"
        aria-invalid={hasError}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
