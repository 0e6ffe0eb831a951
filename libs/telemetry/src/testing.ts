export { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './testing/otlp.receiver';
export { captureLogs, type LogCapture } from './testing/log.capture';
