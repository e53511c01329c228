import { addDays, format, isSameDay } from 'date-fns';

import { dateLocale, dayKey, weekOf } from './days';
import './calendar.css';

export interface WeekStripProps {
  selected: Date;
  onSelect: (day: Date) => void;
  counts: Readonly<Record<string, number>>;
  countLabel: (count: number) => string;
  language: string;
  label: string;
  previousLabel: string;
  nextLabel: string;
}

/** One week (Sunday first) as seven day buttons with their counts, and arrows. */
export function WeekStrip({
  selected,
  onSelect,
  counts,
  countLabel,
  language,
  label,
  previousLabel,
  nextLabel,
}: WeekStripProps) {
  const locale = dateLocale(language);
  const days = weekOf(selected);
  return (
    <div className="week-strip" role="group" aria-label={label}>
      <button
        type="button"
        className="week-strip__arrow"
        aria-label={previousLabel}
        onClick={() => onSelect(addDays(selected, -7))}
      >
        ‹
      </button>
      <ol className="week-strip__days">
        {days.map((day) => {
          const count = counts[dayKey(day)] ?? 0;
          const chosen = isSameDay(day, selected);
          return (
            <li key={dayKey(day)}>
              <button
                type="button"
                className={chosen ? 'week-strip__day week-strip__day--selected' : 'week-strip__day'}
                aria-pressed={chosen}
                aria-label={`${format(day, 'PPPP', { locale })}${count > 0 ? ` ${countLabel(count)}` : ''}`}
                onClick={() => onSelect(day)}
              >
                <span className="week-strip__weekday">{format(day, 'EEEEE', { locale })}</span>
                <span className="week-strip__date">{format(day, 'd')}</span>
                <span className={count > 0 ? 'week-strip__mark' : 'week-strip__mark week-strip__mark--none'}>
                  {count > 0 ? count : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="week-strip__arrow"
        aria-label={nextLabel}
        onClick={() => onSelect(addDays(selected, 7))}
      >
        ›
      </button>
    </div>
  );
}
