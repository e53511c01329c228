import { fireEvent, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { db, issueToken, seedSignedInMember } from '@/testing/mocks/db';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { MediaAttachments } from '../media-attachments';
import type { MediaItem } from '../media-preview';

function Harness() {
  const [items, setItems] = useState<readonly MediaItem[]>([]);
  return (
    <MediaAttachments
      label="증거 사진·동영상"
      purpose="report_evidence"
      value={items}
      onChange={setItems}
      hint="사진과 동영상을 올릴 수 있어요."
      maxItems={3}
    />
  );
}

function signIn() {
  const me = seedSignedInMember();
  setAccessToken(issueToken(me.id).access_token);
}

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'chat.png', { type: 'image/png' });
const webm = () => new File([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])], 'walk.webm', { type: 'video/webm' });

describe('MediaAttachments', () => {
  it('uploads photos and videos together; a video gets a player with its poster and length', async () => {
    signIn();
    const { user, container } = renderWithProviders(<Harness />);

    await user.upload(screen.getByLabelText(/사진·동영상 추가/), [png(), webm()]);

    const list = await screen.findByRole('list', { name: '올린 사진과 동영상' });
    expect(await within(list).findByAltText('사진 1')).toBeInTheDocument();
    expect(within(list).getByText('동영상 1 · 0:02')).toBeInTheDocument();
    // The player replaces its placeholder once the private file has been fetched.
    const video = await waitFor(() => {
      const player = list.querySelector('video');
      expect(player).not.toBeNull();
      return player!;
    });
    expect(video).toHaveAccessibleName('동영상 1');
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAttribute('playsinline');
    expect(video.getAttribute('poster')).toMatch(/^blob:/);
    expect(db.media.size).toBe(2);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('takes a file out again', async () => {
    signIn();
    const { user } = renderWithProviders(<Harness />);

    await user.upload(screen.getByLabelText(/사진·동영상 추가/), png());
    await user.click(await screen.findByRole('button', { name: '사진 1 빼기' }));

    expect(screen.queryByRole('list', { name: '올린 사진과 동영상' })).not.toBeInTheDocument();
  });

  it('says which file was refused and why, and keeps the others', async () => {
    signIn();
    renderWithProviders(<Harness />);

    fireEvent.change(screen.getByLabelText(/사진·동영상 추가/), {
      target: { files: [png(), new File(['%PDF-1.4'], 'notes.pdf', { type: 'application/pdf' })] },
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('notes.pdf: 지원하지 않는 파일 형식이에요.');
    expect(await screen.findByAltText('사진 1')).toBeInTheDocument();
  });

  it('refuses more files than allowed', async () => {
    signIn();
    renderWithProviders(<Harness />);

    fireEvent.change(screen.getByLabelText(/사진·동영상 추가/), { target: { files: [png(), png(), png(), png()] } });

    expect(await screen.findByRole('alert')).toHaveTextContent('최대 3개까지 올릴 수 있어요.');
    expect(await screen.findByAltText('사진 3')).toBeInTheDocument();
    expect(db.media.size).toBe(3);
  });
});
