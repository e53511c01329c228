import { AlertIcon } from '../icons/icons';
import './form-alert.css';

interface FormAlertProps {
  message: string | null | undefined;
}

/** A form-level error, announced when it appears. */
export function FormAlert({ message }: FormAlertProps) {
  if (message === null || message === undefined || message === '') return null;
  return (
    <p className="form-alert" role="alert">
      <AlertIcon size={20} />
      <span>{message}</span>
    </p>
  );
}
