import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { setAccessToken } from '@/lib/api-client';
import { db, issueToken, seedSignedInMember } from '@/testing/mocks/db';
import { hospitalState, makeHospital } from '@/testing/mocks/hospital-handlers';
import { renderWithProviders, screen } from '@/testing/test-utils';

import { CorrectionQueue } from '../correction-queue';
import { HospitalFinder } from '../hospital-finder';
import { HoursEditor } from '../hours-editor';

function signIn({ admin = false } = {}) {
  const me = seedSignedInMember({ nickname: admin ? '운영자' : '보리맘' });
  if (admin) db.grantedRoles.set(me.id, ['admin']);
  setAccessToken(issueToken(me.id).access_token);
  return me;
}

describe('Corrections', () => {
  it('lets a member suggest a phone number, with the server refusing a bad one', async () => {
    signIn();
    makeHospital({ name: '바른동물병원' });
    const { user } = renderWithProviders(<HospitalFinder />, { url: '/hospitals' });

    const card = await screen.findByRole('article', { name: '바른동물병원' });
    await user.click(within(card).getByRole('button', { name: '정보 수정 제안' }));
    const form = within(card).getByRole('form', { name: '정보 수정 제안' });
    const phone = within(form).getByRole('textbox', { name: '올바른 전화번호' });
    await user.type(phone, '123');
    await user.click(within(form).getByRole('button', { name: '제안 보내기' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('올바른 전화번호가 아니에요.');
    await user.clear(phone);
    await user.type(phone, '062-571-1275');
    await user.click(within(form).getByRole('button', { name: '제안 보내기' }));
    expect(await within(card).findByText('제안을 보냈어요. 고마워요!')).toBeInTheDocument();
    expect(hospitalState.corrections.map((c) => [c.kind, c.phone])).toEqual([['phone', '062-571-1275']]);
  });

  it('lets an administrator apply or reject suggestions', async () => {
    signIn({ admin: true });
    const hospital = makeHospital({ name: '바른동물병원' });
    hospitalState.corrections.push({
      id: 'c1',
      hospital_id: hospital.id,
      hospital_name: hospital.name,
      kind: 'phone',
      phone: '062-571-1275',
      hours: null,
      open_24h: null,
      note: '전화해 봤어요',
      status: 'pending',
      created_at: new Date().toISOString(),
      decided_at: null,
      decision_reason: '',
    });
    const { user } = renderWithProviders(<CorrectionQueue />, { url: '/admin/hospitals' });

    const item = await screen.findByRole('listitem', { name: '바른동물병원 · 전화번호' });
    expect(within(item).getByText('제안된 번호: 062-571-1275')).toBeInTheDocument();
    await user.type(within(item).getByRole('textbox', { name: '처리 사유 (선택)' }), '확인함');
    await user.click(within(item).getByRole('button', { name: '반영' }));
    expect(await screen.findByRole('heading', { name: '검토할 제안이 없어요' })).toBeInTheDocument();
    expect(hospitalState.corrections[0]?.status).toBe('accepted');
    expect(hospitalState.corrections[0]?.decision_reason).toBe('확인함');
  });

  it('shows a member the error when the queue refuses them', async () => {
    signIn();
    renderWithProviders(<CorrectionQueue />, { url: '/admin/hospitals' });
    expect(await screen.findByRole('heading', { name: '제안을 불러오지 못했어요' })).toBeInTheDocument();
  });

  it('lets an administrator set weekly hours and the 24-hour flag', async () => {
    signIn({ admin: true });
    const hospital = makeHospital({ name: '바른동물병원' });
    const { user } = renderWithProviders(<HoursEditor />, { url: '/admin/hospitals' });

    await user.type(screen.getByRole('searchbox', { name: '병원 이름' }), '바른');
    await user.click(await screen.findByRole('button', { name: /바른동물병원/ }));
    const form = await screen.findByRole('form', { name: '바른동물병원 진료 시간' });
    await user.click(within(form).getByRole('checkbox', { name: '월요일 진료' }));
    await user.click(within(form).getByRole('checkbox', { name: '24시간 진료해요' }));
    await user.click(within(form).getByRole('button', { name: '진료 시간 저장' }));
    expect(await within(form).findByText('저장했어요.')).toBeInTheDocument();
    expect(hospital.open_24h).toBe(true);
    expect(hospital.hours).toEqual([{ weekday: 0, opens: '09:00', closes: '18:00' }]);
  });
});
