import { fireEvent } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { db, issueToken, seedSignedInMember } from '@/testing/mocks/db';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { PhotoUpload, type PhotoValue } from '../photo-upload';

function Harness() {
  const [value, setValue] = useState<PhotoValue | null>(null);
  return <PhotoUpload label="강아지 사진" purpose="dog_photo" value={value} onChange={setValue} name="콩이" />;
}

function signIn() {
  const me = seedSignedInMember();
  setAccessToken(issueToken(me.id).access_token);
}

// A 1×1 transparent PNG.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
  (char) => char.charCodeAt(0),
);

describe('PhotoUpload', () => {
  it('uploads the chosen image and previews the thumbnail', async () => {
    signIn();
    const { user, container } = renderWithProviders(<Harness />);

    await user.upload(screen.getByLabelText('강아지 사진'), new File([PNG], 'kong.png', { type: 'image/png' }));

    expect(await screen.findByRole('button', { name: '사진 빼기' })).toBeInTheDocument();
    const image = container.querySelector('img');
    expect(image?.getAttribute('src')).toMatch(/^\/api\/v1\/media\/.+\/thumbnail$/);
    expect(screen.getByText('사진 바꾸기')).toBeInTheDocument();
    expect(db.media.size).toBe(1);
  });

  it('explains a 415 unsupported file type in Korean', async () => {
    signIn();
    renderWithProviders(<Harness />);

    // accept="image/*" is only a hint to the picker (some let any file through); the server decides.
    fireEvent.change(screen.getByLabelText('강아지 사진'), {
      target: { files: [new File(['%PDF-1.4'], 'kong.pdf', { type: 'application/pdf' })] },
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('지원하지 않는 파일 형식이에요.');
    expect(db.media.size).toBe(0);
  });

  it('explains a 413 file too large in Korean', async () => {
    signIn();
    db.uploadLimitBytes = 10;
    const { user } = renderWithProviders(<Harness />);

    await user.upload(screen.getByLabelText('강아지 사진'), new File([PNG], 'big.png', { type: 'image/png' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('파일이 너무 커요. 더 작은 사진을 올려 주세요.');
  });
});
