import { http } from 'msw';
import { describe, expect, it } from 'vitest';

import { createAccount } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { SignUpForm } from '../sign-up-form';

function renderForm(onSuccess = () => undefined) {
  return renderWithProviders(<SignUpForm onSuccess={onSuccess} />);
}

function expectFieldError(label: string, message: string) {
  const input = screen.getByLabelText(label);
  expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(input).toHaveAccessibleDescription(expect.stringContaining(message) as string);
}

describe('SignUpForm', () => {
  it('shows Korean messages for empty fields and focuses the first one', async () => {
    const { user } = renderForm();

    await user.click(screen.getByRole('button', { name: '가입하기' }));

    expectFieldError('이메일', '이메일을 입력해 주세요.');
    expectFieldError('비밀번호', '비밀번호를 입력해 주세요.');
    expectFieldError('닉네임', '닉네임을 입력해 주세요.');
    expect(screen.getByLabelText('이메일')).toHaveFocus();
  });

  it('mirrors the server rules for e-mail, password length and nickname characters', async () => {
    const { user } = renderForm();

    await user.type(screen.getByLabelText('이메일'), 'not-an-email');
    await user.type(screen.getByLabelText('비밀번호'), 'short');
    await user.type(screen.getByLabelText('닉네임'), '보리 맘!');
    await user.click(screen.getByRole('button', { name: '가입하기' }));

    expectFieldError('이메일', '올바른 이메일 주소를 입력해 주세요.');
    expectFieldError('비밀번호', '비밀번호는 8자 이상이어야 해요.');
    expectFieldError('닉네임', '닉네임에는 한글, 영문, 숫자, 밑줄(_)만 쓸 수 있어요.');

    await user.clear(screen.getByLabelText('닉네임'));
    await user.type(screen.getByLabelText('닉네임'), '가'.repeat(21));
    expectFieldError('닉네임', '닉네임은 20자 이하여야 해요.');

    await user.clear(screen.getByLabelText('닉네임'));
    await user.type(screen.getByLabelText('닉네임'), '보리_맘2');
    expect(screen.getByLabelText('닉네임')).toHaveAttribute('aria-invalid', 'false');
  });

  it('shows a taken e-mail from the server next to the e-mail field, in Korean', async () => {
    createAccount({ email: 'bori@example.com', password: 'correct-horse', nickname: '보리맘' });
    const { user } = renderForm();

    await user.type(screen.getByLabelText('이메일'), 'bori@example.com');
    await user.type(screen.getByLabelText('비밀번호'), 'another-pass');
    await user.type(screen.getByLabelText('닉네임'), '콩이아빠');
    await user.click(screen.getByRole('button', { name: '가입하기' }));

    expect(await screen.findByText('이미 가입된 이메일이에요.')).toBeInTheDocument();
    expectFieldError('이메일', '이미 가입된 이메일이에요.');
    expect(screen.getByLabelText('이메일')).toHaveFocus();

    // Editing the field clears the server's error for it.
    await user.type(screen.getByLabelText('이메일'), 'x');
    expect(screen.queryByText('이미 가입된 이메일이에요.')).not.toBeInTheDocument();
  });

  it('translates server validation errors by field and code', async () => {
    server.use(
      http.post('*/api/v1/accounts', () =>
        problem(422, 'validation.failed', {
          errors: [
            { field: 'nickname', code: 'validation.too_long', message: 'String too long' },
            { field: 'password', code: 'validation.too_short', message: 'String too short' },
          ],
        }),
      ),
    );
    const { user } = renderForm();

    await user.type(screen.getByLabelText('이메일'), 'kong@example.com');
    await user.type(screen.getByLabelText('비밀번호'), 'long-enough');
    await user.type(screen.getByLabelText('닉네임'), '콩이');
    await user.click(screen.getByRole('button', { name: '가입하기' }));

    expect(await screen.findByText('닉네임은 20자 이하여야 해요.')).toBeInTheDocument();
    expectFieldError('비밀번호', '비밀번호는 8자 이상이어야 해요.');
    expect(screen.getByLabelText('비밀번호')).toHaveFocus();
  });

  it('falls back to the server message for an unknown code', async () => {
    server.use(
      http.post('*/api/v1/accounts', () =>
        problem(422, 'validation.failed', {
          errors: [{ field: 'nickname', code: 'validation.reserved', message: 'Reserved word' }],
        }),
      ),
    );
    const { user } = renderForm();

    await user.type(screen.getByLabelText('이메일'), 'kong@example.com');
    await user.type(screen.getByLabelText('비밀번호'), 'long-enough');
    await user.type(screen.getByLabelText('닉네임'), 'admin');
    await user.click(screen.getByRole('button', { name: '가입하기' }));

    expect(await screen.findByText('Reserved word')).toBeInTheDocument();
  });

  it('disables the button with a spinner while submitting, then signs in', async () => {
    let succeeded = false;
    const { user } = renderForm(() => {
      succeeded = true;
    });

    await user.type(screen.getByLabelText('이메일'), 'kong@example.com');
    await user.type(screen.getByLabelText('비밀번호'), 'long-enough');
    await user.type(screen.getByLabelText('닉네임'), '콩이아빠');
    await user.click(screen.getByRole('button', { name: '가입하기' }));

    const busy = screen.getByRole('button', { name: '가입하는 중…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    await screen.findByRole('button', { name: '가입하기' });
    expect(succeeded).toBe(true);
  });

  it('shows rate limiting with the seconds to wait', async () => {
    server.use(
      http.post('*/api/v1/accounts', () =>
        problem(429, 'rate_limited', { headers: { 'Retry-After': '42' } }),
      ),
    );
    const { user } = renderForm();

    await user.type(screen.getByLabelText('이메일'), 'kong@example.com');
    await user.type(screen.getByLabelText('비밀번호'), 'long-enough');
    await user.type(screen.getByLabelText('닉네임'), '콩이아빠');
    await user.click(screen.getByRole('button', { name: '가입하기' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      '요청이 너무 많아요. 42초 후에 다시 시도해 주세요.',
    );
  });
});
