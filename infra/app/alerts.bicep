metadata description = 'Alerts an operator acts on: failed runs, a dispatch timer that stopped, 5xx answers, messages moved to a poison queue, unresolved Key Vault references, Event Grid delivery failures and dead letters; and the operators\' workbook.'

param location string
@description('Tags on every resource (name → value).')
param tags { *: string }
param applicationInsightsId string
param namePrefix string

@description('Log Analytics workspace holding the resource logs (StorageQueueLogs, FunctionAppLogs) and the workspace-based Application Insights tables.')
param logAnalyticsId string

@description('Minutes between two runs of the dispatch timer (its NCRONTAB); the alert fires after three periods without a run.')
@minValue(1)
param dispatchPeriodMinutes int

@description('Share of HTTP requests answered 5xx, in percent, over 15 minutes, that raises an alert.')
@minValue(1)
@maxValue(100)
param http5xxPercent int

@description('Event Grid system topic whose dead-lettered events mean an upload never reached the app.')
param systemTopicName string

@description('E-mail address alerts go to; empty creates the alert rules without a notification (they still show in the portal).')
param alertEmail string

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: '${namePrefix}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'pressops'
    enabled: true
    emailReceivers: [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = empty(alertEmail) ? [] : [actionGroup.id]

// Three schedule periods, and at least the 5 minutes a log alert's window can be.
var dispatchWindowMinutes = max(5, 3 * dispatchPeriodMinutes)

// Each rule: a KQL query that fires when it returns any row in its window. Requests are never sampled (host.json
// excludes them), so counting them is exact; the poison rule reads the queue service's own log, which records every
// message put on a queue (queue metrics have no per-queue dimension, so no metric can single out *-poison queues).
var rules = [
  {
    name: 'function-failures'
    displayName: 'PressPipeline: function runs failed'
    description: 'A function invocation failed in the last 15 minutes. See docs/deploy.md, "Logs and alerts".'
    severity: 2
    scope: applicationInsightsId
    window: 'PT15M'
    query: 'requests | where success == false | summarize failures = count() by operation_Name'
  }
  {
    name: 'dispatch-timer-stopped'
    displayName: 'PressPipeline: the dispatch timer has not run for three periods'
    description: 'DispatchDue did not run for three of its schedule periods: nothing due is being sent or published. See docs/deploy.md, "Logs and alerts".'
    severity: 1
    scope: applicationInsightsId
    window: 'PT${dispatchWindowMinutes}M'
    query: 'requests | where operation_Name == "DispatchDue" | summarize runs = count() | where runs == 0'
  }
  {
    name: 'http-5xx'
    displayName: 'PressPipeline: HTTP 5xx answers'
    description: 'More than ${http5xxPercent} % of HTTP requests failed with 5xx in 15 minutes (unsubscribe, signed files, the API, SendGrid events). See docs/deploy.md, "Logs and alerts".'
    severity: 2
    scope: applicationInsightsId
    window: 'PT15M'
    query: 'requests | where isnotempty(resultCode) | summarize total = count(), failed = countif(toint(resultCode) >= 500) | where total > 0 and failed * 100.0 / total > ${http5xxPercent}'
  }
  {
    name: 'poison-messages'
    displayName: 'PressPipeline: message or blob moved to a poison queue'
    description: 'A queue message or an upload exhausted its retries. See docs/deploy.md, "Poison queues".'
    severity: 1
    scope: logAnalyticsId
    window: 'PT15M'
    query: 'StorageQueueLogs | where OperationName == "PutMessage" and ObjectKey has "-poison" | summarize moved = count() by ObjectKey'
  }
  {
    name: 'unresolved-references'
    displayName: 'PressPipeline: the app refused to start on an unresolved Key Vault reference'
    description: 'A secret setting is empty or still an unresolved Key Vault reference, so the app does not start. See docs/deploy.md, "Key Vault references".'
    severity: 0
    scope: logAnalyticsId
    window: 'PT15M'
    query: 'union isfuzzy=true (FunctionAppLogs | where Message has "unresolved Key Vault reference" or Message has "is not set; the app does not start"), (AppExceptions | where OuterMessage has "unresolved Key Vault reference" or OuterMessage has "is not set; the app does not start") | summarize refusals = count()'
  }
]

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in rules: {
    name: '${namePrefix}-${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        rule.scope
      ]
      evaluationFrequency: 'PT5M'
      windowSize: rule.window
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: actions
      }
    }
  }
]

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

// Event Grid metrics of a system topic (Azure Monitor, Microsoft.EventGrid/systemTopics): a failed delivery attempt
// means the app did not take an upload event (it is retried); a dead-lettered one means the release was never
// converted.
var topicAlerts = [
  {
    name: 'upload-event-deliveries-failing'
    description: 'Event Grid could not deliver upload events to the app (they are being retried). See docs/deploy.md, "What the second step does".'
    severity: 2
    metricName: 'DeliveryAttemptFailCount'
  }
  {
    name: 'upload-events-dead-lettered'
    description: 'Event Grid dead-lettered an upload event. See docs/deploy.md, "Poison queues".'
    severity: 1
    metricName: 'DeadLetteredCount'
  }
]

resource topicMetricAlerts 'Microsoft.Insights/metricAlerts@2026-01-01' = [
  for alert in topicAlerts: {
    name: '${namePrefix}-${alert.name}'
    location: 'global'
    tags: tags
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        systemTopic.id
      ]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
        allOf: [
          {
            criterionType: 'StaticThresholdCriterion'
            name: alert.metricName
            metricName: alert.metricName
            timeAggregation: 'Total'
            operator: 'GreaterThan'
            threshold: 0
          }
        ]
      }
      autoMitigate: true
      actions: [
        for group in actions: {
          actionGroupId: group
        }
      ]
    }
  }
]

// The operators' workbook: releases, sends and failures on one page (infra/app/workbook.json, queries over the
// workspace-based Application Insights tables and the resource logs).
resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, namePrefix, 'operations-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'PressPipeline operations'
    category: 'workbook'
    sourceId: logAnalyticsId
    serializedData: string(loadJsonContent('workbook.json'))
  }
}
