export { readTopicUntil, eventually, type ReadMessage } from './testing/read-topic';
export { testTopic } from './testing/test-topic';
