metadata description = 'Alerts an operator acts on: failed function runs, messages moved to a poison queue, upload events Event Grid gave up on.'

param location string
param tags object
param applicationInsightsId string
param namePrefix string

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

// Each rule: a KQL query over Application Insights that fires when it returns any row in the window.
var rules = [
  {
    name: 'function-failures'
    displayName: 'PressPipeline: function runs failed'
    description: 'A function invocation failed in the last 15 minutes. See docs/deploy.md, "Logs and alerts".'
    severity: 2
    query: 'requests | where success == false | summarize failures = count() by operation_Name'
  }
  {
    name: 'poison-messages'
    displayName: 'PressPipeline: message or blob moved to a poison queue'
    description: 'A queue message or an upload exhausted its retries. See docs/deploy.md, "Poison queues".'
    severity: 1
    query: 'traces | where message has "poison" | summarize moved = count() by operation_Name'
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
        applicationInsightsId
      ]
      evaluationFrequency: 'PT15M'
      windowSize: 'PT15M'
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

// An upload event that exhausted its retries never reached the blob trigger: the release was not converted.
resource deadLetteredUploads 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: '${namePrefix}-upload-events-dead-lettered'
  location: 'global'
  tags: tags
  properties: {
    description: 'Event Grid dead-lettered an upload event. See docs/deploy.md, "Poison queues".'
    severity: 1
    enabled: true
    scopes: [
      systemTopic.id
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-lettered'
          metricName: 'DeadLetteredCount'
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
