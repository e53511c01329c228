import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { translateFieldError, translateProblem } from '@/lib/i18n';
import { isApiProblem, type FieldError } from '@/lib/problem';

type Validator = (value: string) => string | undefined;

interface UseAuthFormOptions<F extends string> {
  initialValues: Record<F, string>;
  validators: Record<F, Validator>;
  /** Applied before validating and submitting (e.g. trim the e-mail). */
  normalize?: Partial<Record<F, (value: string) => string>>;
  /** A message for errors that are not API problems (or need special wording). */
  describeError?: (error: unknown) => string | undefined;
}

/**
 * Small form state for the auth forms: values, client validation (shown after
 * a field is left or the form is submitted), server field errors (kept until
 * the field is edited), a form-level error, and focus on the first bad field.
 * Messages are translated at render time, so switching language re-words them.
 */
export function useAuthForm<F extends string>({
  initialValues,
  validators,
  normalize,
  describeError,
}: UseAuthFormOptions<F>) {
  const { i18n } = useTranslation();
  const fields = Object.keys(initialValues) as F[];
  const [values, setValues] = useState<Record<F, string>>(initialValues);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<F, FieldError>>>({});
  const [formProblem, setFormProblem] = useState<{ error: unknown } | null>(null);
  const inputs = useRef<Partial<Record<F, HTMLInputElement | null>>>({});

  const normalized = (all: Record<F, string>): Record<F, string> => {
    const out = { ...all };
    for (const field of fields) {
      const fn = normalize?.[field];
      if (fn !== undefined) out[field] = fn(all[field]);
    }
    return out;
  };

  const clientErrors = (all: Record<F, string>): Partial<Record<F, string>> => {
    const clean = normalized(all);
    const errors: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const code = validators[field](clean[field]);
      if (code !== undefined) errors[field] = code;
    }
    return errors;
  };

  const currentClientErrors = clientErrors(values);

  const errorFor = (field: F): string | undefined => {
    const server = serverErrors[field];
    if (server !== undefined) return translateFieldError(i18n, server);
    if (!submitted && touched[field] !== true) return undefined;
    const code = currentClientErrors[field];
    if (code === undefined) return undefined;
    return translateFieldError(i18n, { field, code, message: '' });
  };

  const focusFirst = (bad: Partial<Record<F, unknown>>) => {
    const first = fields.find((field) => bad[field] !== undefined);
    if (first !== undefined) inputs.current[first]?.focus();
  };

  const register = (field: F) => ({
    name: field,
    value: values[field],
    error: errorFor(field),
    ref: (element: HTMLInputElement | null) => {
      inputs.current[field] = element;
    },
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const { value } = event.target;
      setValues((current) => ({ ...current, [field]: value }));
      setServerErrors((current) => {
        if (current[field] === undefined) return current;
        return Object.fromEntries(
          Object.entries(current).filter(([key]) => key !== field),
        ) as Partial<Record<F, FieldError>>;
      });
    },
    onBlur: () => {
      setTouched((current) => (current[field] === true ? current : { ...current, [field]: true }));
    },
  });

  /** Validates; when valid, clears old errors and calls `onValid` with normalized values. */
  const handleSubmit =
    (onValid: (values: Record<F, string>) => void) => (event: { preventDefault: () => void }) => {
      event.preventDefault();
      setSubmitted(true);
      const errors = clientErrors(values);
      setFormProblem(null);
      if (Object.keys(errors).length > 0) {
        focusFirst(errors);
        return;
      }
      setServerErrors({});
      onValid(normalized(values));
    };

  /** Shows a failed request: field errors next to fields, the rest as a form error. */
  const applyError = (error: unknown) => {
    const byField: Partial<Record<F, FieldError>> = {};
    if (isApiProblem(error)) {
      for (const fieldError of error.errors ?? []) {
        const field = fieldError.field as F;
        if (fields.includes(field) && byField[field] === undefined) byField[field] = fieldError;
      }
    }
    setServerErrors(byField);
    if (Object.keys(byField).length > 0) {
      setFormProblem(null);
      focusFirst(byField);
    } else {
      setFormProblem({ error });
    }
  };

  const formError =
    formProblem === null
      ? null
      : (describeError?.(formProblem.error) ?? translateProblem(i18n, formProblem.error));

  return { values, register, handleSubmit, applyError, formError };
}
