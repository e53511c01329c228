import { useState } from 'react';

import { PawIcon } from '../icons/icons';

import './avatar.css';

interface AvatarProps {
  /** A thumbnail URL; the initial (or a paw) is drawn when missing or broken. */
  src?: string | null | undefined;
  /** Whose picture: used for the initial; the image itself is decorative. */
  name: string;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  shape?: 'circle' | 'rounded';
  /** Draw a paw instead of the initial (for dogs). */
  fallback?: 'initial' | 'paw';
}

/** A round thumbnail; decorative because the name is always shown next to it. */
export function Avatar({ src, name, size = 'md', shape = 'circle', fallback = 'initial' }: AvatarProps) {
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const classes = `avatar avatar--${size} avatar--${shape}`;
  if (src !== null && src !== undefined && src !== '' && brokenSrc !== src) {
    return (
      <img
        className={classes}
        src={src}
        alt=""
        loading="lazy"
        decoding="async"
        onError={() => {
          setBrokenSrc(src);
        }}
      />
    );
  }
  return (
    <span className={`${classes} avatar--fallback`} aria-hidden="true">
      {fallback === 'paw' ? <PawIcon size={size === 'sm' ? 18 : 26} /> : (Array.from(name)[0] ?? '?')}
    </span>
  );
}
