import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input, select, textarea, a[href], button:not(:disabled)';

/**
 * Key handling every modal shares, for the panel's onKeyDown: Escape cancels (unless
 * its action is under way) and Tab cycles through the panel's controls, so focus never
 * leaves an open modal.
 */
export function handleModalKeys(
  event: KeyboardEvent<HTMLElement>,
  { onCancel, isPending }: { onCancel: () => void; isPending: boolean },
) {
  if (event.key === 'Escape' && !isPending) {
    event.stopPropagation();
    onCancel();
    return;
  }
  if (event.key !== 'Tab') return;
  const focusable = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (first === undefined || last === undefined) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
