import { useId } from 'react';

import { FormField } from './form-field';
import { Spinner } from './spinner';
import './search-picker.css';

export interface PickerOption {
  value: string;
  label: string;
  description?: string | undefined;
}

interface SearchPickerProps {
  label: string;
  /** Name of the results group, read out before the options. */
  resultsLabel: string;
  query: string;
  onQueryChange: (query: string) => void;
  options: readonly PickerOption[];
  selected: string | null;
  onSelect: (option: PickerOption) => void;
  placeholder?: string;
  hint?: string;
  isLoading?: boolean;
  /** Shown instead of the results (e.g. a failed search). */
  error?: string | undefined;
  /** Shown when a search found nothing. */
  emptyText: string;
  loadingText: string;
  /** Whether a search has been made (so "nothing found" is meaningful). */
  searched: boolean;
}

/** Type to search, then pick one result; the results are native radios. */
export function SearchPicker({
  label,
  resultsLabel,
  query,
  onQueryChange,
  options,
  selected,
  onSelect,
  placeholder,
  hint,
  isLoading = false,
  error,
  emptyText,
  loadingText,
  searched,
}: SearchPickerProps) {
  const name = useId();
  return (
    <div className="search-picker">
      <FormField
        label={label}
        type="search"
        value={query}
        placeholder={placeholder}
        hint={hint}
        autoComplete="off"
        enterKeyHint="search"
        onChange={(event) => {
          onQueryChange(event.target.value);
        }}
      />
      <div className="search-picker__results" aria-live="polite">
        {isLoading && (
          <p className="search-picker__status">
            <Spinner size="sm" /> {loadingText}
          </p>
        )}
        {!isLoading && error !== undefined && (
          <p className="search-picker__status search-picker__status--error" role="alert">
            {error}
          </p>
        )}
        {!isLoading && error === undefined && searched && options.length === 0 && (
          <p className="search-picker__status">{emptyText}</p>
        )}
        {!isLoading && error === undefined && options.length > 0 && (
          <fieldset className="search-picker__options">
            <legend className="visually-hidden">{resultsLabel}</legend>
            {options.map((option) => (
              <label key={option.value} className="search-picker__option">
                <input
                  type="radio"
                  name={name}
                  value={option.value}
                  checked={selected === option.value}
                  onChange={() => {
                    onSelect(option);
                  }}
                />
                <span className="search-picker__text">
                  <span className="search-picker__label">{option.label}</span>
                  {option.description !== undefined && (
                    <span className="search-picker__description">{option.description}</span>
                  )}
                </span>
              </label>
            ))}
          </fieldset>
        )}
      </div>
    </div>
  );
}
