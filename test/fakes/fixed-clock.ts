import type { Clock } from '../../core/index';

export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now() {
    return new Date(this.current);
  }
  set(iso: string) {
    this.current = new Date(iso);
  }
  advanceDays(days: number) {
    this.advanceMs(days * 86_400_000);
  }
  advanceMinutes(minutes: number) {
    this.advanceMs(minutes * 60_000);
  }
  advanceMs(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}
