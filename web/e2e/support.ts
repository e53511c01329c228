import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

import { expect, type APIRequestContext, type Page } from '@playwright/test';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `mungmo …` on the e2e server's data directory, as an operator would. */
export function mungmoCommand(...args: string[]): string {
  const dataDir = process.env.MUNGMO_E2E_DATA_DIR;
  if (dataDir === undefined) throw new Error('playwright.config.ts sets MUNGMO_E2E_DATA_DIR');
  return execFileSync(join(repoRoot, '.venv', 'bin', 'python'), ['-m', 'mungmo.cli', ...args, '--data-dir', dataDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const screenshotDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  // Nothing may stick out sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  if (!fullPage) {
    // What the phone shows right now (e.g. a dialog over the page).
    await page.screenshot({ path: `${screenshotDir}${name}.png` });
    return;
  }
  // A viewport as tall as the page, so the sticky top bar and the fixed bottom
  // navigation are drawn where they belong (a stitched full-page image misplaces them).
  const viewport = page.viewportSize() ?? { width: 390, height: 844 };
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: `${screenshotDir}${name}.png` });
  await page.setViewportSize(viewport);
}

/** A member unique to this run (nickname: 2–20 Korean/English letters, digits, _). */
export function newMember(prefix = '멍멍') {
  const suffix = `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1000).toString(36)}`;
  return {
    email: `e2e-${suffix}@example.com`,
    password: 'walkies-1234',
    nickname: `${prefix}${suffix}`,
  };
}

/** 서울특별시 종로구 청운효자동: its code and the centre point in the shared region data. */
export const CHEONGUN_HYOJA = { code: '1111051500', latitude: 37.584754, longitude: 126.968391 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real size×size RGB PNG in one colour, built byte by byte. */
export function solidPng(size: number, [r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [r, g, b]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface ApiMember {
  id: string;
  nickname: string;
  token: string;
  /** To log the same member in from a browser. */
  email: string;
  password: string;
}

/**
 * Signs a member up and finishes onboarding through the API only (owner traits,
 * a dog, the neighbourhood), as a second person using the app would.
 */
export async function onboardedMemberViaApi(request: APIRequestContext, prefix = '이웃'): Promise<ApiMember> {
  const member = newMember(prefix);
  const created = await request.post('/api/v1/accounts', { data: member });
  expect(created.status()).toBe(201);
  const login = await request.post('/api/v1/auth/login', { data: { email: member.email, password: member.password } });
  expect(login.ok()).toBe(true);
  const { access_token: token, account_id: id } = (await login.json()) as { access_token: string; account_id: string };
  const headers = { Authorization: `Bearer ${token}` };

  // The profile is created from the sign-up event: wait for it.
  await expect
    .poll(async () => (await request.get('/api/v1/members/me', { headers })).status(), { timeout: 15_000 })
    .toBe(200);

  const photo = await request.post('/api/v1/media', {
    headers,
    multipart: {
      purpose: 'profile_photo',
      file: { name: 'me.png', mimeType: 'image/png', buffer: solidPng(64, [90, 140, 200]) },
    },
  });
  expect(photo.status()).toBe(201);
  const { id: photoId } = (await photo.json()) as { id: string };

  // The photo is accepted once the member service heard about the upload.
  await expect
    .poll(
      async () =>
        (
          await request.patch('/api/v1/members/me', {
            headers,
            data: {
              owner_traits: ['outgoing', 'early_bird'],
              photo_media_id: photoId,
              birth_year: 1991,
              age_public: true,
              gender: 'female',
              gender_public: false,
            },
          })
        ).status(),
      { timeout: 15_000 },
    )
    .toBe(200);
  const dog = await request.post('/api/v1/members/me/dogs', {
    headers,
    data: {
      name: '두부',
      breed: 'poodle',
      size: 'small',
      traits: ['playful', 'good_with_big_dogs'],
      muzzle: false,
      barks: true,
      vaccinated: true,
      registered: true,
      energy_level: 4,
      play_style: 'fetch',
      public_fields: ['name', 'breed', 'size', 'traits', 'barks', 'vaccinated', 'registered', 'energy_level', 'play_style'],
    },
  });
  expect(dog.status()).toBe(201);
  const verified = await request.post('/api/v1/members/me/neighbourhood', {
    headers,
    data: { region_code: CHEONGUN_HYOJA.code, latitude: CHEONGUN_HYOJA.latitude, longitude: CHEONGUN_HYOJA.longitude },
  });
  expect(verified.status()).toBe(200);
  return { id, nickname: member.nickname, token, email: member.email, password: member.password };
}
