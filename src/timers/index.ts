// Timer values and the clock: ISO 8601 and FEEL timers, calendar months in Europe/Stockholm, words for people.
export { addCalendar, addWorkingDays, stockholmDay } from './calendar-days.js';
export { type Clock, type ClockMode, ManualClock, SystemClock } from './clock.js';
export { addDuration, parseDateOrDateTime } from './date-math.js';
export { describedKinds, describeTimer } from './describe-timer.js';
export { catchUpCycle, type CaughtUpCycle, maxNamedPeriods } from './missed-periods.js';
export { TimerError } from './timer-error.js';
export { checkTimer, nextCycleDue, type ResolvedTimer, resolveTimer, type TimerKind, timerKindNames, timerKinds } from './timer-spec.js';
