import { DayButton, DayPicker, type DayButtonProps } from 'react-day-picker';
import 'react-day-picker/style.css';

import { dateLocale, dayKey, WEEK_STARTS_ON } from './days';
import './calendar.css';

export interface MonthCalendarProps {
  month: Date;
  onMonthChange: (month: Date) => void;
  selected: Date;
  onSelect: (day: Date) => void;
  /** How many things each day has (yyyy-MM-dd → count); days without are left out. */
  counts: Readonly<Record<string, number>>;
  /** Read out with a day that has things, e.g. "번개 3개". */
  countLabel: (count: number) => string;
  language: string;
  label: string;
}

/**
 * A month of days (react-day-picker) in the app's language, weeks from Sunday, each
 * day marked with how many things it has. Used by 번개 and later by 소모임 schedules.
 */
export function MonthCalendar({
  month,
  onMonthChange,
  selected,
  onSelect,
  counts,
  countLabel,
  language,
  label,
}: MonthCalendarProps) {
  function MarkedDayButton({ day, modifiers, children, ...props }: DayButtonProps) {
    const count = counts[dayKey(day.date)] ?? 0;
    const aria = props['aria-label'];
    return (
      <DayButton
        day={day}
        modifiers={modifiers}
        {...props}
        aria-label={count > 0 ? `${aria ?? ''} ${countLabel(count)}`.trim() : aria}
        data-count={count > 0 ? count : undefined}
      >
        <span className="month-calendar__number">{children}</span>
        {count > 0 ? (
          <span className="month-calendar__mark" aria-hidden="true">
            {count}
          </span>
        ) : (
          <span className="month-calendar__mark month-calendar__mark--none" aria-hidden="true" />
        )}
      </DayButton>
    );
  }

  return (
    <div className="month-calendar" role="group" aria-label={label}>
      <DayPicker
        mode="single"
        required
        locale={dateLocale(language)}
        weekStartsOn={WEEK_STARTS_ON}
        month={month}
        onMonthChange={onMonthChange}
        selected={selected}
        onSelect={(day: Date | undefined) => {
          if (day !== undefined) onSelect(day);
        }}
        showOutsideDays
        fixedWeeks
        modifiers={{ marked: (day: Date) => (counts[dayKey(day)] ?? 0) > 0 }}
        modifiersClassNames={{ marked: 'month-calendar__day--marked' }}
        components={{ DayButton: MarkedDayButton }}
      />
    </div>
  );
}
