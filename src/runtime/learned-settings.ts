// Settings other servers on a shared store changed, as this one learns them: who wants to know of which setting.
export class LearnedSettings {
  private readonly listeners = new Map<string, ((value: unknown) => void)[]>();

  on(name: string, listener: (value: unknown) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  learned(name: string, value: unknown): void {
    for (const listener of this.listeners.get(name) ?? []) listener(value);
  }
}
