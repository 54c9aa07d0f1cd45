import type { Store } from './store';
import type { ChartLinks } from './charts/links';
import type { Outbox } from './outbox/outbox';
import type { ReportScheduleDefaults } from './schedules';

/** What core operations need from the outside world. */
export interface CoreDeps {
  store: Store;
  /** Server key for keyed hashes (anonymous dedupe). */
  secret: string;
  outbox: Outbox;
  /** Links to chart pictures, when the server's address is known; without them cards fall back to text bars. */
  charts?: ChartLinks;
  /** When summaries and digests go out where no chair set a schedule; DEFAULT_REPORT_SCHEDULES without it. */
  reportSchedules?: ReportScheduleDefaults;
}
