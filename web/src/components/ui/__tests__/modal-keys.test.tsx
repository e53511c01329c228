import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { handleModalKeys } from '../modal-keys';

function Panel({ onCancel, isPending = false }: { onCancel: () => void; isPending?: boolean }) {
  return (
    <div
      role="dialog"
      aria-label="panel"
      onKeyDown={(event: KeyboardEvent<HTMLDivElement>) => {
        handleModalKeys(event, { onCancel, isPending });
      }}
    >
      <textarea aria-label="reason" />
      <button type="button">cancel</button>
      <button type="button">confirm</button>
    </div>
  );
}

describe('handleModalKeys', () => {
  it('keeps Tab and Shift+Tab inside the panel', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">outside</button>
        <Panel onCancel={() => undefined} />
      </>,
    );
    screen.getByRole('button', { name: 'confirm' }).focus();
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'reason' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'confirm' })).toHaveFocus();
  });

  it('cancels on Escape unless the action is under way', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const { rerender } = render(<Panel onCancel={onCancel} isPending />);
    screen.getByRole('textbox', { name: 'reason' }).focus();
    await user.keyboard('{Escape}');
    expect(onCancel).not.toHaveBeenCalled();
    rerender(<Panel onCancel={onCancel} />);
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledOnce();
  });
});
