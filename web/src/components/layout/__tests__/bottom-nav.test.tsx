import { describe, expect, it } from 'vitest';

import { renderWithProviders, screen } from '@/testing/test-utils';

import { BottomNav } from '../bottom-nav';

const TAB_NAMES = ['홈', '번개', '소모임', '게시판', '내정보'];

describe('BottomNav', () => {
  it('lists the five tabs with their addresses', () => {
    renderWithProviders(<BottomNav />);

    const nav = screen.getByRole('navigation', { name: '주요 메뉴' });
    const links = screen.getAllByRole('link');
    expect(nav).toContainElement(links[0] ?? null);
    expect(links.map((link) => link.textContent)).toEqual(TAB_NAMES);
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/',
      '/meetups',
      '/clubs',
      '/boards',
      '/me',
    ]);
  });

  it.each([
    ['/', '홈'],
    ['/meetups', '번개'],
    ['/clubs', '소모임'],
    ['/boards', '게시판'],
    ['/me', '내정보'],
  ])('marks only the active tab with aria-current at %s', (url, active) => {
    renderWithProviders(<BottomNav />, { url });

    for (const name of TAB_NAMES) {
      const link = screen.getByRole('link', { name });
      if (name === active) expect(link).toHaveAttribute('aria-current', 'page');
      else expect(link).not.toHaveAttribute('aria-current');
    }
  });

  it('is reachable with the keyboard and moves with Enter', async () => {
    const { user, router } = renderWithProviders(<BottomNav />);

    await user.tab();
    expect(screen.getByRole('link', { name: '홈' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: '번개' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(router.state.location.pathname).toBe('/meetups');
    expect(screen.getByRole('link', { name: '번개' })).toHaveAttribute('aria-current', 'page');
  });
});
