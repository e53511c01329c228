import { useId } from 'react';

import './switch.css';

interface SwitchProps {
  /** What the switch controls, e.g. "나이 공개". */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Text shown beside the track for each state, e.g. 공개 / 비공개. */
  onText?: string;
  offText?: string;
  disabled?: boolean;
  /** Hide the label visually (it stays the accessible name). */
  hideLabel?: boolean;
}

/** An on/off switch (role="switch"); Space and Enter toggle it like a button. */
export function Switch({ label, checked, onChange, onText, offText, disabled, hideLabel = false }: SwitchProps) {
  const labelId = useId();
  const stateText = checked ? onText : offText;
  return (
    <div className="switch">
      <span id={labelId} className={hideLabel ? 'visually-hidden' : 'switch__label'}>
        {label}
      </span>
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={labelId}
        className="switch__control"
        disabled={disabled}
        onClick={() => {
          onChange(!checked);
        }}
      >
        <span className="switch__track" aria-hidden="true">
          <span className="switch__thumb" />
        </span>
        {stateText !== undefined && (
          <span className="switch__state" aria-hidden="true">
            {stateText}
          </span>
        )}
      </button>
    </div>
  );
}
