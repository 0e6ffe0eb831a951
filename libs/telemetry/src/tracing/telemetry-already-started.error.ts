/** Thrown by a second startTelemetry call: instrumentations and OTel globals can be registered once per process. */
export class TelemetryAlreadyStartedError extends Error {
  constructor(readonly firstServiceName: string) {
    super(
      `startTelemetry was already called in this process (service "${firstServiceName}"); ` +
        'call it once, from the app entry point (instrument.ts), and share the returned handle',
    );
    this.name = 'TelemetryAlreadyStartedError';
  }
}
