import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { boardState, makePost } from '@/testing/mocks/board-handlers';
import { seedSignedInMember } from '@/testing/mocks/db';
import { renderApp, screen } from '@/testing/test-utils';

describe('게시판', () => {
  it('lists my 동 by default, switches tabs and the area, and says when a tab is empty', async () => {
    seedSignedInMember();
    makePost({ title: '콩이 자랑', category: 'dog_show' });
    const { user } = renderApp('/boards');

    expect(await screen.findByRole('heading', { level: 3, name: '콩이 자랑' })).toBeInTheDocument();
    expect(screen.queryByText(/준비 중/)).not.toBeInTheDocument();
    expect(boardState.requests.at(-1)?.get('scope')).toBe('dong');

    await user.click(screen.getByRole('button', { name: '내 시/군/구' }));
    await screen.findByRole('heading', { level: 3, name: '콩이 자랑' });
    expect(boardState.requests.at(-1)?.get('scope')).toBe('district');

    await user.click(screen.getByRole('button', { name: '유머' }));
    expect(await screen.findByText('아직 글이 없어요. 첫 글을 써 보세요!')).toBeInTheDocument();
    expect(boardState.requests.at(-1)?.get('category')).toBe('humour');

    await user.click(screen.getByRole('button', { name: '인기글' }));
    expect(await screen.findByText(/아직 인기글이 없어요/)).toBeInTheDocument();
  });

  it('marks the searched word inside longer words in the results', async () => {
    seedSignedInMember();
    makePost({ title: '산책로 추천해요', excerpt: '한강공원 산책로가 좋아요' });
    makePost({ title: '사료 고민', excerpt: '어떤 사료가 좋을까요' });
    const { user } = renderApp('/boards');

    await user.type(await screen.findByRole('searchbox', { name: '게시글 검색' }), '산책');
    await user.click(screen.getByRole('button', { name: '검색' }));

    expect(await screen.findByText('‘산책’ 검색 결과')).toBeInTheDocument();
    const titles = await screen.findAllByRole('heading', { level: 3 });
    expect(titles.map((heading) => heading.textContent)).toEqual(['산책로 추천해요']);
    const [title] = titles;
    expect(title && within(title).getByText('산책', { selector: 'mark' })).toBeInTheDocument();
    expect(boardState.requests.at(-1)?.get('q')).toBe('산책');
  });
});

describe('게시글', () => {
  it('shows the sanitised content, 수정됨, the media, likes and the report link with the content', async () => {
    seedSignedInMember();
    const post = makePost({
      title: '우리 콩이',
      content_html: '<p><strong>산책</strong> 다녀왔어요</p>',
      edited_at: new Date().toISOString(),
      media: [
        { id: 'm1', kind: 'image', url: '/m1/file', thumbnail_url: '/m1/thumb', poster_url: null, duration_ms: null },
        { id: 'm2', kind: 'video', url: '/m2/file', thumbnail_url: '/m2/thumb', poster_url: '/m2/poster', duration_ms: 1500 },
      ],
    });
    const { user } = renderApp(`/boards/posts/${post.id}`);

    expect(await screen.findByRole('heading', { level: 1, name: '우리 콩이' })).toBeInTheDocument();
    expect(screen.getByText('산책', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByText(/수정됨/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '사진 1' })).toHaveAttribute('src', '/m1/file');
    expect(screen.getByLabelText('동영상 1')).toHaveAttribute('poster', '/m2/poster');
    expect(screen.getByRole('link', { name: '콩이아빠님의 회원 카드' })).toHaveAttribute(
      'href',
      `/members/${post.author.id}`,
    );
    const report = screen.getByRole('link', { name: '신고' });
    const target = new URL(report.getAttribute('href') ?? '', 'http://localhost');
    expect(target.pathname).toBe('/reports/new');
    expect(target.searchParams.get('member')).toBe('콩이아빠');
    expect(target.searchParams.get('about')).toContain('우리 콩이');

    await user.click(screen.getByRole('button', { name: '좋아요' }));
    expect(await screen.findByRole('button', { name: '좋아요 취소' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows a deleted author as 탈퇴한 회원 without a card link, and adds a comment', async () => {
    seedSignedInMember({ nickname: '보리맘' });
    const post = makePost({ author: { id: 'gone', nickname: null, deleted: true, photo_url: null } });
    const { user } = renderApp(`/boards/posts/${post.id}`);

    expect(await screen.findByText('탈퇴한 회원')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /회원 카드/ })).not.toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: '댓글을 남겨 주세요' }), '귀여워요');
    await user.click(screen.getByRole('button', { name: '등록' }));
    expect(await screen.findByText('귀여워요')).toBeInTheDocument();
  });
});
