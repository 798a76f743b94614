export {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type Delivery,
  type DeliveryOptions,
  deliver,
} from './deliver';
export { type AnomalyFigure, EVENTS, type EventName, isAlarm, type NotifyEvent } from './events';
export {
  deliveriesMarkdown,
  describeDelivery,
  Notifier,
  type NotifierDeps,
  type Reported,
  reportRun,
} from './notifier';
export { NOTIFY_ROWS, type NotifyConfig, notifyConfig } from './options';
export {
  type BackupFacts,
  backupEvent,
  type CheckFacts,
  checkEvent,
  type DrillFacts,
  drillEvent,
  type FreshnessFacts,
  failedEvent,
  freshnessEvent,
  publicLocation,
} from './outcomes';
export {
  facts,
  type HeartbeatSignal,
  heartbeatRequest,
  NOTIFICATION_VERSION,
  notificationRequest,
  type OutgoingRequest,
  SIGNATURE_HEADER,
  signature,
  slackBody,
  teamsBody,
  webhookBody,
} from './payloads';
export { notificationJsonSchema, notificationSchema } from './schema';
export {
  type HeartbeatTarget,
  type NotifyTarget,
  parseHeartbeat,
  parseTarget,
  type TargetFormat,
  targetAddress,
} from './targets';
