/**
 * Electron's Event objects as the stand-in hands them to listeners: `preventDefault()` and
 * `defaultPrevented`, which is all our code reads (electron.d.ts `interface Event`).
 */
export interface StandInEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function standInEvent<T extends object>(extra: T = {} as T): StandInEvent & T {
  let prevented = false;
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    extra,
  );
}
