import { CorrectionQueue } from '@/features/hospital/components/correction-queue';
import { HoursEditor } from '@/features/hospital/components/hours-editor';

/** 관리자 › 병원: members' corrections to review, and the hours editor. */
export function AdminHospitalsPage() {
  return (
    <>
      <CorrectionQueue />
      <HoursEditor />
    </>
  );
}
