import type { Schemas } from '@/lib/api-client';

export type Hospital = Schemas['HospitalRead'];
export type HospitalDetail = Schemas['HospitalDetailRead'];
export type HospitalPage = Schemas['HospitalPage'];
export type Province = Schemas['HospitalProvinceRead'];
export type District = Schemas['HospitalDistrictRead'];
export type MapSettings = Schemas['HospitalMapRead'];
export type Correction = Schemas['HospitalCorrectionRead'];
export type CorrectionPage = Schemas['HospitalCorrectionPage'];
export type CorrectionCreate = Schemas['HospitalCorrectionCreate'];
export type CorrectionKind = CorrectionCreate['kind'];
export type Interval = Schemas['HoursIntervalIn'];

/** A device position: used for one search, never stored or sent anywhere else. */
export interface Position {
  latitude: number;
  longitude: number;
}

export interface HospitalFilters {
  province: string;
  district: string;
  name: string;
  open24h: boolean;
  openNow: boolean;
  /** Set: nearest first from here. */
  position: Position | null;
  /** Nearest first from the member's verified 동 centre (when no position is set). */
  fromNeighbourhood: boolean;
}

export const NO_FILTERS: HospitalFilters = {
  province: '',
  district: '',
  name: '',
  open24h: false,
  openNow: false,
  position: null,
  fromNeighbourhood: false,
};
