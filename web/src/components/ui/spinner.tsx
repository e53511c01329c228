import './spinner.css';

interface SpinnerProps {
  /** Accessible label; omit when the spinner sits next to visible text. */
  label?: string;
  size?: 'sm' | 'md' | 'lg';
}

export function Spinner({ label, size = 'md' }: SpinnerProps) {
  return (
    <span
      className={`spinner spinner--${size}`}
      role={label === undefined ? undefined : 'status'}
      aria-hidden={label === undefined ? true : undefined}
    >
      <span className="spinner__ring" />
      {label !== undefined && <span className="visually-hidden">{label}</span>}
    </span>
  );
}
